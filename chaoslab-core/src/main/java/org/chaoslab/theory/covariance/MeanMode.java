package org.chaoslab.theory.covariance;

/**
 * The mean cross-covariance that a mean coupling J0 creates (couplings J_ij = J0/N + W_ij, W i.i.d. of variance g²/N;
 * odd φ without input, so that the units have no offsets): the rank-one part J0/N·11ᵀ feeds the population mean back
 * into every unit, and the population mean x̄ = N⁻¹Σ_i x_i is a common mode of all the units. Our derivation
 * (docs/correlations-nonlinear.md, "A mean coupling"): averaging the network equation over the units,
 * <pre>
 *   (1 + iω) x̄ = ξ̄ + ζ + J0 φ̄,   φ̄ = γ x̄ + ε̄   (Bussgang, γ = ⟨φ′⟩),   ζ = N⁻¹Σ_j (Σ_i W_ij) φ_j,
 * </pre>
 * with ξ̄, ζ, ε̄ uncorrelated at leading order (the column sums of W are independent of the unit they leave; ε_j is
 * uncorrelated with x_j and, by Stein's lemma, with ξ_j), of spectra D/N, g²C^φ/N and C^ε/N. So
 * <pre>
 *   N·S_x̄(ω) = [C^x(ω) + J0²|S|²C^ε(ω)] / |1 − J0γS|²,   S = 1/(1 + iω),   C^x = |S|²(D + g²C^φ)  (the DMFT),
 * </pre>
 * and since N·Var x̄ = ā + N⟨c_ij⟩ (the mean over pairs i ≠ j), N⟨c_ij⟩ = N·S_x̄(0) − Ĉ^x(0) at zero frequency and
 * ∫dω/2π N·S_x̄ − c(0) at equal time. The single-unit statistics, ā, N·Var c_ij and PR/N do not change at leading order
 * (the common mode shifts every c_ij by the same O(1/N); it adds (N⟨c_ij⟩)²/N to N⁻¹tr C², an O(1/N) term of PR/N).
 * Linear units: C^ε = 0, γ = 1, N⟨c_ij⟩ = ā[1/(1 − J0)² − 1] at zero frequency (also by Sherman–Morrison on
 * (1 − W − J0 11ᵀ/N)⁻¹). The quenched fixed points are the zero-frequency case with the static variances. The mean mode
 * must be stable: J0γ &lt; 1. The value of one network scatters much (the column sums of W enter: for linear units at
 * R = 0.6, J0 = 0.5 the zero-frequency N⟨c_ij⟩ = 4.69 has a standard deviation over realizations of 1.66 at N = 200,
 * 0.39 at N = 1600), and sampled networks sit above the N → ∞ value by a finite-N bias that is not derived (mean
 * 5.17 ± 0.26 at N = 200, 5.06 ± 0.20 at N = 400, 4.85 ± 0.12 at N = 800, 4.61 ± 0.11 at N = 1600; exact inverses,
 * scripts/finite-size/mean_mode.py and MeanModeTest).
 */
public final class MeanMode {

    private MeanMode() {
    }

    /**
     * The spectra the equal-time mean mode needs, on the symmetric grid ω_n = 2πnh, |n| ≤ last.
     *
     * @param spectrumX        Ĉ^x_n (n ≥ 0)
     * @param spectrumResidual Ĉ^ε_n = Ĉ^φ_n − γ²Ĉ^x_n (n ≥ 0; 0 for linear units)
     * @param h                frequency step in cycles
     * @param last             the largest |n| summed
     * @param gamma            γ = ⟨φ′⟩
     */
    public record Spectra(double[] spectrumX, double[] spectrumResidual, double h, int last, double gamma) {
    }

    /**
     * N⟨c_ij⟩ of a zero-frequency (or quenched static) covariance: [a + J0²s]/(1 − J0γ)² − a.
     *
     * @param auto     ā (Ĉ^x(0), or the static variance Δ)
     * @param residual s (Ĉ^ε(0), or ⟨φ²⟩ − γ²Δ)
     */
    public static double zeroFrequency(double auto, double residual, double gamma, double j0) {
        double f = stableFactor(gamma, j0);
        return (auto + j0 * j0 * residual) / (f * f) - auto;
    }

    /** N⟨c_ij⟩ at equal time from the spectra: h Σ_n [Ĉ^x(1 + ω²) + J0²Ĉ^ε]/((1 − J0γ)² + ω²) − h Σ_n Ĉ^x. */
    public static double equalTime(Spectra s, double j0) {
        double f = stableFactor(s.gamma(), j0);
        double dOmega = 2.0 * Math.PI * s.h();
        double sum = 0.0;
        double auto = 0.0;
        for (int n = s.last(); n >= 0; n--) {
            double w = n * dOmega;
            double weight = n == 0 ? 1.0 : 2.0;
            double cx = s.spectrumX()[n];
            sum += weight * (cx * (1.0 + w * w) + j0 * j0 * s.spectrumResidual()[n]) / (f * f + w * w);
            auto += weight * cx;
        }
        return s.h() * (sum - auto);
    }

    /**
     * Linear units with white noise of intensity D, equal time, in closed form (residues):
     * ∫dω/2π D(1 + ω²)/((a² + ω²)(b² + ω²)) − D/(2a), a = √(1 − R²), b = 1 − J0.
     */
    public static double linearEqualTime(double r, double d, double j0) {
        stableFactor(1.0, j0);
        double a = Math.sqrt(1.0 - r * r);
        double b = 1.0 - j0;
        if (Math.abs(b - a) < 1e-7 * a) {
            b = a * (1.0 + 1e-7);     // the removable singularity of the partial fractions at b = a
        }
        double den = b * b - a * a;
        double ca = (1.0 - a * a) / den;
        double cb = (b * b - 1.0) / den;
        return d * (ca / (2.0 * a) + cb / (2.0 * b)) - d / (2.0 * a);
    }

    private static double stableFactor(double gamma, double j0) {
        double f = 1.0 - j0 * gamma;
        if (!(f > 0.0)) {
            throw new IllegalArgumentException("the mean mode is unstable: j0 <phi'> = " + j0 * gamma + " must be < 1");
        }
        return f;
    }
}
