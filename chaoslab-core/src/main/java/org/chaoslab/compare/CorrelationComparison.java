package org.chaoslab.compare;

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
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.WhiteNoiseDmft;
import org.chaoslab.gauss.TransferIntegrands;

/**
 * The linear noise-driven network, theory beside simulation: R realizations (realization r uses
 * master seed {@code seed + r}: couplings, initial state and noise streams), each run long enough to
 * estimate the equal-time and zero-frequency covariances by streaming (two halves, cross-block
 * statistics), against {@link CovarianceTheory}: the closed forms for linear units with white noise, the two-site
 * cavity on the noisy DMFT for nonlinear units or OU noise, or the effective-gain mapping on request. The network must
 * have white or OU noise.
 *
 * <p>In the shape of every comparison (package comment): {@link Settings} with {@link Settings#withSeed};
 * {@link CovarianceTheory#of} the theory, once; {@link #simulate} runs one realization and reduces it to its cross-block
 * statistics; {@link #compare} is a pure function of those and the theory; {@link #run} loops over the realizations
 * with {@link Realizations}. A realization that diverges is left out and listed in
 * {@link CorrelationComparisonResult#failures()}; fewer than 2 completed ones cannot be compared.
 */
public final class CorrelationComparison {

    /**
     * @param run          simulation settings (the seed of realization 0; its duration is split in two halves; one
     *                     replica, whose covariance is streamed)
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
            run = run.withReplicas(1);
        }

        /** The same runs from another master seed. */
        public Settings withSeed(long s) {
            return new Settings(run.withSeed(s), realizations, window);
        }

        /** Steps per window of the zero-frequency estimator (at least 1). */
        int windowSteps() {
            return (int) Math.max(1, Math.round(window / run.dt()));
        }
    }

    /**
     * One realization that completed, reduced to cross-block statistics of its two halves.
     *
     * @param zeroFrequency the cross-block statistics of the zero-frequency covariance
     * @param equalTime     the cross-block statistics of the equal-time covariance
     * @param covariance    the zero-frequency covariance averaged over the two halves (N × N, row-major), kept for the
     *                      spectrum of the first completed realization only (else null)
     */
    public record Realization(CovarianceStatistics zeroFrequency, CovarianceStatistics equalTime, double[] covariance) {
    }

    private CorrelationComparison() {
    }

    /** Solves the theory (the default mapping: cavity for nonlinear units or OU noise), simulates, and compares. */
    public static CorrelationComparisonResult run(RateNetwork network, Settings settings, ProgressListener progress) {
        return run(network, CovarianceTheory.Mapping.AUTO, settings, progress);
    }

    /** Solves the theory under {@code mapping}, simulates R realizations, and compares. */
    public static CorrelationComparisonResult run(RateNetwork network, CovarianceTheory.Mapping mapping, Settings settings,
                                                  ProgressListener progress) {
        return run(network, CovarianceTheory.of(network, mapping), settings, progress);
    }

    /** Simulates R realizations and compares them with a theory already solved for {@code network}. */
    public static CorrelationComparisonResult run(RateNetwork network, CovarianceTheory theory, Settings settings,
                                                  ProgressListener progress) {
        boolean[] spectrumKept = {false};
        Realizations.Recordings<Realization> runs = Realizations.run(settings.realizations(), settings.run().seed(), progress,
                (r, seed, p) -> {
                    Realizations.Outcome<Realization> o = simulate(network, settings, seed, !spectrumKept[0], p);
                    spectrumKept[0] |= !o.diverged();
                    return o;
                });
        return compare(network.size(), theory, runs);
    }

    /**
     * The realization with master seed {@code seed}.
     *
     * @param keepCovariance whether to keep the averaged zero-frequency covariance (N² values) for the spectrum
     */
    public static Realizations.Outcome<Realization> simulate(RateNetwork network, Settings settings, long seed,
                                                             boolean keepCovariance, ProgressListener progress) {
        int n = network.size();
        CorrelationRecorder rec = new CorrelationRecorder(settings.windowSteps());
        RateRun run = RateSimulator.run(network, settings.run().withSeed(seed), List.of(rec), progress);
        return Realizations.Outcome.of(run.divergence(), () -> {
            double[] za = rec.zeroFrequency(0);
            double[] zb = rec.zeroFrequency(1);
            double[] avg = null;
            if (keepCovariance) {
                avg = new double[n * n];
                for (int i = 0; i < avg.length; i++) {
                    avg[i] = 0.5 * (za[i] + zb[i]);
                }
            }
            return new Realization(CovarianceStatistics.crossBlock(za, zb, n),
                    CovarianceStatistics.crossBlock(rec.equalTime(0), rec.equalTime(1), n), avg);
        });
    }

    /**
     * The completed realizations of an N-unit network against the theory (a pure function of its arguments): mean ±
     * SE over realizations of each statistic; the spectrum and cross-covariances of the first completed realization
     * that kept its covariance.
     *
     * @throws IllegalStateException when fewer than 2 realizations completed
     */
    public static CorrelationComparisonResult compare(int n, CovarianceTheory theory,
                                                      Realizations.Recordings<Realization> runs) {
        if (runs.completed() < 2) {
            throw new IllegalStateException(runs.failed() + " of " + runs.total()
                    + " realizations diverged; fewer than 2 left to compare"
                    + (runs.failed() > 0 ? " (first: " + runs.failures().getFirst().line() + ")" : ""));
        }
        RunningStatistics[] z = stats(4);
        RunningStatistics[] e = stats(4);
        double[] eig = null;
        double[] cross = null;
        for (Realization run : runs.recordings()) {
            add(z, run.zeroFrequency());
            add(e, run.equalTime());
            if (eig == null && run.covariance() != null) {
                double[] avg = run.covariance();
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
        if (eig == null) {
            throw new IllegalArgumentException("no realization kept its covariance for the spectrum");
        }
        CovariancePrediction zf = theory.zeroFrequency();
        CovariancePrediction et = theory.equalTime();
        return new CorrelationComparisonResult(zf, et,
                dev(zf.meanAutoCov(), z[0]), dev(zf.meanCrossCov(), z[1]), dev(zf.varCrossCov(), z[2]), dev(zf.participationRatioPerN(), z[3]),
                dev(et.meanAutoCov(), e[0]), dev(et.meanCrossCov(), e[1]), dev(et.varCrossCov(), e[2]), dev(et.participationRatioPerN(), e[3]),
                runs.completed(), eig, cross,
                runs.recordings().stream().map(Realization::zeroFrequency).toList(),
                runs.recordings().stream().map(Realization::equalTime).toList(), runs.failures(), theory.mapping());
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
