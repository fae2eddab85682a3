package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.analysis.CovarianceStatistics;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.analysis.SymmetricEigen;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.QuenchedFixedPoints;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.QuenchedCovariance;

/**
 * Quenched noise, theory beside simulation: R network realizations (realization r: master seed {@code seed + r} for
 * its couplings and its trials' frozen inputs), each with T trials of the frozen input ξ ~ N(0, σ²) solved for their
 * fixed points ({@link QuenchedFixedPoints}); the covariance of x* across trials, estimated from the two halves of the
 * trials (cross-block statistics: unbiased for Var c_ij and tr C², {@link CovarianceStatistics#crossBlock}), against
 * {@link QuenchedCovariance} (the cavity on the static state, and the effective-gain mapping beside it).
 *
 * <p>The trial mean of x* is 0 exactly for odd φ without input (ξ → −ξ maps x* → −x* at fixed J), so the covariances
 * are then the second moments Σ_m x*_m x*_mᵀ / T_half, without a mean subtracted (no 1/(T − 1) bias to correct). With
 * a static part (non-odd φ or a constant input; {@link QuenchedCovariance#hasStaticPart}) each unit has its own trial
 * mean: each half subtracts its own per-unit mean and divides by T_half − 1, so each half's covariance is unbiased and
 * the halves stay independent (the cross-block products stay unbiased for c_ij²). A trial that did
 * not settle within {@value #MAX_ITERATIONS} iterations (no stable fixed point within reach: seen for 1 trial in 800 at
 * N = 200, g = 2, σ = 3, where the theory's g²⟨φ′²⟩ is 0.60) is left out of its half and counted; a realization with
 * more than {@value #MAX_UNSETTLED_PERCENT} % of its trials unsettled is left out and listed as a failure, as a diverged
 * run is in the other comparisons.
 */
public final class QuenchedCorrelationComparison {

    /** Fixed points are settled when no component moves by more than this (relative to 1 + |x|) in an iteration. */
    static final double TOLERANCE = 1e-12;
    /** Iterations allowed per realization (the contraction factor g√⟨φ′²⟩ = 0.95 needs ~540 for 1e-12; a trial whose step was halved needs more). */
    static final int MAX_ITERATIONS = 3_000;
    /** A realization with more unsettled trials than this percentage is left out. */
    static final int MAX_UNSETTLED_PERCENT = 1;

    /**
     * @param trials       T ≥ 4, even: frozen-input trials per realization (two halves of T/2)
     * @param realizations R ≥ 2
     * @param seed         master seed of realization 0
     * @param threads      threads of the product
     */
    public record Settings(int trials, int realizations, long seed, int threads) {
        public Settings {
            Validate.atLeast("trials", trials, 4);
            if (trials % 2 != 0) {
                throw new IllegalArgumentException("trials must be even (two halves; got " + trials + ")");
            }
            Validate.atLeast("realizations", realizations, 2);
            Validate.atLeast("threads", threads, 1);
        }
    }

    /**
     * One realization: cross-block statistics of its two halves of trials, and (first realization only) the
     * covariance averaged over both halves for the spectrum.
     */
    public record Realization(CovarianceStatistics statistics, double[] covariance, int iterations, int unsettledTrials) {
    }

    /**
     * The comparison.
     *
     * @param cavity              the cavity prediction (the default theory)
     * @param effectiveGain       the effective-gain prediction
     * @param theory              the theory itself (Δ, γ, ⟨φ²⟩, g²⟨φ′²⟩)
     * @param meanAutoCov         ā against the cavity
     * @param meanCrossCov        mean c_ij against 0
     * @param varCrossCov         Var c_ij against the cavity
     * @param participationRatioPerN PR/N against the cavity
     * @param perRealization      each completed realization's statistics
     * @param eigenvalues         eigenvalues of the first completed realization's covariance (ascending)
     * @param failures            realizations left out (trials that did not settle)
     */
    public record Result(CovariancePrediction cavity, CovariancePrediction effectiveGain, QuenchedCovariance.Result theory,
                         Deviation meanAutoCov, Deviation meanCrossCov, Deviation varCrossCov,
                         Deviation participationRatioPerN, List<CovarianceStatistics> perRealization, double[] eigenvalues,
                         List<Realizations.Failure> failures) {

        /** The same statistics against the effective-gain mapping. */
        public List<Deviation> againstEffectiveGain() {
            return List.of(Deviation.of(effectiveGain.meanAutoCov(), meanAutoCov.simulation(), meanAutoCov.standardError()),
                    Deviation.of(effectiveGain.varCrossCov(), varCrossCov.simulation(), varCrossCov.standardError()),
                    Deviation.of(effectiveGain.participationRatioPerN(), participationRatioPerN.simulation(),
                            participationRatioPerN.standardError()));
        }
    }

    private QuenchedCorrelationComparison() {
    }

    /** Solves the theory, simulates R realizations and compares. */
    public static Result run(RateNetwork network, Settings settings, ProgressListener progress) {
        QuenchedCovariance.Result theory = QuenchedCovariance.of(network);
        boolean[] kept = {false};
        Realizations.Recordings<Realization> runs = Realizations.run(settings.realizations(), settings.seed(), progress,
                (r, seed, p) -> {
                    Realizations.Outcome<Realization> o = simulate(network, settings, seed, !kept[0]);
                    kept[0] |= !o.diverged();
                    return o;
                });
        return compare(theory, runs);
    }

    /** The realization with master seed {@code seed}; {@code keepCovariance}: keep the N × N matrix for the spectrum. */
    public static Realizations.Outcome<Realization> simulate(RateNetwork network, Settings settings, long seed,
                                                             boolean keepCovariance) {
        if (!(network.input().noise() instanceof Noise.Quenched q)) {
            throw new IllegalArgumentException("noise must be quenched:SIGMA (got " + network.input().noise().label() + ")");
        }
        int n = network.size();
        RealizedRateNetwork net = RealizedRateNetwork.draw(network, seed, settings.threads());
        QuenchedFixedPoints.Result fp = QuenchedFixedPoints.solve(net, q, settings.trials(), settings.threads(), TOLERANCE,
                MAX_ITERATIONS);
        if (100L * fp.unconverged() > (long) MAX_UNSETTLED_PERCENT * settings.trials()) {
            // too many trials without a stable fixed point within reach: reported like a divergence, at the last iteration
            return Realizations.Outcome.diverged(new Divergence(fp.iterations(), fp.iterations()));
        }
        int half = settings.trials() / 2;
        boolean centred = QuenchedCovariance.hasStaticPart(network);
        double[] a = centred ? covariance(fp.states(), fp.settled(), n, 0, half)
                : secondMoment(fp.states(), fp.settled(), n, 0, half);
        double[] b = centred ? covariance(fp.states(), fp.settled(), n, half, settings.trials())
                : secondMoment(fp.states(), fp.settled(), n, half, settings.trials());
        double[] avg = null;
        if (keepCovariance) {
            avg = new double[n * n];
            for (int i = 0; i < avg.length; i++) {
                avg[i] = 0.5 * (a[i] + b[i]);
            }
        }
        return Realizations.Outcome.recorded(new Realization(CovarianceStatistics.crossBlock(a, b, n), avg, fp.iterations(),
                fp.unconverged()));
    }

    /** The mean of x_m x_mᵀ over the settled trials m ∈ [from, to) (N × N, row-major). */
    static double[] secondMoment(double[] states, boolean[] settled, int n, int from, int to) {
        double[] c = new double[n * n];
        int count = 0;
        for (int m = from; m < to; m++) {
            if (!settled[m]) {
                continue;
            }
            count++;
            int off = m * n;
            for (int i = 0; i < n; i++) {
                double xi = states[off + i];
                int row = i * n;
                for (int j = i; j < n; j++) {
                    c[row + j] = Math.fma(xi, states[off + j], c[row + j]);
                }
            }
        }
        double w = 1.0 / count;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                c[i * n + j] *= w;
                c[j * n + i] = c[i * n + j];
            }
        }
        return c;
    }

    /**
     * The sample covariance of x_m over the settled trials m ∈ [from, to), each unit's mean over those trials subtracted
     * and divided by (count − 1): unbiased for the covariance across trials (N × N, row-major; two passes, the mean
     * first, so no cancellation between the mean and the spread).
     */
    static double[] covariance(double[] states, boolean[] settled, int n, int from, int to) {
        double[] mean = new double[n];
        int count = 0;
        for (int m = from; m < to; m++) {
            if (!settled[m]) {
                continue;
            }
            count++;
            for (int i = 0; i < n; i++) {
                mean[i] += states[m * n + i];
            }
        }
        if (count < 2) {
            throw new IllegalStateException("fewer than 2 settled trials in trials " + from + " to " + (to - 1));
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= count;
        }
        double[] c = new double[n * n];
        double[] d = new double[n];
        for (int m = from; m < to; m++) {
            if (!settled[m]) {
                continue;
            }
            int off = m * n;
            for (int i = 0; i < n; i++) {
                d[i] = states[off + i] - mean[i];
            }
            for (int i = 0; i < n; i++) {
                double di = d[i];
                int row = i * n;
                for (int j = i; j < n; j++) {
                    c[row + j] = Math.fma(di, d[j], c[row + j]);
                }
            }
        }
        double w = 1.0 / (count - 1);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                c[i * n + j] *= w;
                c[j * n + i] = c[i * n + j];
            }
        }
        return c;
    }

    /** The completed realizations against the theory: mean ± SE over realizations of each statistic. */
    public static Result compare(QuenchedCovariance.Result theory, Realizations.Recordings<Realization> runs) {
        if (runs.completed() < 2) {
            throw new IllegalStateException(runs.failed() + " of " + runs.total()
                    + " realizations had trials without a settled fixed point; fewer than 2 left to compare");
        }
        RunningStatistics[] s = new RunningStatistics[4];
        for (int k = 0; k < 4; k++) {
            s[k] = new RunningStatistics();
        }
        List<CovarianceStatistics> per = new ArrayList<>();
        double[] eig = null;
        for (Realization r : runs.recordings()) {
            CovarianceStatistics c = r.statistics();
            per.add(c);
            s[0].add(c.meanAutoCov());
            s[1].add(c.meanCrossCov());
            s[2].add(c.varCrossCov());
            s[3].add(c.participationRatioPerN());
            if (eig == null && r.covariance() != null) {
                eig = SymmetricEigen.values(r.covariance(), c.n());
            }
        }
        CovariancePrediction p = theory.cavity();
        return new Result(p, theory.effectiveGain(), theory, dev(p.meanAutoCov(), s[0]), dev(p.meanCrossCov(), s[1]),
                dev(p.varCrossCov(), s[2]), dev(p.participationRatioPerN(), s[3]), per, eig, runs.failures());
    }

    private static Deviation dev(double theory, RunningStatistics s) {
        return Deviation.of(theory, s.mean(), s.standardError());
    }
}
