package org.chaoslab.theory.covariance;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.Phase;

/**
 * Covariance statistics of a rate network driven by <em>quenched</em> noise: a frozen input ξ_i ~ N(0, σ²) per unit,
 * redrawn from trial to trial while the couplings J stay fixed. Each trial settles to its fixed point
 * x* = ξ + Jφ(x*); the statistics are those of the covariance of x* across trials, c_ij = Cov_ξ(x*_i, x*_j), over pairs
 * of units (the "quenched" counterpart of the annealed, time-dependent noise of {@link CavityCovariance}; the
 * correlation-statistics reference, Mato, Rigatuso &amp; Torroba 2026, compares the two).
 *
 * <p>The same two-site cavity as the annealed case (docs/correlations-nonlinear.md, "Annealed and quenched"), on
 * the static state instead of the noisy DMFT spectra. Across trials x*_i ~ N(0, Δ) with the static mean field
 * Δ = σ² + g²⟨φ²⟩_Δ (SCS 1988, static branch, solved by {@link DmftSolver}). Write φ(x*_k) = γx*_k + ε_k with
 * γ = ⟨φ′⟩_Δ (Bussgang/Stein: ε_k is uncorrelated with x*_k and with ξ_k); then x* = ξ + γJx* + Jε exactly, i.e.
 * x* = A(ξ + Bε/γ) with B = γJ (radius R = gγ) and A = (1 − B)⁻¹ — the zero-frequency surrogate of the annealed case
 * with S = 1 and the static variances in place of the spectra at ω = 0:
 * <pre>
 *   ā = Δ,   N·Var c_ij = R⁴/(1 − R²)² (⟨φ²⟩_Δ/γ²)² + 2R²/(1 − R²) Δ²,   PR/N = ā²/(ā² + N·Var c_ij),
 * </pre>
 * mean cross-covariance 0, and the eigenvalue support that of σ²AAᵀ + s(A − 1)(A − 1)ᵀ, s = (⟨φ²⟩ − γ²Δ)/γ²
 * ({@link ResidualCovarianceSpectrum}). For linear units C = σ²(1 − J)⁻¹(1 − J)⁻ᵀ is the annealed zero-frequency matrix itself:
 * every closed form of {@link LinearCovariance#zeroFrequency} (and its 1/N terms) applies with D = σ². The effective-gain
 * mapping keeps R = gγ but drops ε: the linear closed forms with D = σ² (ā = σ²/(1 − R²) instead of Δ).
 *
 * <p>Which gain enters where, as in the annealed case: R = g⟨φ′⟩ sets the poles; the fixed point must be stable for
 * (nearly) every trial, g²⟨φ′²⟩_Δ &lt; 1 (the static branch's stability), otherwise the quenched state is chaotic and
 * refused.
 */
public final class QuenchedCovariance {

    /**
     * The quenched statistics of one network.
     *
     * @param cavity        the cavity statistics (ā = Δ, Var c_ij and PR/N above)
     * @param effectiveGain the effective-gain mapping (linear closed forms at R = gγ, D = σ²)
     * @param variance      Δ, the static variance of x* across trials and units
     * @param meanSlope     γ = ⟨φ′⟩_Δ
     * @param rateVariance  ⟨φ²⟩_Δ
     * @param stabilityGain g²⟨φ′²⟩_Δ (&lt; 1)
     */
    public record Result(CovariancePrediction cavity, CovariancePrediction effectiveGain, double variance, double meanSlope,
                         double rateVariance, double stabilityGain) {

        /** ⟨φ²⟩ − γ²Δ ≥ 0: the part of φ(x*) that is not linear in x*, what the effective gain leaves out. */
        public double nonlinearPower() {
            return Math.max(0.0, rateVariance - meanSlope * meanSlope * variance);
        }
    }

    private QuenchedCovariance() {
    }

    /**
     * Solves the static mean field of {@code network} (quenched noise σ &gt; 0, no mean coupling, no constant input,
     * no coupling symmetry) and evaluates the statistics at its N.
     *
     * @throws IllegalArgumentException for other noise or parameters, or a fixed point that is not stable
     */
    public static Result of(RateNetwork network) {
        Noise noise = network.input().noise();
        if (!(noise instanceof Noise.Quenched) || !(noise.sigma() > 0)) {
            throw new IllegalArgumentException("noise must be quenched:SIGMA with SIGMA > 0 (got " + noise.label() + ")");
        }
        if (network.couplings().meanCoupling() != 0.0 || network.couplings().symmetry() != 0.0) {
            throw new IllegalArgumentException("the quenched covariance statistics assume i.i.d. zero-mean couplings (got "
                    + "mean coupling J0 = " + network.couplings().meanCoupling() + ", symmetry eta = "
                    + network.couplings().symmetry() + ")");
        }
        for (int i = 0; i < network.size(); i++) {
            if (network.input().constantPart(i) != 0.0) {
                throw new IllegalArgumentException("the quenched covariance statistics assume no constant input (got "
                        + network.input().constantPart(i) + " at unit " + i + ")");
            }
        }
        DmftSolver solver = new DmftSolver();
        DmftSolution s = solver.solve(network);
        if (s.phase() != Phase.FIXED_POINT || !(s.stabilityGain() < 1.0)) {
            throw new IllegalArgumentException("the quenched covariance needs a stable fixed point for every trial: g^2<phi'^2> = "
                    + s.stabilityGain() + " must be < 1 (phase " + s.phase() + "; larger sigma or smaller g)");
        }
        if (Math.abs(s.mean()) > 1e-12 * Math.sqrt(s.delta0())) {
            throw new IllegalArgumentException("the quenched covariance statistics assume a zero-mean state (odd phi); got mean "
                    + s.mean());
        }
        return of(network.gain(), s.delta0(), noise.sigma() * noise.sigma(), network.transfer(), solver.engine(),
                network.size());
    }

    /**
     * The statistics of the static state of variance {@code delta} (Δ = σ² + g²⟨φ²⟩_Δ) at size {@code n}.
     *
     * @param g     coupling gain
     * @param delta Δ, the static variance
     * @param d     σ², the variance of the frozen input
     */
    static Result of(double g, double delta, double d, org.chaoslab.model.TransferFunction phi, GaussianExpectation engine,
                     int n) {
        double gamma = engine.expectation(TransferIntegrands.derivative(phi), 0.0, delta);
        double rate = engine.expectation(TransferIntegrands.phiSquared(phi), 0.0, delta);
        double stability = g * g * engine.expectation(TransferIntegrands.derivativeSquared(phi), 0.0, delta);
        double r = g * Math.abs(gamma);
        LinearCovariance.check(r, d, n);
        CovariancePrediction effective = LinearCovariance.zeroFrequency(r, d, n);
        CovariancePrediction cavity;
        if (phi instanceof TransferFunctions.Linear) {
            cavity = relabel(effective);
        } else {
            double r2 = r * r;
            double q = 1.0 - r2;
            double y = rate / (gamma * gamma);
            double scaledVar = r2 * r2 / (q * q) * y * y + 2.0 * r2 / q * delta * delta;
            ResidualCovarianceSpectrum spectrum = new ResidualCovarianceSpectrum(r, d,
                    Math.max(0.0, rate - gamma * gamma * delta) / (gamma * gamma));
            cavity = new CovariancePrediction("quenched", n, r, d, delta, 0.0, scaledVar / n,
                    delta * delta / (delta * delta + scaledVar), spectrum.lower(), spectrum.upper());
        }
        return new Result(cavity, relabel(effective), delta, gamma, rate, stability);
    }

    private static CovariancePrediction relabel(CovariancePrediction p) {
        return new CovariancePrediction("quenched", p.n(), p.spectralRadius(), p.noiseIntensity(), p.meanAutoCov(),
                p.meanCrossCov(), p.varCrossCov(), p.participationRatioPerN(), p.eigenLower(), p.eigenUpper());
    }
}
