package org.chaoslab.theory.covariance;

import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;

/**
 * Eigenvalue density of the zero-frequency covariance C = D(1 − W)⁻¹(1 − W)⁻ᵀ of the linear network
 * dx/dt = −x + Wx + ξ, W_ij ~ N(0, R²/N), in the limit N → ∞ (the closed form whose support edges are
 * Hu &amp; Sompolinsky, PLoS CB 18:e1010327 (2022), eq. for x±; those edges are also
 * {@link LinearCovariance#zeroFrequency}'s).
 *
 * <p>Derivation: the eigenvalues of C are D/s for the eigenvalues s of M = (1 − W)(1 − W)ᵀ. M is the
 * "information-plus-noise" matrix (A + X)(A + X)ᵀ with A = I and X = −W of variance R²/N, whose Stieltjes
 * transform m(w) = N⁻¹ tr (M − w)⁻¹ solves the Dozier–Silverstein equation (J. Multivariate Anal. 98:678
 * (2007), square case): m = 1/[1/(1 + R²m) − (1 + R²m)w]. With u = 1 + R²m this is the cubic
 * <pre>
 *   w u³ − w u² + (R² − 1) u + 1 = 0,
 * </pre>
 * and the density of M is ρ_M(s) = Im m(s + i0)/π = Im u/(πR²) for the root with Im u &gt; 0; then
 * ρ_C(λ) = ρ_M(D/λ)·D/λ². Checks in the tests: the density integrates to 1, its mean is ā = D/(1 − R²), it
 * vanishes outside Hu &amp; Sompolinsky's edges, and it matches sampled spectra.
 */
public final class CovarianceEigenvalueDensity {

    private final double r;
    private final double d;
    private final CovariancePrediction support;
    private final LaguerreSolver solver = new LaguerreSolver(1e-15, 1e-14);

    /**
     * @param r spectral radius R ∈ [0, 1)
     * @param d noise intensity D &gt; 0
     */
    public CovarianceEigenvalueDensity(double r, double d) {
        this.support = LinearCovariance.zeroFrequency(r, d, 1); // validates R and D
        this.r = r;
        this.d = d;
    }

    /** Lower edge of the support. */
    public double lower() {
        return support.eigenLower();
    }

    /** Upper edge of the support. */
    public double upper() {
        return support.eigenUpper();
    }

    /** ρ_C(λ): the density of the eigenvalues of C at λ (0 outside the support). */
    public double density(double lambda) {
        if (!(lambda > 0.0) || !Double.isFinite(lambda)) {
            return 0.0;
        }
        if (r == 0.0) {
            return 0.0; // C = D·I: a point mass at D, no density
        }
        double w = d / lambda;
        // coefficients in increasing order: 1 + (R² − 1)u − w u² + w u³
        Complex[] roots = solver.solveAllComplex(new double[] {1.0, r * r - 1.0, -w, w}, 0.0);
        double im = 0.0;
        for (Complex u : roots) {
            im = Math.max(im, u.getImaginary());
        }
        // relative noise of the root finder (~1e-8 near the edges) is not a density
        if (im < 1e-9) {
            return 0.0;
        }
        return im / (Math.PI * r * r) * w / lambda; // ρ_M(w)·dw/dλ, dw/dλ = D/λ²
    }

    /** ρ_C on a grid of {@code points} equally spaced eigenvalues spanning the support (edges included). */
    public double[][] curve(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2 (got " + points + ")");
        }
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = lower() + (upper() - lower()) * i / (points - 1);
            y[i] = density(x[i]);
        }
        return new double[][] {x, y};
    }
}
