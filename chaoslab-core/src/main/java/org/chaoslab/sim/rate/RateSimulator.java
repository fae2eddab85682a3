package org.chaoslab.sim.rate;

import java.util.List;
import java.util.Optional;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;

/**
 * Runs a rate network: M replicas of one realization from independent initial conditions
 * (stream {@code seed/initial/m}), advanced together so that each step is one matrix–matrix product.
 * An annealed noise (white or OU, {@link org.chaoslab.model.Noise}) is added after each step from
 * streams {@code seed/noise/m/i}; without noise the run is exactly the deterministic one.
 * The transient is simulated and not shown to the recorders. A NaN/Inf state stops the run; the
 * recorders are finished with what they had.
 */
public final class RateSimulator {

    private RateSimulator() {
    }

    /** Draws the network from {@code settings.seed()} and runs it. */
    public static RateRun run(RateNetwork network, RateSimulation settings, List<? extends Recorder> recorders,
                              ProgressListener progress) {
        return run(RealizedRateNetwork.draw(network, settings.seed(), settings.threads()), settings, recorders, progress);
    }

    /** Runs an already drawn realization; initial conditions come from {@code settings.seed()}. */
    public static RateRun run(RealizedRateNetwork realized, RateSimulation settings, List<? extends Recorder> recorders,
                              ProgressListener progress) {
        int n = realized.network().size();
        int m = settings.replicas();
        double dt = settings.dt();
        double[] x = initialState(n, m, settings);
        long transientSteps = settings.transientSteps();
        long recordSteps = settings.recordedSteps();
        long total = transientSteps + recordSteps;
        long reportEvery = Math.max(1, total / 200);
        long start = System.nanoTime();
        Optional<Divergence> divergence = Optional.empty();
        long recorded = 0;
        try (ParallelRows pool = new ParallelRows(settings.threads())) {
            RateDynamics f = new RateDynamics(realized.couplings(), realized.network().transfer(), realized.input(), m, pool);
            Stepper stepper = Stepper.of(settings.integrator(), n * m);
            NoiseSource noise = NoiseSource.of(realized.network().input().noise(), n, m, settings);
            RunInfo info = new RunInfo(n, m, dt, recordSteps, realized.network().transfer());
            for (Recorder r : recorders) {
                r.start(info);
            }
            try {
                for (long s = 1; s <= total; s++) {
                    stepper.step(f, x, dt);
                    if (noise != null) {
                        noise.kick(x);
                    }
                    if (!allFinite(x)) {
                        divergence = Optional.of(new Divergence(s, s * dt));
                        break;
                    }
                    if (s > transientSteps) {
                        recorded = s - transientSteps;
                        double t = recorded * dt;
                        for (Recorder r : recorders) {
                            r.record(recorded, t, x);
                        }
                    }
                    if (s % reportEvery == 0) {
                        progress.progress(s, total);
                    }
                }
            } finally {
                for (Recorder r : recorders) {
                    r.finish();
                }
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new RateRun(realized, settings, recorded, divergence, wall, x.clone());
    }

    /** x_i(0) ~ N(0, σ0²), replica m from stream {@code seed/initial/m}. */
    static double[] initialState(int n, int m, RateSimulation settings) {
        double[] x = new double[n * m];
        StreamSeeds initial = StreamSeeds.of(settings.seed()).child(StreamSeeds.INITIAL);
        for (int r = 0; r < m; r++) {
            ZigguratSampler.NormalizedGaussian z = initial.child(r).gaussian();
            for (int i = 0; i < n; i++) {
                x[r * n + i] = settings.initialStd() * z.sample();
            }
        }
        return x;
    }

    /**
     * Whether the state is finite and bounded by {@link Divergence#STATE_LIMIT} (in the sum of |x|): beyond it the
     * recorders' sums of squares would overflow to Infinity and the statistics become meaningless, so such a run has
     * diverged as surely as one that reached Inf.
     */
    private static boolean allFinite(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += Math.abs(v);   // NaN and Inf propagate
        }
        return s <= Divergence.STATE_LIMIT;
    }
}
