package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.analysis.CovarianceAccumulator;
import org.chaoslab.analysis.CovarianceStatistics;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.theory.covariance.ChaoticDimension;
import org.chaoslab.theory.dmft.DmftOptions;

/**
 * The dimension of noiseless chaotic activity, theory beside simulation: R realizations of the autonomous network
 * (realization r uses master seed {@code seed + r}: couplings and initial state), each sampled every {@code stride}
 * steps after the transient; the equal-time covariances of x and of φ(x) are streamed separately for the two halves
 * of the run and combined by the cross-block estimator ({@link CovarianceStatistics#crossBlock}), against the
 * two-site cavity values of {@link ChaoticDimension}. The error bars are the scatter over realizations / √R.
 *
 * <p>Small networks at moderate g can leave the chaotic state (a stable fixed point or a decaying transient; seen at
 * g = 2, N = 200 over T = 4000). A realization whose mean variance of x in either half is below
 * {@value #COLLAPSED} × Δ0 (the DMFT variance; chaotic realizations are within a few percent of it) is excluded from
 * the statistics and counted in {@link Result#excluded()}: its covariance is then dominated by the transient, and the
 * cross-block ratio is meaningless (it gave PR/N = 5 and NaN).
 *
 * <p>In the shape of every comparison (package comment): {@link Settings} with {@link Settings#withSeed};
 * {@link #theory} the cavity values, once; {@link #simulate} runs one realization and reduces it to its cross-block
 * statistics; {@link #compare} is a pure function of those and the theory; {@link #run} loops over the realizations
 * with {@link Realizations}. A realization that diverges is left out and listed in {@link Result#failures()}.
 */
public final class ChaoticDimensionComparison {

    /**
     * @param run          simulation settings (seed of realization 0; one replica); the recorded duration is split in
     *                     two halves
     * @param realizations R ≥ 2
     * @param stride       record every {@code stride}-th step (≥ 1; samples closer than the correlation time add little)
     */
    public record Settings(RateSimulation run, int realizations, int stride) {
        public Settings {
            Validate.atLeast("realizations", realizations, 2);
            Validate.atLeast("stride", stride, 1);
            run = run.withReplicas(1);
        }

        /** The same runs from another master seed. */
        public Settings withSeed(long s) {
            return new Settings(run.withSeed(s), realizations, stride);
        }
    }

    /**
     * @param theory                    the cavity prediction
     * @param participationRatioPerN    simulated PR^x/N (cross-block) beside the theory
     * @param participationRatioPhiPerN simulated PR^φ/N beside the theory
     * @param varianceX                 simulated mean autocovariance of x beside Δ0
     * @param perRealizationX           PR^x/N of each realization used
     * @param perRealizationPhi         PR^φ/N of each realization used
     * @param excluded                  realizations excluded because their activity collapsed (class comment)
     * @param failures                  realizations left out because they diverged (index, seed, step, reason)
     */
    public record Result(ChaoticDimension.Result theory, Deviation participationRatioPerN,
                         Deviation participationRatioPhiPerN, Deviation varianceX, List<Double> perRealizationX,
                         List<Double> perRealizationPhi, int excluded, List<Realizations.Failure> failures) {

        /** How many realizations diverged. */
        public int failed() {
            return failures.size();
        }
    }

    /**
     * One realization that completed, reduced to what the comparison needs.
     *
     * @param halfVariance the smaller of the two halves' mean variance of x (a collapse test against Δ0)
     * @param x            the cross-block statistics of the covariance of x
     * @param phi          the cross-block statistics of the covariance of φ(x)
     */
    public record Realization(double halfVariance, CovarianceStatistics x, CovarianceStatistics phi) {
    }

    /** Realizations whose variance of x fell below this fraction of Δ0 in either half are excluded (class comment). */
    static final double COLLAPSED = 0.1;

    private ChaoticDimensionComparison() {
    }

    /** The two-site cavity values of {@code network} (its DMFT at the default options), solved once. */
    public static ChaoticDimension.Result theory(RateNetwork network) {
        return ChaoticDimension.of(network, DmftOptions.defaults());
    }

    /** Solves the theory, simulates R realizations, and compares; the network must be noiseless (its DMFT chaotic, without static part). */
    public static Result run(RateNetwork network, Settings settings, ProgressListener progress) {
        if (network.input().noise().sigma() != 0.0) {
            throw new IllegalArgumentException("the chaotic dimension is for noiseless networks (got noise "
                    + network.input().noise().label() + ")");
        }
        ChaoticDimension.Result theory = theory(network);
        Realizations.Recordings<Realization> runs = Realizations.run(settings.realizations(), settings.run().seed(), progress,
                (r, seed, p) -> simulate(network, settings, seed, p));
        return compare(theory, runs);
    }

    /** The realization with master seed {@code seed}: equal-time covariances of x and φ(x) of the two halves. */
    public static Realizations.Outcome<Realization> simulate(RateNetwork network, Settings settings, long seed,
                                                             ProgressListener progress) {
        HalvesRecorder rec = new HalvesRecorder(settings.stride());
        RateRun run = RateSimulator.run(network, settings.run().withSeed(seed), List.of(rec), progress);
        return Realizations.Outcome.of(run.divergence(), () -> {
            int n = network.size();
            double[] xa = rec.x[0].covariance();
            double[] xb = rec.x[1].covariance();
            return new Realization(Math.min(CovarianceStatistics.of(xa, n).meanAutoCov(), CovarianceStatistics.of(xb, n).meanAutoCov()),
                    CovarianceStatistics.crossBlock(xa, xb, n),
                    CovarianceStatistics.crossBlock(rec.phi[0].covariance(), rec.phi[1].covariance(), n));
        });
    }

    /**
     * The completed realizations against the cavity theory (a pure function of its arguments), collapsed ones
     * excluded (class comment).
     *
     * @throws IllegalStateException when fewer than 2 realizations completed and stayed chaotic
     */
    public static Result compare(ChaoticDimension.Result theory, Realizations.Recordings<Realization> runs) {
        RunningStatistics px = new RunningStatistics();
        RunningStatistics pp = new RunningStatistics();
        RunningStatistics vx = new RunningStatistics();
        List<Double> listX = new ArrayList<>();
        List<Double> listP = new ArrayList<>();
        int excluded = 0;
        for (Realization run : runs.recordings()) {
            if (run.halfVariance() < COLLAPSED * theory.varianceX()) {
                excluded++;
                continue;
            }
            CovarianceStatistics x = run.x();
            CovarianceStatistics p = run.phi();
            px.add(x.participationRatioPerN());
            pp.add(p.participationRatioPerN());
            vx.add(x.meanAutoCov());
            listX.add(x.participationRatioPerN());
            listP.add(p.participationRatioPerN());
        }
        if (listX.size() < 2) {
            throw new IllegalStateException("fewer than 2 realizations stayed chaotic (" + excluded + " of " + runs.total()
                    + " collapsed" + (runs.failed() > 0 ? ", " + runs.failed() + " diverged" : "") + "): increase N or g");
        }
        return new Result(theory, Deviation.of(theory.participationRatioPerN(), px.mean(), px.standardError()),
                Deviation.of(theory.participationRatioPhiPerN(), pp.mean(), pp.standardError()),
                Deviation.of(theory.varianceX(), vx.mean(), vx.standardError()), List.copyOf(listX), List.copyOf(listP),
                excluded, runs.failures());
    }

    /** Equal-time covariances of x and φ(x) of replica 0, every stride-th step, first and second half separately. */
    private static final class HalvesRecorder implements Recorder {
        private final int stride;
        private CovarianceAccumulator[] x;
        private CovarianceAccumulator[] phi;
        private TransferFunction transfer;
        private double[] rates;
        private long half;

        HalvesRecorder(int stride) {
            this.stride = stride;
        }

        @Override
        public void start(RunInfo info) {
            int n = info.units();
            x = new CovarianceAccumulator[] {new CovarianceAccumulator(n, 64), new CovarianceAccumulator(n, 64)};
            phi = new CovarianceAccumulator[] {new CovarianceAccumulator(n, 64), new CovarianceAccumulator(n, 64)};
            transfer = info.transfer();
            rates = new double[n];
            half = info.steps() / 2;
        }

        @Override
        public void record(long step, double time, double[] state) {
            if (step % stride != 0) {
                return;
            }
            int h = step <= half ? 0 : 1;
            for (int i = 0; i < rates.length; i++) {
                rates[i] = transfer.phi(state[i]);
            }
            x[h].add(state, 0);
            phi[h].add(rates, 0);
        }
    }
}
