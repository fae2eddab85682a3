package org.chaoslab.sim.rate;

import java.util.List;
import java.util.Optional;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;

/**
 * Runs a rate network: M replicas of one realization from independent initial conditions
 * (stream {@code seed/initial/m}), advanced together so that each step is one matrix–matrix product.
 * An annealed noise (white or OU, {@link org.chaoslab.model.Noise}) is added after each step from
 * streams {@code seed/noise/m/i}; without noise the run is exactly the deterministic one.
 * The transient is simulated and not shown to the recorders. A NaN/Inf state stops the run; the
 * recorders are finished with what they had. The loop itself is {@link RateLoop}'s, shared with the gain sweep
 * ({@link GainBatchSimulator}), which runs one such group of columns per gain.
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
        int m = settings.replicas();
        RateLoop.Outcome o = RateLoop.run(realized, null, NoiseSource.replicaStreams(m), m, settings, List.of(recorders),
                progress);
        return new RateRun(realized, settings, o.recordedSteps()[0], Optional.ofNullable(o.divergences()[0]),
                o.wallSeconds(), o.finalStates()[0]);
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
        return allFinite(x, 0, x.length);
    }

    /** {@link #allFinite(double[])} of the elements [from, to) alone (one group of a batch), with the same answer. */
    static boolean allFinite(double[] x, int from, int to) {
        int i = from;
        int upper = from + LANES.loopBound(to - from);
        DoubleVector lanes = DoubleVector.zero(LANES);
        for (; i < upper; i += LANES.length()) {
            lanes = lanes.add(DoubleVector.fromArray(LANES, x, i).abs());
        }
        double fast = lanes.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            fast += Math.abs(x[i]);
        }
        if (fast <= 0.5 * Divergence.STATE_LIMIT) {
            return true;
        }
        double s = 0.0;
        for (int k = from; k < to; k++) {
            s += Math.abs(x[k]);   // NaN and Inf propagate
        }
        return s <= Divergence.STATE_LIMIT;
    }
}
