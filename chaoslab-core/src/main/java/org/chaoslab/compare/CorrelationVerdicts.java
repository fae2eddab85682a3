package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chaoslab.model.Couplings;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.theory.covariance.EqualTimeCovariance;
import org.chaoslab.theory.covariance.FiniteSizeCoefficients;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.theory.covariance.SteppedLinearCovariance;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The verdicts of a correlation comparison ({@link CorrelationComparison}): what the simulated run should give,
 * statistic by statistic, at its size N and with its stepping scheme, and whether it does.
 *
 * <p><b>What is predicted.</b> The theory's N → ∞ value of the continuous-time model, plus the terms that are derived:
 * <ul>
 *   <li>linear units, dense zero-mean i.i.d. couplings, white or OU noise: the 1/N terms of the zero-frequency
 *       statistics ({@link LinearCovariance#zeroFrequencyFiniteSize}) and of the equal-time ā, Var c_ij and PR/N
 *       ({@link EqualTimeCovariance#finiteSize}), and the equal-time bias of the one-stage schemes (exponential Euler,
 *       Euler), exact for the discrete-time process ({@link SteppedLinearCovariance}: at R = 0.6, dt = 0.05 it raises
 *       PR/N by 0.0067, ten standard errors of a 400-unit, 8-realization run); with OU noise and RK4 that bias is not
 *       derived;</li>
 *   <li>any φ with white noise and RK4: the recorded state follows the noise kick, so its equal-time covariance is that of
 *       the Strang splitting (second order) plus the independent half kick, D·dt/2 on the diagonal
 *       ({@link CovariancePrediction#plusDiagonal}); O(dt²) is left.</li>
 * </ul>
 * Any φ: the estimator's finite-T term: each half of the record (length T/2) has its own mean subtracted, which
 * removes the variance of the time average, C_ZF/(T/2), from the equal-time covariance (ā − ā_ZF/(T/2); for linear
 * units also N⁻¹tr C² − 2N⁻¹tr(C_ET C_ZF)/(T/2) in PR/N, {@link EqualTimeCovariance#overlapWithZeroFrequency}).
 *
 * <p>Where a term is not derived (the 1/N terms of nonlinear units or OU noise; the O(dt) bias of the one-stage schemes
 * for nonlinear units) the tolerance carries an allowance, stated in the verdict's basis: for the 1/N terms, the linear
 * network's at the same R (relative for ā and Var c_ij, absolute for PR/N), the size the cavity tests measure.
 *
 * <p><b>Tolerance.</b> The standard errors come from R realizations, so the statistical part is Student's
 * t_{1 − p/2, R − 1}·SE with p = {@value #P_VALUE} (the two-sided level of 3 SE for a Gaussian error; t = 4.77 for R = 6),
 * plus the allowance.
 */
public final class CorrelationVerdicts {

    /** Two-sided level of each verdict's statistical part. */
    public static final double P_VALUE = 0.003;

    private CorrelationVerdicts() {
    }

    /**
     * The verdicts of a comparison of {@code network} under {@code theory}, simulated with {@code run}: zero-frequency
     * ā, mean c_ij, Var c_ij and PR/N, equal-time ā, Var c_ij and PR/N.
     */
    public static List<Verdict> of(RateNetwork network, CovarianceTheory theory, RateSimulation run,
                                   CorrelationComparisonResult r) {
        int n = network.size();
        double t = quantile(r.realizations());
        String stat = statistical(r.realizations(), t);
        Noise noise = network.input().noise();
        boolean white = noise instanceof Noise.White;
        double tau = noise instanceof Noise.OrnsteinUhlenbeck ou ? ou.tau() : 0.0;
        Couplings c = network.couplings();
        boolean zd = c.zeroDiagonal();
        // linear units with i.i.d. zero-mean dense couplings, white or OU noise: every term below is derived
        boolean exactLinear = network.transfer() instanceof TransferFunctions.Linear && c.meanCoupling() == 0.0
                && c.symmetry() == 0.0 && c.inDegree() == 0;
        double radius = theory.spectralRadius();
        double d = theory.noiseIntensity();
        CovariancePrediction zf = theory.zeroFrequency();
        CovariancePrediction et = theory.equalTime();
        List<Verdict> v = new ArrayList<>(zeroFrequency(zf, exactLinear, zd, n, r.realizations(), r.meanAutoCov(),
                r.meanCrossCov(), r.varCrossCov(), r.participationRatioPerN()));
        FiniteSizeCoefficients etK = EqualTimeCovariance.finiteSize(radius, d, zd, tau);
        double[] linear = EqualTimeCovariance.planar(radius, d, tau);     // [ā, PR/N, N·Var] of the linear network
        // equal time: the finite-N base, then the scheme
        double dt = run.dt();
        IntegratorKind scheme = run.integrator();
        double baseA;
        double basePr;
        double allowA = 0.0;
        double allowPr = 0.0;
        List<String> terms = new ArrayList<>();
        if (exactLinear) {
            baseA = et.meanAutoCov() + etK.meanAutoCov() / n;
            basePr = et.participationRatioPerN() + etK.participationRatioPerN() / n;
            terms.add("derived 1/N terms");
        } else {
            baseA = et.meanAutoCov();
            basePr = et.participationRatioPerN();
            allowA = Math.abs(etK.meanAutoCov() / linear[0]) / n * Math.abs(baseA);
            allowPr = Math.abs(etK.participationRatioPerN()) / n;
        }
        double baseVar = exactLinear ? et.varCrossCov() + etK.scaledVarCrossCov() / ((double) n * n) : et.varCrossCov();
        double allowVar = exactLinear ? 0.0 : Math.abs(etK.scaledVarCrossCov() / linear[2]) / n * Math.abs(baseVar);
        CovariancePrediction base = new CovariancePrediction("equal-time", n, radius, d, baseA, 0.0, baseVar, basePr,
                Double.NaN, Double.NaN);
        CovariancePrediction predicted = base;
        String schemeNote = "";
        if (white && scheme == IntegratorKind.RK4) {
            predicted = base.plusDiagonal(0.5 * d * dt, "equal-time, rk4 recording");
            terms.add("the half noise kick D dt/2 of the rk4 recording");
        } else if (exactLinear && scheme != IntegratorKind.RK4) {
            boolean exp = scheme == IntegratorKind.EXPONENTIAL_EULER;
            double keep = exp ? Math.exp(-dt) : 1.0 - dt;
            double gain = exp ? -Math.expm1(-dt) : dt;
            CovariancePrediction stepped;
            if (white) {
                double stepVar = exp ? -0.5 * d * Math.expm1(-2.0 * dt) : d * dt;
                stepped = SteppedLinearCovariance.equalTime(radius, d, n, keep, gain, stepVar);
            } else {
                // the simulator's OU: η ← αη + β ξ exactly, x ← κx + γ(Wx + η)
                double alpha = Math.exp(-dt / tau);
                double innovation = -Math.expm1(-2.0 * dt / tau) * d / (2.0 * tau);
                stepped = SteppedLinearCovariance.equalTimeOu(radius, d, n, keep, gain, alpha, innovation);
            }
            predicted = new CovariancePrediction("equal-time, " + scheme.label(), n, radius, d,
                    baseA + stepped.meanAutoCov() - linear[0], 0.0, baseVar + stepped.varCrossCov() - linear[2] / n,
                    basePr + stepped.participationRatioPerN() - linear[1], Double.NaN, Double.NaN);
            terms.add("the derived " + scheme.label() + " bias at dt = " + fmt(dt));
        } else {
            schemeNote = white ? "; the O(dt) bias of " + scheme.label() + " is not derived here (--integrator rk4 leaves O(dt^2))"
                    : "; the O(dt) bias of " + scheme.label() + " with OU noise is not derived here";
        }
        // the estimator: each half's sample covariance has its mean subtracted, which removes the variance of the time
        // average, C_ZF/T_half (+ O(1/T²)): ā − ā_ZF/T_half, N⁻¹tr C² − 2N⁻¹tr(C_ET C_ZF)/T_half
        double tHalf = 0.5 * run.duration();
        double meanA = predicted.meanAutoCov() - zf.meanAutoCov() / tHalf;
        double meanPr = predicted.participationRatioPerN();
        double var = predicted.varCrossCov();
        if (exactLinear) {
            double overlap = EqualTimeCovariance.overlapWithZeroFrequency(radius, d, tau);
            double second = predicted.meanAutoCov() * predicted.meanAutoCov() / meanPr - 2.0 * overlap / tHalf;
            meanPr = meanA * meanA / second;
            // the cross-covariances move by −C_ZF,ij/T_half: N·Var c_ij − 2(N⁻¹tr(C_ET C_ZF) − ā_ET ā_ZF)/T_half
            var -= 2.0 * (overlap - et.meanAutoCov() * zf.meanAutoCov()) / tHalf / n;
            terms.add("the finite-T term of the mean-subtracted estimator (T/2 = " + fmt(tHalf) + ")");
        } else {
            terms.add("the finite-T term -a_ZF/(T/2) in a (in PR/N and Var not derived here)");
        }
        predicted = new CovariancePrediction(predicted.kind(), n, radius, d, meanA, 0.0, var, meanPr, Double.NaN, Double.NaN);
        String tail = (terms.isEmpty() ? "" : "; theory with " + String.join(", ", terms)) + schemeNote;
        String why = exactLinear ? "" : " for the 1/N term (not derived here: the linear network's at R = " + fmt(radius) + ")";
        v.add(allowing("equal-time meanAutoCov", r.equalTimeMeanAutoCov(), predicted.meanAutoCov(), t, allowA, stat, why,
                tail));
        v.add(allowing("equal-time varCrossCov", r.equalTimeVarCrossCov(), predicted.varCrossCov(), t, allowVar, stat, why,
                tail));
        v.add(allowing("equal-time PR/N", r.equalTimeParticipationRatioPerN(), predicted.participationRatioPerN(), t, allowPr,
                stat, why, tail));
        return v;
    }

    /**
     * The verdicts of the four statistics of a zero-frequency (or static, across-trial) covariance against
     * {@code theory} (its R and D are those of the linear network the 1/N terms are taken from): with
     * {@code exactLinear} the prediction carries the derived 1/N terms ({@link LinearCovariance#zeroFrequencyFiniteN});
     * otherwise the tolerance allows the linear network's 1/N terms at the same R (relative for ā and Var c_ij, absolute
     * for PR/N), which the cavity tests measure to be of the right size. Statistical part: t_{1−p/2, R−1}·SE.
     *
     * @param realizations R, the number of realizations behind each standard error (≥ 2)
     */
    public static List<Verdict> zeroFrequency(CovariancePrediction theory, boolean exactLinear, boolean zeroDiagonal, int n,
                                              int realizations, Deviation meanAutoCov, Deviation meanCrossCov,
                                              Deviation varCrossCov, Deviation participationRatioPerN) {
        double t = quantile(realizations);
        String stat = statistical(realizations, t);
        double radius = theory.spectralRadius();
        double d = theory.noiseIntensity();
        List<Verdict> v = new ArrayList<>();
        if (exactLinear) {
            CovariancePrediction p = LinearCovariance.zeroFrequencyFiniteN(radius, d, n, zeroDiagonal);
            String basis = stat + "; theory with its derived 1/N terms";
            v.add(Verdict.within("meanAutoCov", rebase(meanAutoCov, p.meanAutoCov()), t * meanAutoCov.standardError(), basis));
            v.add(Verdict.within("meanCrossCov", meanCrossCov, t * meanCrossCov.standardError(), stat));
            v.add(Verdict.within("varCrossCov", rebase(varCrossCov, p.varCrossCov()), t * varCrossCov.standardError(), basis));
            v.add(Verdict.within("PR/N", rebase(participationRatioPerN, p.participationRatioPerN()),
                    t * participationRatioPerN.standardError(), basis));
            return v;
        }
        FiniteSizeCoefficients k = LinearCovariance.zeroFrequencyFiniteSize(radius, d, zeroDiagonal);
        CovariancePrediction lin = LinearCovariance.zeroFrequency(radius, d, n);
        String why = " for the 1/N term (not derived here: the linear network's at R = " + fmt(radius) + ")";
        double aRel = Math.abs(k.meanAutoCov() / lin.meanAutoCov()) / n;
        double vRel = radius > 0 ? Math.abs(k.scaledVarCrossCov() / (n * lin.varCrossCov())) / n : 0.0;
        v.add(allowing("meanAutoCov", meanAutoCov, theory.meanAutoCov(), t, aRel * Math.abs(theory.meanAutoCov()), stat, why,
                ""));
        v.add(Verdict.within("meanCrossCov", meanCrossCov, t * meanCrossCov.standardError(), stat));
        v.add(allowing("varCrossCov", varCrossCov, theory.varCrossCov(), t, vRel * Math.abs(theory.varCrossCov()), stat, why,
                ""));
        v.add(allowing("PR/N", participationRatioPerN, theory.participationRatioPerN(), t,
                Math.abs(k.participationRatioPerN()) / n, stat, why, ""));
        return v;
    }

    /** t_{1−p/2, R−1}. */
    static double quantile(int realizations) {
        return new TDistribution(realizations - 1).inverseCumulativeProbability(1.0 - P_VALUE / 2.0);
    }

    private static String statistical(int realizations, double t) {
        return String.format(Locale.ROOT, "t(%d) = %.3g SE", realizations - 1, t);
    }

    /**
     * The verdict against {@code theory} with tolerance t·SE + allowance.
     *
     * @param why  what the allowance is for (used when it is &gt; 0)
     * @param note a further remark on the prediction ("" or starting with "; ")
     */
    private static Verdict allowing(String quantity, Deviation d, double theory, double t, double allowance, String stat,
                                    String why, String note) {
        Deviation re = rebase(d, theory);
        String basis = (allowance > 0 ? stat + " + " + fmt(allowance) + why : stat) + note;
        return Verdict.within(quantity, re, t * d.standardError() + allowance, basis);
    }

    private static Deviation rebase(Deviation d, double theory) {
        return Deviation.of(theory, d.simulation(), d.standardError());
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
