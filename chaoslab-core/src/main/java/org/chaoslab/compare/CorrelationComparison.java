package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.analysis.CovarianceStatistics;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.analysis.SymmetricEigen;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.WhiteNoiseDmft;
import org.chaoslab.gauss.TransferIntegrands;

/**
 * The linear noise-driven network, theory beside simulation: R realizations (realization r uses
 * master seed {@code seed + r}: couplings, initial state and noise streams), each run long enough to
 * estimate the equal-time and zero-frequency covariances by streaming (two halves, cross-block
 * statistics), against {@link LinearCovariance}. The network must have white noise (σ² = D); for linear φ its g is the
 * spectral radius R, for other φ the theory uses the effective gain {@link #effectiveGain}.
 */
public final class CorrelationComparison {

    /**
     * @param run          simulation settings (the seed of realization 0; its duration is split in two halves)
     * @param realizations R ≥ 2
     * @param window       window length T_w of the zero-frequency estimator (≫ the correlation time 1/(1 − R))
     */
    public record Settings(RateSimulation run, int realizations, double window) {
        public Settings {
            Validate.atLeast("realizations", realizations, 2);
            Validate.positive("window", window);
            if (run.duration() < 8 * window) {
                throw new IllegalArgumentException("t must be at least 8 windows (got t = " + run.duration()
                        + ", window = " + window + ")");
            }
        }
    }

    private CorrelationComparison() {
    }

    /** Simulates and compares. */
    public static CorrelationComparisonResult run(RateNetwork network, Settings settings, ProgressListener progress) {
        if (!(network.input().noise() instanceof Noise.White w) || w.sigma() == 0.0) {
            throw new IllegalArgumentException("correlation comparison needs white noise (--noise white:SIGMA, SIGMA > 0)");
        }
        int n = network.size();
        double r = effectiveGain(network);
        double d = w.sigma() * w.sigma();
        CovariancePrediction zf = LinearCovariance.zeroFrequency(r, d, n);
        CovariancePrediction et = LinearCovariance.equalTime(r, d, n);
        int windowSteps = (int) Math.max(1, Math.round(settings.window() / settings.run().dt()));
        RunningStatistics[] z = stats(4);
        RunningStatistics[] e = stats(4);
        double[] eig = null;
        double[] cross = null;
        int reps = settings.realizations();
        List<CovarianceStatistics> zList = new ArrayList<>();
        List<CovarianceStatistics> eList = new ArrayList<>();
        for (int k = 0; k < reps; k++) {
            RateSimulation s = withSeed(settings.run(), settings.run().seed() + k);
            CorrelationRecorder rec = new CorrelationRecorder(windowSteps);
            int done = k;
            RateRun run = RateSimulator.run(network, s, List.of(rec),
                    (p, total) -> progress.progress(done * total + p, (long) reps * total));
            if (!run.completed()) {
                throw new IllegalStateException("realization " + k + " diverged: " + run.divergence().orElseThrow().message());
            }
            double[] za = rec.zeroFrequency(0);
            double[] zb = rec.zeroFrequency(1);
            CovarianceStatistics zs = CovarianceStatistics.crossBlock(za, zb, n);
            CovarianceStatistics es = CovarianceStatistics.crossBlock(rec.equalTime(0), rec.equalTime(1), n);
            zList.add(zs);
            eList.add(es);
            add(z, zs);
            add(e, es);
            if (k == 0) {
                double[] avg = new double[n * n];
                for (int i = 0; i < avg.length; i++) {
                    avg[i] = 0.5 * (za[i] + zb[i]);
                }
                eig = SymmetricEigen.values(avg, n);
                cross = new double[n * (n - 1) / 2];
                int c = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        cross[c++] = avg[i * n + j];
                    }
                }
            }
        }
        return new CorrelationComparisonResult(zf, et,
                dev(zf.meanAutoCov(), z[0]), dev(0.0, z[1]), dev(zf.varCrossCov(), z[2]), dev(zf.participationRatioPerN(), z[3]),
                dev(et.meanAutoCov(), e[0]), dev(0.0, e[1]), dev(et.varCrossCov(), e[2]), dev(et.participationRatioPerN(), e[3]),
                reps, eig, cross, List.copyOf(zList), List.copyOf(eList));
    }

    /**
     * R for linear φ; otherwise the effective gain R_eff = g⟨φ′(x)⟩, x ~ N(0, c0) at the white-noise DMFT variance (the
     * mean-gain linearization; an approximation that neglects the fluctuations of φ′ and the chaotic part).
     */
    public static double effectiveGain(RateNetwork network) {
        if (network.transfer() instanceof TransferFunctions.Linear) {
            return network.gain();
        }
        WhiteNoiseDmft dmft = new WhiteNoiseDmft(DmftOptions.defaults().withTauMax(20).withDTau(0.05));
        double c0 = dmft.solve(network).c0();
        return network.gain() * dmft.engine().expectation(TransferIntegrands.derivative(network.transfer()), 0.0, c0);
    }

    static RateSimulation withSeed(RateSimulation s, long seed) {
        return new RateSimulation(s.dt(), s.duration(), s.transient_(), s.integrator(), 1, seed, s.initialStd(), s.threads());
    }

    private static RunningStatistics[] stats(int k) {
        RunningStatistics[] s = new RunningStatistics[k];
        for (int i = 0; i < k; i++) {
            s[i] = new RunningStatistics();
        }
        return s;
    }

    private static void add(RunningStatistics[] s, CovarianceStatistics c) {
        s[0].add(c.meanAutoCov());
        s[1].add(c.meanCrossCov());
        s[2].add(c.varCrossCov());
        s[3].add(c.participationRatioPerN());
    }

    private static Deviation dev(double theory, RunningStatistics s) {
        return Deviation.of(theory, s.mean(), s.standardError());
    }
}
