package org.chaoslab.sim.lyapunov;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chaoslab.linalg.Float64Matrix;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.GainBatch;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.sim.rate.ReplicaPairs;

/**
 * The largest Lyapunov exponent by the two-trajectory method (Benettin, Galgani &amp; Strelcyn, PRA 14:2338 (1976)) for
 * the points g_1 … g_P of a g-sweep of one realization, batched: each point is a pair of columns — its trajectory x and
 * its replica x′ — of one state of 2P columns, advanced by one matrix–matrix product J₁·Φ per stage of the integrator,
 * column pair p scaled by g_p ({@link ReplicaPairs}: J_g = g·J₁ for zero-mean couplings, as in the batched simulation
 * {@link org.chaoslab.sim.rate.GainBatchSimulator}), instead of one analyzer run per point. Each replica is
 * renormalized toward its own trajectory every renorm interval and its log growths are accumulated in batches
 * ({@link ReplicaSchedule}).
 *
 * <p><b>Each point is the analyzer's two-replica estimate at its gain.</b> Same settings ({@link LyapunovSettings}: the
 * state's transient, the warm-up windows, the accumulation windows, t_renorm, d0 = separation·√N, the batches of the
 * 95% interval), same streams — the initial state from {@code seed/initial/0}, the replica's direction from
 * {@code seed/replica}, annealed noise from {@code seed/noise/0/i}, shared by x and x′ — and the same placement and
 * renormalization arithmetic ({@link ReplicaSeparation}) and estimate ({@link ReplicaGrowth}). So point p differs from
 * {@code LyapunovAnalyzer.spectrum(network g_p·J₁, settings).twoReplica()} only by floating-point rounding: of the
 * couplings (g·(z/√N) against (g/√N)·z, one rounding per entry; none at all when g is a power of two) and of the
 * state's step (the analyzer folds the integrator's update into its product's α and β, a pair here sums each entry in a
 * sequential fma chain, {@code PanelProduct}). Below the transition those roundings are damped and the estimates agree
 * to ~1e-9 (the state's roundings against the replica's separation of 1e-8 per unit); in the chaotic phase they grow like e^{λt} along the trajectory and the two agree within their
 * statistical error ({@code TwoReplicaBatchTest}). The QR spectrum is not computed: k and the tangent precision of the
 * settings are not used.
 *
 * <p><b>Cost.</b> 2P columns per product from the first step: during the state's transient each replica column is a
 * copy of its trajectory (the same arithmetic and noise, placed at the transient's end), where the analyzer integrates
 * the state alone; the batch's gain is that one product reads J₁ once for all 2P columns, where P unbatched pairs read
 * it P times ({@code chaoslab bench sweep --two-replica}).
 *
 * <p><b>Each point stops on its own</b> when its pair diverges (NaN/Inf, Σ|x| beyond 1e100, or a renormalization without
 * a finite distance): it gets no estimate, and the others go on with their bits unchanged. Results are bit-identical
 * for any thread count. Float32 coupling storage is widened to float64 (the same values), as the analyzer does: the
 * replica's distance d0 = 1e-8·√N is below float32's resolution of the state.
 */
public final class TwoReplicaBatch {

    private TwoReplicaBatch() {
    }

    /** Draws J₁ ({@code batch.unitGain()}) from {@code networkSeed} and estimates every point. */
    public static TwoReplicaBatchRun run(GainBatch batch, long networkSeed, LyapunovSettings settings, ProgressListener progress) {
        require(batch, settings);
        return run(RealizedRateNetwork.draw(batch.unitGain(), networkSeed, settings.threads()), batch, settings, progress);
    }

    /**
     * Estimates every point on an already drawn realization at unit gain ({@code RealizedRateNetwork.draw(
     * batch.unitGain(), networkSeed, threads)}).
     */
    public static TwoReplicaBatchRun run(RealizedRateNetwork unitGain, GainBatch batch, LyapunovSettings settings,
                                         ProgressListener progress) {
        require(batch, settings);
        if (!unitGain.network().equals(batch.unitGain())) {
            throw new IllegalArgumentException("the realization must be the batch's network at unit gain (got g = "
                    + unitGain.network().gain() + ")");
        }
        List<RateNetwork> networks = new ArrayList<>(batch.size());
        for (int p = 0; p < batch.size(); p++) {
            networks.add(batch.network(p));
        }
        return estimate(unitGain, batch.gains(), networks, settings, progress);
    }

    /**
     * One pair on a realization as it is (any couplings, a mean coupling J0 included): the analyzer's two-replica
     * estimate without its tangent vectors — what a batch of one point would give on the same couplings.
     */
    public static TwoReplicaPoint single(RealizedRateNetwork realized, LyapunovSettings settings, ProgressListener progress) {
        if (realized == null || settings == null) {
            throw new IllegalArgumentException("the realization and the settings must be given");
        }
        return estimate(realized, null, List.of(realized.network()), settings, progress).point(0);
    }

    private static void require(GainBatch batch, LyapunovSettings settings) {
        if (batch == null || settings == null) {
            throw new IllegalArgumentException("the gain batch and the settings must be given");
        }
    }

    /**
     * The pairs on {@code realized}: pair p at factor {@code factors[p]} (null: one pair, factor 1), describing
     * {@code networks.get(p)}.
     */
    private static TwoReplicaBatchRun estimate(RealizedRateNetwork realized, double[] factors, List<RateNetwork> networks,
                                               LyapunovSettings s, ProgressListener progress) {
        int n = realized.network().size();
        int pairs = networks.size();
        ReplicaSchedule schedule = new ReplicaSchedule(s, ReplicaSeparation.direction(
                StreamSeeds.of(s.seed()).child(LyapunovAnalyzer.REPLICA), n), ReplicaSeparation.d0(s.replicaSeparation(), n),
                pairs);
        if (schedule.steps() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("t (accumulation time) with the warm-up must be fewer than 2^31 steps of dt for "
                    + "the two-replica estimate (got " + schedule.steps() + ")");
        }
        ReplicaPairs.Run run = ReplicaPairs.run(float64(realized), factors, schedule.steps(), s.dt(), s.integrator(), s.seed(),
                s.initialStd(), s.threads(), schedule, progress);
        double d0 = ReplicaSeparation.d0(s.replicaSeparation(), n);
        double renormInterval = s.renormSteps() * s.dt();
        List<TwoReplicaPoint> points = new ArrayList<>(pairs);
        for (int p = 0; p < pairs; p++) {
            ReplicaPairs.Pair pair = run.pairs().get(p);
            RateNetwork net = networks.get(p);
            double gain = factors == null ? net.gain() : factors[p];
            points.add(pair.completed()
                    ? new TwoReplicaPoint(gain, net, Optional.of(schedule.growth(p).estimate(d0, renormInterval)), Optional.empty())
                    : new TwoReplicaPoint(gain, net, Optional.empty(), pair.divergence()));
        }
        return new TwoReplicaBatchRun(points, s, run.wallSeconds());
    }

    /** The realization with float64 couplings (float32 storage widened, the same values; float64 as it is). */
    private static RealizedRateNetwork float64(RealizedRateNetwork r) {
        if (r.couplings() instanceof Float64Matrix) {
            return r;
        }
        return new RealizedRateNetwork(r.network(), new Float64Matrix(r.network().size(), LyapunovAnalyzer.float64(r.couplings())),
                r.input(), r.seed());
    }
}
