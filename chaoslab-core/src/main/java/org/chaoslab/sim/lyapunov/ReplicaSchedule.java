package org.chaoslab.sim.lyapunov;

import org.chaoslab.sim.rate.GroupStepHandler;

/**
 * The step handler of the batched two-replica estimate ({@link TwoReplicaBatch}): for every pair, on the analyzer's
 * timeline ({@link SpectrumRun}, counted in steps from the initial state), what {@link LyapunovAnalyzer} does to its
 * replica —
 * <ol>
 *   <li>after the state's transient (step T₀ = {@link LyapunovSettings#transientSteps()}; until then the replica column
 *       is a copy of the trajectory, with the same arithmetic and noise): x′ ← x + d0·u, u from {@code seed/replica};</li>
 *   <li>warm-up (W = {@link LyapunovSettings#warmupWindows()} ONS windows): renormalized every renorm interval, the growth
 *       discarded; at its end renormalized once more;</li>
 *   <li>accumulation (A = {@link LyapunovSettings#windows()} windows): renormalized every renorm interval (counted from
 *       the start of the accumulation), the growth added to the batch of the window it falls in; after the last step a
 *       last renormalization when the accumulation did not end on one (or had none).</li>
 * </ol>
 * A renormalization that finds no finite log growth (a NaN state, or x′ = x) stops the pair as diverged.
 */
final class ReplicaSchedule implements GroupStepHandler {

    private final long placement;
    private final long accumulation;
    private final long end;
    private final long onsSteps;
    private final long renormSteps;
    private final double[] direction;
    private final double d0;
    private final ReplicaGrowth[] growth;

    /**
     * @param s         the analyzer's settings (phases, ONS interval, renorm interval, batches)
     * @param direction the replica's unit direction u
     * @param d0        the replica's distance
     * @param pairs     the pairs
     */
    ReplicaSchedule(LyapunovSettings s, double[] direction, double d0, int pairs) {
        this.placement = s.transientSteps();
        this.onsSteps = s.onsSteps();
        this.accumulation = placement + s.warmupWindows() * onsSteps;
        this.end = accumulation + s.windows() * onsSteps;
        this.renormSteps = s.renormSteps();
        this.direction = direction;
        this.d0 = d0;
        this.growth = new ReplicaGrowth[pairs];
        for (int p = 0; p < pairs; p++) {
            growth[p] = new ReplicaGrowth(s.windows(), s.batches(), s.onsInterval());
        }
    }

    /** Steps of the whole run: transient, warm-up and accumulation. */
    long steps() {
        return end;
    }

    /** Pair p's growths. */
    ReplicaGrowth growth(int p) {
        return growth[p];
    }

    @Override
    public boolean afterStep(long step, int pair, double[] x, int from, int to) {
        int n = (to - from) / 2;
        int r = from + n;
        if (step < placement) {
            return true;
        }
        if (step == placement) {
            ReplicaSeparation.place(x, from, r, n, direction, d0);
        }
        boolean ok = true;
        if (step > placement && step <= accumulation && (step - placement) % renormSteps == 0) {
            ok = Double.isFinite(ReplicaSeparation.renormalize(x, from, r, n, d0));   // warm-up: discarded
        }
        if (step == accumulation) {
            ok &= Double.isFinite(ReplicaSeparation.renormalize(x, from, r, n, d0));
        }
        if (step > accumulation) {
            ReplicaGrowth acc = growth[pair];
            long p = step - accumulation;
            if (p % renormSteps == 0) {
                ok &= add(acc, acc.batchOf((p - 1) / onsSteps), x, from, r, n);
            }
            if (step == end && (p % renormSteps != 0 || acc.renormalizations() == 0)) {
                ok &= add(acc, acc.batches() - 1, x, from, r, n);
            }
        }
        return ok;
    }

    private boolean add(ReplicaGrowth acc, int batch, double[] x, int from, int r, int n) {
        double g = ReplicaSeparation.renormalize(x, from, r, n, d0);
        acc.add(batch, g);
        return Double.isFinite(g);
    }
}
