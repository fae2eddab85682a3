package org.chaoslab.sim.rate;

import java.util.List;
import java.util.Optional;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 *
 * <p>Recorders get φ(x) beside x ({@link Recorder#record(long, double, double[], double[])}): every scheme evaluates φ
 * at the state a step starts from, so step s is recorded at the start of step s + 1, right after that evaluation and
 * before x changes (only the last step needs φ evaluated for the recorders alone). The recorders see the same states,
 * in the same order, with the same times, as if they were called after each step; they just need not evaluate φ
 * again, which at N = 500 costs as much as a fifth of the step.
 */
public final class RateSimulator {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

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
            Stepper stepper = Stepper.of(settings.integrator(), dt, n * m);
            NoiseSource noise = NoiseSource.of(realized.network().input().noise(), n, m, settings);
            RunInfo info = new RunInfo(n, m, dt, recordSteps, realized.network().transfer(), pool.threads());
            for (Recorder r : recorders) {
                r.start(info);
            }
            // step s is recorded at the start of step s + 1, once φ(x_s) has been evaluated for it
            DeferredRecord pending = recorders.isEmpty() ? null : new DeferredRecord(recorders, x, f.rates());
            try {
                for (long s = 1; s <= total; s++) {
                    stepper.step(f, x, pending != null && pending.due() ? pending : null);
                    if (noise != null) {
                        noise.kick(x);
                    }
                    if (!allFinite(x)) {
                        divergence = Optional.of(new Divergence(s, s * dt));
                        break;
                    }
                    if (s > transientSteps) {
                        recorded = s - transientSteps;
                        if (pending != null) {
                            pending.set(recorded, recorded * dt);
                        }
                    }
                    if (s % reportEvery == 0) {
                        progress.progress(s, total);
                    }
                }
                if (pending != null && pending.due()) {
                    // the last step: no further step evaluates φ at it
                    TransferKernels.apply(realized.network().transfer(), x, f.rates(), 0, x.length);
                    pending.run();
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

    /**
     * The record of one step, made when the next step has evaluated φ at it ({@link Stepper#step}'s {@code atStart}):
     * every recorder gets the state and its rates, as {@link Recorder#record(long, double, double[], double[])}.
     */
    private static final class DeferredRecord implements Runnable {

        private final Recorder[] recorders;
        private final double[] state;
        private final double[] rates;
        /** The recorded step waiting for its rates, 0 when none. */
        private long step;
        private double time;

        DeferredRecord(List<? extends Recorder> recorders, double[] state, double[] rates) {
            this.recorders = recorders.toArray(new Recorder[0]);
            this.state = state;
            this.rates = rates;
        }

        boolean due() {
            return step > 0;
        }

        void set(long recordedStep, double t) {
            step = recordedStep;
            time = t;
        }

        @Override
        public void run() {
            long s = step;
            step = 0;
            for (Recorder r : recorders) {
                r.record(s, time, state, rates);
            }
        }
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
     * diverged as surely as one that reached Inf. The answer is that of the sum of |x| in index order; a sum in SIMD
     * lanes decides it first whenever it is below half the limit (the two sums differ by far less than a factor 2, and
     * NaN or Inf fail that test), so the ordered sum — one add after the other, the latency of an add per element — is
     * formed only near the limit.
     */
    static boolean allFinite(double[] x) {
        int i = 0;
        int upper = LANES.loopBound(x.length);
        DoubleVector lanes = DoubleVector.zero(LANES);
        for (; i < upper; i += LANES.length()) {
            lanes = lanes.add(DoubleVector.fromArray(LANES, x, i).abs());
        }
        double fast = lanes.reduceLanes(VectorOperators.ADD);
        for (; i < x.length; i++) {
            fast += Math.abs(x[i]);
        }
        if (fast <= 0.5 * Divergence.STATE_LIMIT) {
            return true;
        }
        double s = 0.0;
        for (double v : x) {
            s += Math.abs(v);   // NaN and Inf propagate
        }
        return s <= Divergence.STATE_LIMIT;
    }
}
