package org.chaoslab.theory.covariance;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The equal-time covariance statistics of the discrete-time process that a one-stage stepping scheme integrates for the
 * linear network dx/dt = −x + Wx + ξ (W_ij ~ N(0, R²/N), white noise of intensity D): x ← κx + γWx + √v·ξ_step, ξ_step
 * standard normal, N → ∞. Exponential Euler is κ = e^{−h}, γ = 1 − e^{−h}, v = D(1 − e^{−2h})/2; Euler is κ = 1 − h,
 * γ = h, v = Dh. Both are first order: the drift of the coupling is held over the step, and the equal-time
 * cross-covariances, which the coupling alone creates, are biased by O(h) (at R = 0.6, h = 0.05 exponential Euler
 * raises PR/N from 0.7594 to 0.7661; the mean auto-covariance barely moves, 0.6250 to 0.6251).
 *
 * <p>Derivation: the stationary covariance of x_{t+1} = Fx_t + √v ξ_t, F = κ + γW, is
 * C = v Σ_k F^k F^{kᵀ} = v∫dθ/2π (e^{iθ} − F)⁻¹(e^{−iθ} − Fᵀ)⁻¹, and e^{iθ} − F = γ(z − W) with z(θ) = (e^{iθ} − κ)/γ:
 * the resolvents of the continuous case on another contour (z = 1 + iω there). The planar traces are the same functions
 * of z ({@link ResolventTraces}): τ(C) = (v/γ²)∫dθ/2π t, t = 1/(|z|² − R²), and
 * τ(C²) = (v/γ²)²∬ t₁t₂/|1 − R²/(z₁z̄₂)|², whence ā, N·Var c_ij = τ(C²) − ā² and PR/N = ā²/τ(C²). The integrand is a
 * Lorentzian of width γ√(1 − R²) in θ: integrated by Gauss–Legendre in u with θ = 2 atan(c tan(u/2)), c = γ√(1 − R²).
 * Checked against the discrete Lyapunov equation of sampled networks and, for ā, against the sum of nested pairings
 * v Σ_k Σ_j C(k, j)² κ^{2(k−j)}(γ²R²)^j (SteppedLinearCovarianceTest).
 */
public final class SteppedLinearCovariance {

    /** Gauss–Legendre nodes in u (the mapped angle): ā and PR/N to 1e-10 at R ≤ 0.95, h ≥ 0.001. */
    static final int QUADRATURE_NODES = 96;

    private SteppedLinearCovariance() {
    }

    /**
     * The equal-time statistics of the scheme x ← κx + γWx + √v ξ (N → ∞; the eigenvalue edges are not derived: NaN).
     *
     * @param r the spectral radius R of W, in [0, 1)
     * @param d the noise intensity D of the continuous model (recorded in the prediction)
     * @param n N (for Var c_ij = N·Var/N and PR)
     * @param keep κ, in (0, 1)
     * @param gain γ, in (0, 1 − κ + small]: the factor of the drive (the scheme is stable for κ + γR &lt; 1)
     * @param stepVariance v &gt; 0, the variance of the noise added per step
     */
    public static CovariancePrediction equalTime(double r, double d, int n, double keep, double gain, double stepVariance) {
        check(r, d, n, keep, gain);
        if (!(stepVariance > 0.0) || !Double.isFinite(stepVariance)) {
            throw new IllegalArgumentException("stepVariance must be finite and > 0 (got " + stepVariance + ")");
        }
        double pref = stepVariance / (gain * gain);
        return integrate(r, d, n, keep, gain, gain * Math.sqrt(1.0 - r * r), theta -> pref);
    }

    /**
     * The same for Ornstein–Uhlenbeck noise as the simulator steps it: x ← κx + γ(Wx + η), η ← αη + β ξ (α = e^{−h/τ_n},
     * β² = (1 − α²)·σ²/(2τ_n), the exact OU update). Then x = (z − W)⁻¹η̂ with η̂ of spectrum β²/|e^{iθ} − α|², which
     * replaces v/γ² as the weight of the contour integrals.
     *
     * @param noiseKeep          α ∈ (0, 1)
     * @param innovationVariance β² &gt; 0
     */
    public static CovariancePrediction equalTimeOu(double r, double d, int n, double keep, double gain, double noiseKeep,
                                                   double innovationVariance) {
        check(r, d, n, keep, gain);
        if (!(noiseKeep > 0.0 && noiseKeep < 1.0) || !(innovationVariance > 0.0) || !Double.isFinite(innovationVariance)) {
            throw new IllegalArgumentException("noiseKeep must be in (0, 1) and innovationVariance finite and > 0 (got "
                    + noiseKeep + ", " + innovationVariance + ")");
        }
        double width = Math.min(gain * Math.sqrt(1.0 - r * r), 1.0 - noiseKeep);
        return integrate(r, d, n, keep, gain, width, theta -> innovationVariance
                / (1.0 - 2.0 * noiseKeep * Math.cos(theta) + noiseKeep * noiseKeep));
    }

    private static void check(double r, double d, int n, double keep, double gain) {
        LinearCovariance.check(r, d, n);
        if (!(keep > 0.0 && keep < 1.0)) {
            throw new IllegalArgumentException("keep must be in (0, 1) (got " + keep + ")");
        }
        if (!(gain > 0.0) || !(keep + gain * r < 1.0)) {
            throw new IllegalArgumentException("gain must be > 0 with keep + gain R < 1 for a stable scheme (got " + gain + ")");
        }
    }

    /**
     * ā, N·Var and PR/N of C = ∫dθ/2π w(θ) G_z G_z†, z(θ) = (e^{iθ} − κ)/γ, by Gauss–Legendre in u with
     * θ = 2 atan(c tan(u/2)) (c the width of the narrowest feature in θ).
     */
    private static CovariancePrediction integrate(double r, double d, int n, double keep, double gain, double c,
                                                  java.util.function.DoubleUnaryOperator weight) {
        double s = r * r;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(QUADRATURE_NODES, -Math.PI, Math.PI);
        int k = rule.getNumberOfPoints();
        double[] zr = new double[k];
        double[] zi = new double[k];
        double[] w = new double[k];
        double[] t = new double[k];
        for (int i = 0; i < k; i++) {
            double u = rule.getPoint(i);
            double tu = Math.tan(0.5 * u);
            double theta = 2.0 * Math.atan(c * tu);
            double jac = c * (1.0 + tu * tu) / (1.0 + c * c * tu * tu);     // dθ/du
            zr[i] = (Math.cos(theta) - keep) / gain;
            zi[i] = Math.sin(theta) / gain;
            w[i] = rule.getWeight(i) * jac / (2.0 * Math.PI) * weight.applyAsDouble(theta);
            t[i] = 1.0 / (zr[i] * zr[i] + zi[i] * zi[i] - s);
        }
        double a = 0.0;
        double b = 0.0;
        for (int i = 0; i < k; i++) {
            a += w[i] * t[i];
            for (int j = 0; j < k; j++) {
                // 1 − s/(z_i z̄_j)
                double pr = zr[i] * zr[j] + zi[i] * zi[j];
                double pi = zi[i] * zr[j] - zr[i] * zi[j];
                double den = pr * pr + pi * pi;
                double mr = 1.0 - s * pr / den;
                double mi = s * pi / den;
                b += w[i] * w[j] * t[i] * t[j] / (mr * mr + mi * mi);
            }
        }
        return new CovariancePrediction("equal-time-scheme", n, r, d, a, 0.0, (b - a * a) / n, a * a / b, Double.NaN,
                Double.NaN);
    }
}
