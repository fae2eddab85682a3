package org.chaoslab.sim.rate;

import java.util.List;

import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;

/**
 * The runs that one batched rate simulation advances as one state: G groups of W columns each — one group of M
 * replicas for {@link RateSimulator}, one group per gain for {@link GainBatchSimulator} — each observed by its own
 * recorders as a run of N units × W replicas, and each stopped on its own when its state diverges. This class keeps the
 * bookkeeping apart from the step loop ({@link RateLoop}): where each group's columns sit (the groups still advancing
 * fill the first slots of the state, in group order), the calls to the recorders, and what each group did (steps
 * recorded, divergence, final state).
 *
 * <p>Recording is deferred by one step, as {@link RateSimulator} describes: {@link #recorded} marks step s as due,
 * and {@link #record} hands it to the recorders once the next step has evaluated φ at it. A single group sees the
 * simulator's own arrays; with several groups each gets a copy of its columns of x and φ(x) (N·W values per group and
 * step, against N²·W multiply-adds for its share of the product), valid during the call as {@link Recorder} states.
 */
final class ColumnGroups {

    private final int n;
    private final int width;
    private final Recorder[][] recorders;
    private final boolean anyRecorder;
    /** The group in each slot; slots [0, active) advance. */
    private final int[] groupAt;
    private int active;
    private final long[] recorded;
    private final Divergence[] divergence;
    private final double[][] finalState;
    private final boolean[] finished;
    /** One group's columns of x and φ(x), for the recorders (null for a single group: they get the arrays). */
    private final double[] stateView;
    private final double[] ratesView;
    /** The recorded step waiting for its rates, 0 when none; its time. */
    private long pendingStep;
    private double pendingTime;

    /**
     * @param n         units per column
     * @param width     columns per group
     * @param recorders per group its recorders (the list's size is the number of groups)
     */
    ColumnGroups(int n, int width, List<? extends List<? extends Recorder>> recorders) {
        int groups = recorders.size();
        this.n = n;
        this.width = width;
        this.recorders = new Recorder[groups][];
        boolean any = false;
        for (int g = 0; g < groups; g++) {
            this.recorders[g] = recorders.get(g).toArray(new Recorder[0]);
            any |= this.recorders[g].length > 0;
        }
        this.anyRecorder = any;
        this.groupAt = new int[groups];
        for (int g = 0; g < groups; g++) {
            groupAt[g] = g;
        }
        this.active = groups;
        this.recorded = new long[groups];
        this.divergence = new Divergence[groups];
        this.finalState = new double[groups][];
        this.finished = new boolean[groups];
        this.stateView = groups > 1 ? new double[n * width] : null;
        this.ratesView = groups > 1 ? new double[n * width] : null;
    }

    /** G. */
    int groups() {
        return groupAt.length;
    }

    /** The groups still advancing. */
    int active() {
        return active;
    }

    /** The group in {@code slot} (its index among the groups given). */
    int group(int slot) {
        return groupAt[slot];
    }

    /** Elements [from, to) of the state that the group in {@code slot} occupies: from. */
    int from(int slot) {
        return slot * width * n;
    }

    /** The end of the group's elements (exclusive). */
    int to(int slot) {
        return (slot + 1) * width * n;
    }

    /** Columns per group. */
    int width() {
        return width;
    }

    /** Starts every group's recorders. */
    void start(RunInfo info) {
        for (Recorder[] rs : recorders) {
            for (Recorder r : rs) {
                r.start(info);
            }
        }
    }

    /** Every group still advancing has recorded step {@code step} (at {@code time}); its record is due. */
    void recorded(long step, double time) {
        for (int slot = 0; slot < active; slot++) {
            recorded[groupAt[slot]] = step;
        }
        if (anyRecorder) {
            pendingStep = step;
            pendingTime = time;
        }
    }

    /** Whether a recorded step waits for its rates. */
    boolean due() {
        return pendingStep > 0;
    }

    /** Hands the due step to the recorders of every group still advancing: x and φ(x) as they are now. */
    void record(double[] x, double[] rates) {
        long step = pendingStep;
        pendingStep = 0;
        for (int slot = 0; slot < active; slot++) {
            Recorder[] rs = recorders[groupAt[slot]];
            if (rs.length == 0) {
                continue;
            }
            double[] state = x;
            double[] phi = rates;
            if (stateView != null) {
                System.arraycopy(x, from(slot), stateView, 0, width * n);
                System.arraycopy(rates, from(slot), ratesView, 0, width * n);
                state = stateView;
                phi = ratesView;
            }
            for (Recorder r : rs) {
                r.record(step, pendingTime, state, phi);
            }
        }
    }

    /**
     * Stops the group in {@code slot}, whose state diverged: keeps its state (a copy of its columns of x), finishes its
     * recorders with what they had, and moves the later groups down one slot (the caller moves their columns of the
     * state, gains and noise alike).
     */
    void stop(int slot, Divergence where, double[] x) {
        int g = groupAt[slot];
        divergence[g] = where;
        finalState[g] = java.util.Arrays.copyOfRange(x, from(slot), to(slot));
        finish(g);
        System.arraycopy(groupAt, slot + 1, groupAt, slot, active - slot - 1);
        active--;
    }

    /** The end of the run: the groups still advancing keep their final state. */
    void end(double[] x) {
        for (int slot = 0; slot < active; slot++) {
            finalState[groupAt[slot]] = java.util.Arrays.copyOfRange(x, from(slot), to(slot));
        }
    }

    /** Finishes the recorders of every group not finished yet (also when the run failed). */
    void finishAll() {
        for (int g = 0; g < recorders.length; g++) {
            finish(g);
        }
    }

    private void finish(int g) {
        if (finished[g]) {
            return;
        }
        finished[g] = true;
        for (Recorder r : recorders[g]) {
            r.finish();
        }
    }

    /** Steps group g recorded. */
    long recordedSteps(int g) {
        return recorded[g];
    }

    /** Where group g diverged, null when it did not. */
    Divergence divergence(int g) {
        return divergence[g];
    }

    /** Group g's state at its end (at its divergence, or after the last step), W·N values, column-major. */
    double[] finalState(int g) {
        return finalState[g];
    }
}
