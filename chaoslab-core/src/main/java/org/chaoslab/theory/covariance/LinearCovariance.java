package org.chaoslab.theory.covariance;

/**
 * Covariance statistics of the linear network dx/dt = −x + Wx + ξ, W_ij ~ N(0, R²/N) i.i.d.,
 * ⟨ξ_i(t)ξ_j(s)⟩ = D δ_ij δ(t − s), R &lt; 1, in the limit N → ∞.
 *
 * <p>Zero-frequency (long-window) covariance C = D(1 − W)⁻¹(1 − W)⁻ᵀ: all four statistics and the
 * support of its eigenvalue density are closed forms (Dahmen, Grün, Diesmann &amp; Helias, PNAS 116:13051
 * (2019); Hu &amp; Sompolinsky, PLoS CB 18:e1010327 (2022)).
 *
 * <p>Equal-time covariance (Lyapunov equation (1 − W)C + C(1 − W)ᵀ = D·I): C = D∫₀^∞ e^{−(1−W)t}e^{−(1−W)ᵀt}dt,
 * and with the Ginibre moments N⁻¹ tr(W^k Wᵀ^l) → δ_kl R^{2k} (only the nested planar pairing survives)
 * N⁻¹ tr(e^{Wt}e^{Wᵀt}) → Σ_k (Rt)^{2k}/(k!)² = I₀(2Rt), so ā = D∫₀^∞ e^{−2t}I₀(2Rt)dt = D/(2√(1 − R²))
 * (Gradshteyn &amp; Ryzhik 6.611.4); the mean cross-covariance vanishes at every N (flipping the sign of row and
 * column i of W leaves its law invariant and maps c_ij → −c_ij). The variance and PR of the equal-time
 * covariance need the four-resolvent average: see {@link EqualTimeCovariance}.
 *
 * <p>These are N → ∞ values; the finite-size corrections grow like 1/(N(1 − R²)²) (for the real Ginibre
 * ensemble the mean of C is even dominated by rare real eigenvalues near 1 when R → 1).
 */
public final class LinearCovariance {

    private LinearCovariance() {
    }

    /** Zero-frequency statistics for spectral radius R ∈ [0, 1), intensity D &gt; 0, size N. */
    public static CovariancePrediction zeroFrequency(double r, double d, int n) {
        check(r, d, n);
        double q = 1.0 - r * r;
        double a = d / q;                                   // Dahmen et al. 2019: ā = D/(1 − R²)
        double var = a * a * (1.0 / (q * q) - 1.0) / n;     // Dahmen et al. 2019: N Var c/ā² = 1/(1 − R²)² − 1
        double pr = q * q;                                  // Hu & Sompolinsky 2022: PR/N = (1 − R²)²
        // Hu & Sompolinsky 2022: support edges (D = 1) [2 + 5R² − R⁴/4 ± (R/4)(8 + R²)^{3/2}] / (2(1 − R²)³)
        double centre = 2.0 + 5.0 * r * r - 0.25 * r * r * r * r;
        double spread = 0.25 * r * Math.pow(8.0 + r * r, 1.5);
        double scale = d / (2.0 * q * q * q);
        return new CovariancePrediction("zero-frequency", n, r, d, a, 0.0, var, pr,
                scale * (centre - spread), scale * (centre + spread));
    }

    /** Equal-time statistics: ā = D/(2√(1 − R²)) (class comment), Var c_ij and PR/N from {@link EqualTimeCovariance}. */
    public static CovariancePrediction equalTime(double r, double d, int n) {
        return EqualTimeCovariance.of(r, d, n);
    }

    private static void check(double r, double d, int n) {
        if (!(r >= 0.0 && r < 1.0)) {
            throw new IllegalArgumentException("spectral radius R must be in [0, 1) (got " + r + ")");
        }
        if (!(d > 0.0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("noise intensity must be finite and > 0 (got " + d + ")");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
        }
    }
}
