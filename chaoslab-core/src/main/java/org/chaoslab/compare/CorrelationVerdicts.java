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
import org.chaoslab.theory.covariance.SteppedCavityCovariance;
import org.chaoslab.theory.covariance.SteppedLinearCovariance;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.NoSolutionException;
import org.chaoslab.theory.dmft.OneStepScheme;
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
 *   <li>nonlinear units, cavity theory, white or OU noise: the equal-time bias of the one-stage schemes from the scheme's
 *       own DMFT and cavity ({@link SteppedCavityCovariance}, exact for the map at N → ∞; at tanh, g = 2, σ = 2,
 *       exponential Euler at dt = 0.05 raises PR/N by 0.0069 and lowers N·Var by 2.7 %); under the effective-gain
 *       mapping the linear network's at its R;</li>
 *   <li>any φ with white noise and RK4: the recorded state follows the noise kick, so its equal-time covariance is that of
 *       the Strang splitting (second order) plus the independent half kick, D·dt/2 on the diagonal
 *       ({@link CovariancePrediction#plusDiagonal}); O(dt²) is left.</li>
 * </ul>
 * Any φ: the estimator's finite-T term: each half of the record (length T/2) has its own mean subtracted, which
 * removes the variance of the time average, C_ZF/(T/2), from the equal-time covariance (ā − ā_ZF/(T/2); in PR/N and
 * Var c_ij through N⁻¹tr(C_ET C_ZF): {@link EqualTimeCovariance#overlapWithZeroFrequency} for linear units, the cavity's
 * two-frequency kernel at ω₂ = 0 otherwise, {@link CovarianceTheory#overlap}, averaged over the offsets where the state
 * has a static part).
 *
 * <p>Where a term is not derived (the 1/N terms of nonlinear units or OU noise) the tolerance carries an allowance,
 * stated in the verdict's basis: for the 1/N terms, the linear network's at the same R (relative for ā and Var c_ij,
 * absolute for PR/N), the size the cavity tests measure.
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
        boolean exactLinear = exactLinear(network);
        double t = quantile(r.realizations());
        String stat = statistical(r.realizations(), t);
        List<Verdict> v = new ArrayList<>(zeroFrequency(theory.zeroFrequency(), exactLinear,
                network.couplings().zeroDiagonal(), network.size(), r.realizations(), r.meanAutoCov(), r.meanCrossCov(), r.varCrossCov(), r.participationRatioPerN()));
        EqualTimePrediction p = EqualTimePrediction.of(network, theory, run, exactLinear);
        String why = exactLinear ? "" : " for the 1/N term (not derived here: the linear network's at R = "
                + fmt(theory.spectralRadius()) + ")";
        String tail = (p.terms().isEmpty() ? "" : "; theory with " + String.join(", ", p.terms())) + p.note();
        v.add(allowing("equal-time meanAutoCov", r.equalTimeMeanAutoCov(), p.value().meanAutoCov(), t, p.allowMean(), stat,
                why, tail));
        v.add(allowing("equal-time varCrossCov", r.equalTimeVarCrossCov(), p.value().varCrossCov(), t, p.allowVar(), stat,
                why, tail));
        v.add(allowing("equal-time PR/N", r.equalTimeParticipationRatioPerN(), p.value().participationRatioPerN(), t,
                p.allowPr(), stat, why, tail));
        return v;
    }

    /**
     * What the equal-time estimate of a run should be, built in three steps: the N → ∞ theory with the finite-N terms
     * ({@link #finiteN}), the stepping scheme's bias ({@link #scheme}), the estimator's finite-T term ({@link #finiteT}).
     *
     * @param value     the prediction (ā, Var c_ij, PR/N)
     * @param allowMean the allowance on ā for what is not derived (0 where everything is)
     * @param allowVar  the same on Var c_ij
     * @param allowPr   the same on PR/N
     * @param terms     the derived terms included, for the verdicts' basis
     * @param note      what is left out ("" or starting with "; ")
     */
    record EqualTimePrediction(CovariancePrediction value, double allowMean, double allowVar, double allowPr,
                               List<String> terms, String note) {

        static EqualTimePrediction of(RateNetwork network, CovarianceTheory theory, RateSimulation run,
                                      boolean exactLinear) {
            Noise noise = network.input().noise();
            double tau = noise instanceof Noise.OrnsteinUhlenbeck ou ? ou.tau() : 0.0;
            double radius = theory.spectralRadius();
            double d = theory.noiseIntensity();
            FiniteSizeCoefficients k = EqualTimeCovariance.finiteSize(radius, d, network.couplings().zeroDiagonal(), tau);
            double[] linear = EqualTimeCovariance.planar(radius, d, tau);     // [ā, PR/N, N·Var] of the linear network
            List<String> terms = new ArrayList<>();
            EqualTimePrediction base = finiteN(theory.equalTime(), k, linear, exactLinear, network.size(), terms);
            StringBuilder missing = new StringBuilder();
            CovariancePrediction stepped = scheme(network, theory, base.value(), linear, tau, run.dt(), run.integrator(),
                    exactLinear, terms, missing);
            String note = stepped != null ? "" : "; the O(dt) bias of " + run.integrator().label() + missing;
            CovariancePrediction value = finiteT(stepped != null ? stepped : base.value(), theory, tau, run, exactLinear,
                    terms);
            return new EqualTimePrediction(value, base.allowMean(), base.allowVar(), base.allowPr(), List.copyOf(terms),
                    note);
        }

        /** The N → ∞ values with the derived 1/N terms (linear units) or the allowances of the linear network's. */
        private static EqualTimePrediction finiteN(CovariancePrediction et, FiniteSizeCoefficients k, double[] linear,
                                                   boolean exactLinear, int n, List<String> terms) {
            if (exactLinear) {
                terms.add("derived 1/N terms");
                return new EqualTimePrediction(EqualTimeCovariance.finiteN(et, k), 0.0, 0.0, 0.0, terms, "");
            }
            return new EqualTimePrediction(et, Math.abs(k.meanAutoCov() / linear[0]) / n * Math.abs(et.meanAutoCov()),
                    Math.abs(k.scaledVarCrossCov() / linear[2]) / n * Math.abs(et.varCrossCov()),
                    Math.abs(k.participationRatioPerN()) / n, terms, "");
        }

        /**
         * The recorded process of the scheme: RK4 with white noise adds the half kick D·dt/2 on the diagonal (any φ); the
         * one-stage schemes' exact shift for linear units and the effective gain ({@link SteppedLinearCovariance}, the
         * linear network at the theory's R) and for the cavity ({@link SteppedCavityCovariance}, the scheme's own DMFT);
         * null where not derived, with the reason appended to {@code missing}.
         */
        private static CovariancePrediction scheme(RateNetwork network, CovarianceTheory theory, CovariancePrediction base,
                                                   double[] linear, double tau, double dt, IntegratorKind scheme,
                                                   boolean exactLinear, List<String> terms, StringBuilder missing) {
            Noise noise = network.input().noise();
            boolean white = noise instanceof Noise.White;
            double d = base.noiseIntensity();
            if (white && scheme == IntegratorKind.RK4) {
                terms.add("the half noise kick D dt/2 of the rk4 recording");
                return base.plusDiagonal(0.5 * d * dt, "equal-time, rk4 recording");
            }
            if (scheme == IntegratorKind.RK4) {
                missing.append(" with OU noise is not derived here");
                return null;
            }
            boolean exp = scheme == IntegratorKind.EXPONENTIAL_EULER;
            OneStepScheme map = exp ? OneStepScheme.exponentialEuler(dt) : OneStepScheme.euler(dt);
            boolean cavity = !exactLinear && "cavity".equals(theory.mapping());
            if (!exactLinear && !cavity && !"effective-gain".equals(theory.mapping())) {
                missing.append(" is not derived here (--integrator rk4 leaves O(dt^2) with white noise)");
                return null;
            }
            int n = base.n();
            double r = base.spectralRadius();
            double[] shift;
            if (cavity) {
                CovariancePrediction st;
                try {
                    st = SteppedCavityCovariance.of(network, map, DmftOptions.defaults()).equalTime();
                } catch (NoSolutionException e) {
                    missing.append(" is not derived here (the scheme's DMFT: ").append(e.getMessage()).append(')');
                    return null;
                }
                CovariancePrediction ode = theory.equalTime();
                shift = new double[] {st.meanAutoCov() - ode.meanAutoCov(), st.varCrossCov() - ode.varCrossCov(),
                        st.participationRatioPerN() - ode.participationRatioPerN()};
                terms.add("the derived " + scheme.label() + " bias at dt = " + fmt(dt) + " (the scheme's DMFT and cavity)");
            } else {
                CovariancePrediction st;
                if (white) {
                    st = SteppedLinearCovariance.equalTime(r, d, n, map.keep(), map.gain(), d * map.whiteStepVariance());
                } else {
                    // the simulator's OU: η ← αη + β ξ exactly, x ← κx + γ(Wx + η)
                    st = SteppedLinearCovariance.equalTimeOu(r, d, n, map.keep(), map.gain(), map.ouKeep(tau),
                            map.ouInnovationVariance(d, tau));
                }
                shift = new double[] {st.meanAutoCov() - linear[0], st.varCrossCov() - linear[2] / n,
                        st.participationRatioPerN() - linear[1]};
                terms.add("the derived " + scheme.label() + " bias at dt = " + fmt(dt)
                        + (exactLinear ? "" : " (of the linear network at R)"));
            }
            return new CovariancePrediction("equal-time, " + scheme.label(), n, r, d, base.meanAutoCov() + shift[0], 0.0,
                    base.varCrossCov() + shift[1], base.participationRatioPerN() + shift[2], Double.NaN, Double.NaN);
        }

        /**
         * The estimator: each half's sample covariance has its mean subtracted, which removes the variance of the time
         * average, C_ZF/T_half (+ O(1/T²)): ā − ā_ZF/T_half (any φ); where N⁻¹tr(C_ET C_ZF) is known also
         * N⁻¹tr C² − 2N⁻¹tr(C_ET C_ZF)/T_half in PR/N and N·Var c_ij − 2(N⁻¹tr(C_ET C_ZF) − ā_ET ā_ZF)/T_half.
         */
        private static CovariancePrediction finiteT(CovariancePrediction p, CovarianceTheory theory, double tau,
                                                    RateSimulation run, boolean exactLinear, List<String> terms) {
            double tHalf = 0.5 * run.duration();
            double aZf = theory.zeroFrequency().meanAutoCov();
            double mean = p.meanAutoCov() - aZf / tHalf;
            double pr = p.participationRatioPerN();
            double var = p.varCrossCov();
            // N⁻¹tr(C_ET C_ZF): the linear network's quadrature, or the cavity's kernel at ω₂ = 0
            double overlap = exactLinear
                    ? EqualTimeCovariance.overlapWithZeroFrequency(p.spectralRadius(), p.noiseIntensity(), tau)
                    : theory.equalTime().meanAutoCov() * aZf + theory.overlap();
            if (Double.isFinite(overlap)) {
                double second = p.meanAutoCov() * p.meanAutoCov() / pr - 2.0 * overlap / tHalf;
                pr = mean * mean / second;
                var -= 2.0 * (overlap - theory.equalTime().meanAutoCov() * aZf) / tHalf / p.n();
                terms.add("the finite-T term of the mean-subtracted estimator (T/2 = " + fmt(tHalf) + ")");
            } else {
                terms.add("the finite-T term -a_ZF/(T/2) in a (in PR/N and Var not derived here)");
            }
            return new CovariancePrediction(p.kind(), p.n(), p.spectralRadius(), p.noiseIntensity(), mean, 0.0, var, pr,
                    Double.NaN, Double.NaN);
        }
    }

    /**
     * The equal-time statistics that a run with {@code integrator} at step {@code dt} records at N → ∞ (no 1/N or
     * finite-T terms): the theory's values shifted by the scheme's derived bias (the one-stage schemes: the scheme's DMFT
     * and cavity for nonlinear units, its closed form for linear units and the effective gain; RK4 with white noise: the
     * half kick), or null where that bias is not derived.
     *
     * @param basis receives what was added, or why nothing was
     */
    public static CovariancePrediction schemeEqualTime(RateNetwork network, CovarianceTheory theory, double dt,
                                                       IntegratorKind integrator, List<String> basis) {
        boolean exactLinear = exactLinear(network);
        Noise noise = network.input().noise();
        double tau = noise instanceof Noise.OrnsteinUhlenbeck ou ? ou.tau() : 0.0;
        double[] linear = EqualTimeCovariance.planar(theory.spectralRadius(), theory.noiseIntensity(), tau);
        StringBuilder missing = new StringBuilder();
        CovariancePrediction p = EqualTimePrediction.scheme(network, theory, theory.equalTime(), linear, tau, dt, integrator,
                exactLinear, basis, missing);
        if (p == null) {
            basis.add("the O(dt) bias of " + integrator.label() + missing);
        }
        return p;
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

    /** Linear units with i.i.d. zero-mean dense couplings (white or OU noise): every term of the prediction is derived. */
    private static boolean exactLinear(RateNetwork network) {
        Couplings c = network.couplings();
        return network.transfer() instanceof TransferFunctions.Linear && c.meanCoupling() == 0.0 && c.symmetry() == 0.0
                && c.inDegree() == 0;
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
