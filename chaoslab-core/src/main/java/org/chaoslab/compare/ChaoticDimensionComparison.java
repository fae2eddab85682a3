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
 */
public final class ChaoticDimensionComparison {

    /**
     * @param run          simulation settings (seed of realization 0); the recorded duration is split in two halves
     * @param realizations R ≥ 2
     * @param stride       record every {@code stride}-th step (≥ 1; samples closer than the correlation time add little)
     */
    public record Settings(RateSimulation run, int realizations, int stride) {
        public Settings {
            Validate.atLeast("realizations", realizations, 2);
            Validate.atLeast("stride", stride, 1);
        }
    }

    /**
     * @param theory                    the cavity prediction
     * @param participationRatioPerN    simulated PR^x/N (cross-block) beside the theory
     * @param participationRatioPhiPerN simulated PR^φ/N beside the theory
     * @param varianceX                 simulated mean autocovariance of x beside Δ0
     * @param perRealizationX           PR^x/N of each realization
     * @param perRealizationPhi         PR^φ/N of each realization
     * @param excluded                  realizations excluded because their activity collapsed (class comment)
     */
    public record Result(ChaoticDimension.Result theory, Deviation participationRatioPerN,
                         Deviation participationRatioPhiPerN, Deviation varianceX, List<Double> perRealizationX,
                         List<Double> perRealizationPhi, int excluded) {
    }

    /** Realizations whose variance of x fell below this fraction of Δ0 in either half are excluded (class comment). */
    static final double COLLAPSED = 0.1;

    private ChaoticDimensionComparison() {
    }

    /** Simulates and compares; the network must be noiseless (its DMFT chaotic, without static part). */
    public static Result run(RateNetwork network, Settings settings, ProgressListener progress) {
        if (network.input().noise().sigma() != 0.0) {
            throw new IllegalArgumentException("the chaotic dimension is for noiseless networks (got noise "
                    + network.input().noise().label() + ")");
        }
        ChaoticDimension.Result theory = ChaoticDimension.of(network, DmftOptions.defaults());
        int reps = settings.realizations();
        RunningStatistics px = new RunningStatistics();
        RunningStatistics pp = new RunningStatistics();
        RunningStatistics vx = new RunningStatistics();
        List<Double> listX = new ArrayList<>();
        List<Double> listP = new ArrayList<>();
        int excluded = 0;
        for (int k = 0; k < reps; k++) {
            RateSimulation s = settings.run().withSeed(settings.run().seed() + k).withReplicas(1);
            HalvesRecorder rec = new HalvesRecorder(settings.stride());
            int done = k;
            RateRun run = RateSimulator.run(network, s, List.of(rec),
                    (p, total) -> progress.progress(done * total + p, (long) reps * total));
            if (!run.completed()) {
                throw new IllegalStateException("realization " + k + " diverged: " + run.divergence().orElseThrow().message());
            }
            int n = network.size();
            double[] xa = rec.x[0].covariance();
            double[] xb = rec.x[1].covariance();
            if (Math.min(CovarianceStatistics.of(xa, n).meanAutoCov(), CovarianceStatistics.of(xb, n).meanAutoCov())
                    < COLLAPSED * theory.varianceX()) {
                excluded++;
                continue;
            }
            CovarianceStatistics x = CovarianceStatistics.crossBlock(xa, xb, n);
            CovarianceStatistics p = CovarianceStatistics.crossBlock(rec.phi[0].covariance(), rec.phi[1].covariance(), n);
            px.add(x.participationRatioPerN());
            pp.add(p.participationRatioPerN());
            vx.add(x.meanAutoCov());
            listX.add(x.participationRatioPerN());
            listP.add(p.participationRatioPerN());
        }
        if (listX.size() < 2) {
            throw new IllegalStateException("fewer than 2 realizations stayed chaotic (" + excluded + " of " + reps
                    + " collapsed): increase N or g");
        }
        return new Result(theory, Deviation.of(theory.participationRatioPerN(), px.mean(), px.standardError()),
                Deviation.of(theory.participationRatioPhiPerN(), pp.mean(), pp.standardError()),
                Deviation.of(theory.varianceX(), vx.mean(), vx.standardError()), List.copyOf(listX), List.copyOf(listP),
                excluded);
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
