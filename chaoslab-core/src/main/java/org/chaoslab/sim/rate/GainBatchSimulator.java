package org.chaoslab.sim.rate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;

/**
 * Runs a {@link GainBatch}: the K points of a g-sweep of one realization as the columns of one state, one matrix–matrix
 * product J₁·Φ per evaluation of the drive, column k scaled by g_k (dx_k/dt = −x_k + g_k·J₁φ(x_k) + I, plus the noise).
 *
 * <p><b>Each point is the unbatched run at its gain.</b> Point k takes what {@link RateSimulator} takes for the network
 * at g_k with the same settings: the couplings from the same row streams {@code seed/couplings/i} (drawn once at unit
 * gain; J_g = g·J₁ up to the rounding of g·(z/√N) against (g/√N)·z), the quenched input of trial 0, its M replicas'
 * initial conditions from {@code seed/initial/r} and their noise from {@code seed/noise/r/i} (each point has generators
 * of its own on those streams), the same integrator, transient and recorded steps. So a point differs from
 * {@code RateSimulator.run(batch.network(k), settings, …)} only by floating-point rounding: in the couplings (one
 * ulp per entry) and in the product (a sequential fma chain per entry here, {@code PanelProduct}, where a single
 * trajectory sums in SIMD lanes). Below the transition (g &lt; 1) the dynamics contracts and the points agree to
 * rounding; in the chaotic phase the rounding grows like e^{λt} (λ the largest Lyapunov exponent) and the points agree
 * in their statistics.
 *
 * <p><b>Each point stops on its own.</b> A point whose state diverges (NaN/Inf, or Σ|x| beyond
 * {@link org.chaoslab.sim.Divergence#STATE_LIMIT}: the test of {@link RateSimulator}, on that point's columns) is stopped
 * at that step, its recorders finished with what they had, and its columns leave the batch; the others go on. Results
 * are bit-identical for any thread count.
 *
 * <p><b>Recorders</b>: one list per point, each seeing a run of N units × M replicas, exactly as it would observe
 * {@link RateSimulator} (same states, times and φ(x), recorded one step late as described there).
 */
public final class GainBatchSimulator {

    private GainBatchSimulator() {
    }

    /** Draws J₁ from {@code settings.seed()} and runs every point of the sweep. */
    public static GainBatchRun run(GainBatch batch, RateSimulation settings, List<? extends List<? extends Recorder>> recorders,
                                   ProgressListener progress) {
        RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), settings.seed(), settings.threads());
        return run(unit, batch, settings, recorders, progress);
    }

    /**
     * Runs the points on an already drawn realization at unit gain ({@code RealizedRateNetwork.draw(batch.unitGain(),
     * seed, threads)}), e.g. to run the same realization with other settings.
     */
    public static GainBatchRun run(RealizedRateNetwork unitGain, GainBatch batch, RateSimulation settings,
                                   List<? extends List<? extends Recorder>> recorders, ProgressListener progress) {
        if (!unitGain.network().equals(batch.unitGain())) {
            throw new IllegalArgumentException("the realization must be the batch's network at unit gain (got g = "
                    + unitGain.network().gain() + ")");
        }
        int k = batch.size();
        if (recorders.size() != k) {
            throw new IllegalArgumentException("one list of recorders per gain: " + k + " gains, " + recorders.size() + " lists");
        }
        int m = settings.replicas();
        long columns = (long) k * m;
        if (columns * unitGain.network().size() > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("gains x replicas x n must fit one Java array (got " + k + " x " + m + " x "
                    + unitGain.network().size() + ")");
        }
        double[] gains = new double[k * m];
        int[] streams = new int[k * m];
        for (int p = 0; p < k; p++) {
            for (int r = 0; r < m; r++) {
                gains[p * m + r] = batch.gain(p);
                streams[p * m + r] = r;   // replica r of every point: the streams of replica r of the unbatched run
            }
        }
        RateLoop.Outcome o = RateLoop.run(unitGain, gains, streams, m, settings, recorders, progress);
        List<GainRun> points = new ArrayList<>(k);
        for (int p = 0; p < k; p++) {
            points.add(new GainRun(batch.gain(p), batch.network(p), o.recordedSteps()[p],
                    Optional.ofNullable(o.divergences()[p]), o.finalStates()[p]));
        }
        return new GainBatchRun(batch, settings, points, o.wallSeconds());
    }
}
