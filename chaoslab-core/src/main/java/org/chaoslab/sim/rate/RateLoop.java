package org.chaoslab.sim.rate;

import java.util.List;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.UnitTransfers;

/**
 * The step loop of every batched rate run: the columns of one state, each with its gain and its streams, advanced
 * together by one matrix–matrix product per evaluation of the drive ({@link RateDynamics}, {@link Stepper}), the
 * annealed noise added after each step ({@link NoiseSource}), and grouped into runs that are recorded and stopped
 * each on its own ({@link ColumnGroups}). {@link RateSimulator} runs M replicas as one group; {@link GainBatchSimulator}
 * runs one group per gain.
 *
 * <p>After each step every group still advancing is checked ({@link RateSimulator#allFinite}, on its own columns); a
 * group that diverged is stopped there and its columns leave the batch — the later columns move down, so the product,
 * the integrator and the noise only ever see the columns still advancing. A column's arithmetic is element-wise
 * except for the product, whose pure-Java kernel computes each entry from that column alone
 * ({@code org.chaoslab.linalg.PanelProduct}); results never depend on the thread count.
 *
 * <p>A {@link GroupStepHandler}, when given, sees each group still advancing after every step (and its initial state
 * before the first), after the divergence check, and may change its columns or stop it ({@link ReplicaPairs}: the
 * replica renormalizations of the two-replica Lyapunov estimate).
 */
final class RateLoop {

    /**
     * What the groups did, by group.
     *
     * @param recordedSteps steps recorded after the transient
     * @param divergences   where each group stopped, null when it completed
     * @param finalStates   each group's state at its end (W·N values, column-major)
     * @param wallSeconds   wall-clock time of the integration, all groups together
     */
    record Outcome(long[] recordedSteps, Divergence[] divergences, double[][] finalStates, double wallSeconds) {
    }

    private RateLoop() {
    }

    /**
     * Runs the columns of {@code realized}'s network.
     *
     * @param gains     per column the factor g_c of the product (null: 1 for every column)
     * @param streams   per column the replica whose streams it takes: initial condition {@code seed/initial/r}, noise
     *                  {@code seed/noise/r/i}
     * @param width     columns per group (groups = streams.length / width, in column order)
     * @param recorders per group its recorders
     */
    static Outcome run(RealizedRateNetwork realized, double[] gains, int[] streams, int width, RateSimulation settings,
                       List<? extends List<? extends Recorder>> recorders, ProgressListener progress) {
        return run(realized, gains, streams, width, settings, recorders, null, progress);
    }

    /**
     * {@link #run(RealizedRateNetwork, double[], int[], int, RateSimulation, List, ProgressListener)} with a step handler
     * (null: none) called for every group still advancing with its initial state (step 0) and after every step.
     */
    static Outcome run(RealizedRateNetwork realized, double[] gains, int[] streams, int width, RateSimulation settings,
                       List<? extends List<? extends Recorder>> recorders, GroupStepHandler handler,
                       ProgressListener progress) {
        int n = realized.network().size();
        if (streams.length != width * recorders.size()) {
            throw new IllegalArgumentException("columns (" + streams.length + ") must be groups (" + recorders.size()
                    + ") x width (" + width + ")");
        }
        double dt = settings.dt();
        double[] x = initialState(n, streams, settings);
        long transientSteps = settings.transientSteps();
        long recordSteps = settings.recordedSteps();
        long total = transientSteps + recordSteps;
        long reportEvery = Math.max(1, total / 200);
        long start = System.nanoTime();
        ColumnGroups groups = new ColumnGroups(n, width, recorders);
        try (ParallelRows pool = new ParallelRows(settings.threads())) {
            UnitTransfers phi = realized.transfers();
            RateDynamics f = new RateDynamics(realized.couplings(), phi, realized.input(), streams.length, gains, pool);
            Stepper stepper = Stepper.of(settings.integrator(), dt, x.length);
            NoiseSource noise = NoiseSource.of(realized.network().input().noise(), n, streams, settings);
            groups.start(new RunInfo(n, width, dt, recordSteps, phi, pool.threads()));
            // step s is recorded at the start of step s + 1, once φ(x_s) has been evaluated for it
            Runnable record = () -> groups.record(x, f.rates());
            try {
                handle(handler, 0, dt, x, f, noise, groups);
                for (long s = 1; s <= total && groups.active() > 0; s++) {
                    stepper.step(f, x, groups.due() ? record : null);
                    if (noise != null) {
                        noise.kick(x, n * f.columns());
                    }
                    stopDiverged(s, dt, x, f, noise, groups);
                    handle(handler, s, dt, x, f, noise, groups);
                    if (groups.active() == 0) {
                        break;
                    }
                    if (s > transientSteps) {
                        groups.recorded(s - transientSteps, (s - transientSteps) * dt);
                    }
                    if (s % reportEvery == 0) {
                        progress.progress(s, total);
                    }
                }
                if (groups.due()) {
                    // the last step: no further step evaluates φ at it
                    TransferKernels.apply(phi, x, f.rates(), 0, n * f.columns());
                    groups.record(x, f.rates());
                }
                groups.end(x);
            } finally {
                groups.finishAll();
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        int g = groups.groups();
        long[] recorded = new long[g];
        Divergence[] divergences = new Divergence[g];
        double[][] finals = new double[g][];
        for (int k = 0; k < g; k++) {
            recorded[k] = groups.recordedSteps(k);
            divergences[k] = groups.divergence(k);
            finals[k] = groups.finalState(k);
        }
        return new Outcome(recorded, divergences, finals, wall);
    }

    /**
     * Stops every group whose state is no longer finite after step s (highest slot first, so that moving the later
     * columns down never moves one still to be checked) and takes its columns out of the state, the gains and the
     * noise.
     */
    private static void stopDiverged(long s, double dt, double[] x, RateDynamics f, NoiseSource noise, ColumnGroups groups) {
        for (int slot = groups.active() - 1; slot >= 0; slot--) {
            if (!RateSimulator.allFinite(x, groups.from(slot), groups.to(slot))) {
                stop(slot, s, dt, x, f, noise, groups);
            }
        }
    }

    /**
     * Hands every group still advancing to the step handler after step s (highest slot first, as in
     * {@link #stopDiverged}); a group it refuses stops there as diverged.
     */
    private static void handle(GroupStepHandler handler, long s, double dt, double[] x, RateDynamics f, NoiseSource noise,
                               ColumnGroups groups) {
        if (handler == null) {
            return;
        }
        for (int slot = groups.active() - 1; slot >= 0; slot--) {
            if (!handler.afterStep(s, groups.group(slot), x, groups.from(slot), groups.to(slot))) {
                stop(slot, s, dt, x, f, noise, groups);
            }
        }
    }

    /** Stops the group in {@code slot} at step s and moves the later columns down in the state, gains and noise. */
    private static void stop(int slot, long s, double dt, double[] x, RateDynamics f, NoiseSource noise, ColumnGroups groups) {
        int from = groups.from(slot);
        int to = groups.to(slot);
        int used = f.units() * f.columns();
        groups.stop(slot, new Divergence(s, s * dt), x);
        System.arraycopy(x, to, x, from, used - to);
        f.remove(slot * groups.width(), groups.width());
        if (noise != null) {
            noise.remove(from, to - from, used);
        }
    }

    /** x_i(0) ~ N(0, σ0²), column c from stream {@code seed/initial/streams[c]}. */
    static double[] initialState(int n, int[] streams, RateSimulation settings) {
        double[] x = new double[n * streams.length];
        StreamSeeds initial = StreamSeeds.of(settings.seed()).child(StreamSeeds.INITIAL);
        for (int c = 0; c < streams.length; c++) {
            ZigguratSampler.NormalizedGaussian z = initial.child(streams[c]).gaussian();
            for (int i = 0; i < n; i++) {
                x[c * n + i] = settings.initialStd() * z.sample();
            }
        }
        return x;
    }
}
