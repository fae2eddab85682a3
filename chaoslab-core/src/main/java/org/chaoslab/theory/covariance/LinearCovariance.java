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

    /**
     * The leading 1/N coefficients of the expected zero-frequency statistics over realizations of real Gaussian W
     * (W_ij ~ N(0, R²/N) i.i.d., with W_ii ~ N(0, R²/N) or, if {@code zeroDiagonal}, W_ii = 0), derived by Gaussian
     * integration by parts on G = (1 − W)⁻¹ (docs/finite-size-covariance.md). With s = R², q = 1 − s:
     * <ul>
     *   <li>diagonal kept: κ_ā = 2sD/q³, κ_{N Var c} = s²(s² − 8s + 20)D²/q⁶, κ_{PR/N} = −s(7s + 2);</li>
     *   <li>zero diagonal: κ_ā = s(3s − 1)D/q³, κ_{N Var c} = s²(4s³ − 21s² + 36s − 6)D²/q⁶,
     *       κ_{PR/N} = −s(2s² + 9s − 2).</li>
     * </ul>
     * Real i.i.d. matrices have these O(1/N) terms (twisted, one-cross-cap pairings such as E tr W² = R²); complex
     * Ginibre ones would not. The expansion parameter is 1/(N(1 − R²)²). The expectations themselves are infinite at
     * every finite N (the density of the smallest singular value of 1 − W is positive at 0), but with a weight
     * exponentially small in N(1 − R)²: these are the coefficients of the asymptotic series of the typical mean.
     */
    public static FiniteSizeCoefficients zeroFrequencyFiniteSize(double r, double d, boolean zeroDiagonal) {
        check(r, d, 1);
        double s = r * r;
        double q = 1.0 - s;
        double q3 = q * q * q;
        double q6 = q3 * q3;
        if (zeroDiagonal) {
            return new FiniteSizeCoefficients(s * (3 * s - 1) * d / q3, 0.0,
                    s * s * (((4 * s - 21) * s + 36) * s - 6) * d * d / q6, -s * ((2 * s + 9) * s - 2));
        }
        return new FiniteSizeCoefficients(2 * s * d / q3, 0.0, s * s * ((s - 8) * s + 20) * d * d / q6, -s * (7 * s + 2));
    }

    /**
     * Zero-frequency statistics at size N including the leading finite-size corrections of
     * {@link #zeroFrequencyFiniteSize}: the expected ā, mean cross-covariance, Var(c_ij) and PR/N over realizations,
     * each to O(1/N) (error O(1/(N(1 − R²)²))² relative). The eigenvalue support is the N → ∞ one.
     */
    public static CovariancePrediction zeroFrequencyFiniteN(double r, double d, int n, boolean zeroDiagonal) {
        CovariancePrediction inf = zeroFrequency(r, d, n);
        FiniteSizeCoefficients k = zeroFrequencyFiniteSize(r, d, zeroDiagonal);
        double scaledVar = n * inf.varCrossCov() + k.scaledVarCrossCov() / n;
        return new CovariancePrediction("zero-frequency-finite-n", n, r, d, inf.meanAutoCov() + k.meanAutoCov() / n,
                k.meanCrossCov() / n, scaledVar / n, inf.participationRatioPerN() + k.participationRatioPerN() / n,
                inf.eigenLower(), inf.eigenUpper());
    }

    /** Equal-time statistics: ā = D/(2√(1 − R²)) (class comment), Var c_ij and PR/N from {@link EqualTimeCovariance}. */
    public static CovariancePrediction equalTime(double r, double d, int n) {
        return EqualTimeCovariance.of(r, d, n);
    }

    /** The argument checks shared by the linear-network closed forms (one-line messages naming the parameter). */
    static void check(double r, double d, int n) {
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
