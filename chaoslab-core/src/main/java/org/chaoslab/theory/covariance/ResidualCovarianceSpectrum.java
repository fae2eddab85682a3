package org.chaoslab.theory.covariance;

import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;

/**
 * Eigenvalue distribution of the zero-frequency covariance of the cavity surrogate of a nonlinear network
 * (docs/correlations-nonlinear.md): C = D·AAᵀ + s·(A − 1)(A − 1)ᵀ = A(D + s·BBᵀ)Aᵀ with A = (1 − B)⁻¹, B = ⟨φ′⟩J of
 * radius R (B_ij ~ N(0, R²/N)), D the noise spectrum at zero frequency (σ²) and s = Ĉ^ε(0)/⟨φ′⟩² the residual power of
 * the units (0 for linear units, where this is {@link CovarianceEigenvalueDensity}). The same with the static
 * variances for quenched noise ({@link QuenchedCovariance}).
 *
 * <p>Derivation (ours; checked against sampled matrices in the tests). C − λ = A(M − λK)Aᵀ with M = D + sBBᵀ and
 * K = (1 − B)(1 − B)ᵀ, so by Sylvester's law of inertia the number of eigenvalues of C below λ is the number of
 * negative eigenvalues of M − λK = (D − λ) + λ(B + Bᵀ) + (s − λ)BBᵀ. Completing the square,
 * <pre>
 *   M − λK = (s − λ)[(B + κ)(B + κ)ᵀ − μ],   κ = λ/(s − λ),   μ = [λ²/(s − λ) + λ − D]/(s − λ),
 * </pre>
 * and (B + κ)(B + κ)ᵀ = κ²(1 + B/κ)(1 + B/κ)ᵀ has the law of κ² times the linear network's M_{R′} = (1 − W)(1 − W)ᵀ
 * with R′ = R/|κ| (W ↦ −W leaves the law unchanged). Hence the distribution function of the eigenvalues of C is
 * <pre>
 *   F_C(λ) = F_{R′}(μ/κ²)   for λ &lt; s,      F_C(λ) = 1 − F_{R′}(μ/κ²)   for λ &gt; s,
 * </pre>
 * where F_{R′} is the distribution function of M_{R′}, whose density is the Dozier–Silverstein one of
 * {@link CovarianceEigenvalueDensity} (Im u/(πR′²), u the root with Im u &gt; 0 of w u³ − w u² + (R′² − 1)u + 1 = 0),
 * valid for every R′ (for R′ ≥ 1 the support of M_{R′} reaches 0, where the density diverges like t^{−1/2}); its
 * support edges are in {@link #supportLinear}. For s = 0 (κ = −1, μ/κ² = D/λ) this is the linear closed form.
 *
 * <p>Numerics: F_{R′}(w) by Gauss–Legendre panels between the support edges, in v = √t when the support reaches 0
 * (which removes the t^{−1/2} divergence); the density by central differences of F_C; the support edges of C from
 * the closed-form edges of M_{R′} ({@link #edges}).
 * The mean of the distribution, lower + ∫(1 − F), reproduces tr C/N = (D + sR²)/(1 − R²) to 1e-5 relative (tests); 48
 * panels and 200 give the same F to the digits that test sees.
 */
public final class ResidualCovarianceSpectrum {

    private static final int PANELS = 48;
    private static final double[] NODES;
    private static final double[] WEIGHTS;

    static {
        var rule = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(8);
        NODES = new double[8];
        WEIGHTS = new double[8];
        for (int i = 0; i < 8; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private final double r;
    private final double d;
    private final double s;
    private final LaguerreSolver solver = new LaguerreSolver(1e-15, 1e-14);
    private double lower = Double.NaN;
    private double upper = Double.NaN;

    /**
     * @param r radius R ∈ [0, 1) of B = ⟨φ′⟩J
     * @param d noise intensity D &gt; 0
     * @param s residual power s = Ĉ^ε(0)/⟨φ′⟩² ≥ 0
     */
    public ResidualCovarianceSpectrum(double r, double d, double s) {
        LinearCovariance.check(r, d, 1);
        if (!(s >= 0.0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("residual power s must be finite and >= 0 (got " + s + ")");
        }
        this.r = r;
        this.d = d;
        this.s = s;
    }

    /** F_C(λ): the fraction of eigenvalues of C below λ. */
    public double cdf(double lambda) {
        if (!(lambda > 0.0)) {
            return 0.0;
        }
        if (r == 0.0) {
            // C = D + s·0: every eigenvalue at D (B = 0)
            return lambda < d ? 0.0 : 1.0;
        }
        double sl = s - lambda;
        if (sl == 0.0) {
            lambda = Math.nextUp(lambda);
            sl = s - lambda;
        }
        double kappa = lambda / sl;
        double mu = (lambda * lambda / sl + lambda - d) / sl;
        double f = cdfLinear(mu / (kappa * kappa), r / Math.abs(kappa));
        return lambda < s ? f : 1.0 - f;
    }

    /** ρ_C(λ) = dF_C/dλ (central differences; 0 outside the support). */
    public double density(double lambda) {
        double lo = lower();
        double hi = upper();
        if (!(lambda > lo && lambda < hi)) {
            return 0.0;
        }
        double h = 1e-4 * (hi - lo);
        double a = Math.max(lo, lambda - h);
        double b = Math.min(hi, lambda + h);
        return Math.max(0.0, (cdf(b) - cdf(a)) / (b - a));
    }

    /** The lower edge of the support of the eigenvalues of C. */
    public double lower() {
        if (Double.isNaN(lower)) {
            edges();
        }
        return lower;
    }

    /** The upper edge. */
    public double upper() {
        if (Double.isNaN(upper)) {
            edges();
        }
        return upper;
    }

    /** ρ_C on {@code points} equally spaced eigenvalues spanning the support. */
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

    /**
     * The edges: bracketed by bisection on F_C, then refined as roots of μ(λ)/κ(λ)² − e(R/|κ(λ)|), where e is the edge of
     * M_{R′} that F_C's formula reaches there (below s the lower edge of C is where μ/κ² meets M's lower edge, above s
     * where it meets M's upper edge; the other way round for the upper edge of C), free of the quadrature's error.
     */
    private void edges() {
        double lo = 1e-12 * d;
        double hi = Math.max(d, s) * 2.0;
        while (cdf(hi) < 1.0 - 1e-12) {
            hi *= 2.0;
        }
        lower = refine(bisect(lo, hi, true), true);
        upper = refine(bisect(lo, hi, false), false);
    }

    private double refine(double guess, boolean lowerEdge) {
        boolean mLower = lowerEdge == guess < s;
        org.hipparchus.analysis.UnivariateFunction h = lambda -> {
            double sl = s - lambda;
            double kappa = lambda / sl;
            double mu = (lambda * lambda / sl + lambda - d) / sl;
            return mu / (kappa * kappa) - supportLinear(r / Math.abs(kappa))[mLower ? 0 : 1];
        };
        for (double width = 1e-3; width <= 0.1; width *= 4) {
            double a = guess * (1 - width);
            double b = guess * (1 + width);
            if ((a - s) * (b - s) <= 0) {
                break;
            }
            double ha = h.value(a);
            double hb = h.value(b);
            if (ha * hb < 0) {
                return new org.hipparchus.analysis.solvers.BrentSolver(1e-14 * guess).solve(200, h, a, b);
            }
        }
        return guess;
    }

    private double bisect(double lo, double hi, boolean first) {
        double a = lo;
        double b = hi;
        for (int i = 0; i < 200 && b - a > 1e-12 * b; i++) {
            double m = 0.5 * (a + b);
            double f = cdf(m);
            boolean right = first ? f > 1e-10 : f > 1.0 - 1e-10;
            if (right) {
                b = m;
            } else {
                a = m;
            }
        }
        return 0.5 * (a + b);
    }

    /** F of M_R = (1 − W)(1 − W)ᵀ, W_ij ~ N(0, R²/N), at w. */
    double cdfLinear(double w, double rr) {
        if (!(w > 0.0)) {
            return 0.0;
        }
        double[] e = supportLinear(rr);
        if (w <= e[0]) {
            return 0.0;
        }
        if (w >= e[1]) {
            return 1.0;
        }
        double a = e[0];
        double b = Math.min(w, e[1]);
        double sum = 0.0;
        if (a == 0.0) {
            // t = v²: ∫₀^b ρ(t)dt = ∫₀^√b 2vρ(v²)dv (no t^{-1/2} divergence at 0)
            double vb = Math.sqrt(b);
            double h = vb / PANELS;
            for (int p = 0; p < PANELS; p++) {
                double c = (p + 0.5) * h;
                for (int i = 0; i < NODES.length; i++) {
                    double v = c + 0.5 * h * NODES[i];
                    sum += 0.5 * h * WEIGHTS[i] * 2.0 * v * densityLinear(v * v, rr);
                }
            }
        } else {
            double h = (b - a) / PANELS;
            for (int p = 0; p < PANELS; p++) {
                double c = a + (p + 0.5) * h;
                for (int i = 0; i < NODES.length; i++) {
                    sum += 0.5 * h * WEIGHTS[i] * densityLinear(c + 0.5 * h * NODES[i], rr);
                }
            }
        }
        return Math.min(1.0, sum);
    }

    /**
     * Support [lower, upper] of M_R: (c ∓ sp)/2 with c = 2 + 5R² − R⁴/4, sp = R(8 + R²)^{3/2}/4 — Hu &amp; Sompolinsky's
     * edges of C = (M_R)⁻¹, 2(1 − R²)³/(c ∓ sp), simplified with c² − sp² = 4(1 − R²)³; valid for every R (the
     * lower edge clipped at 0 for R ≥ 1).
     */
    static double[] supportLinear(double rr) {
        double r2 = rr * rr;
        double c = 2.0 + 5.0 * r2 - 0.25 * r2 * r2;
        double sp = 0.25 * rr * Math.pow(8.0 + r2, 1.5);
        return new double[] {Math.max(0.0, 0.5 * (c - sp)), 0.5 * (c + sp)};
    }

    /** ρ of M_R at t (Dozier–Silverstein, square case). */
    private double densityLinear(double t, double rr) {
        if (!(t > 0.0)) {
            return 0.0;
        }
        Complex[] roots = solver.solveAllComplex(new double[] {1.0, rr * rr - 1.0, -t, t}, 0.0);
        double im = 0.0;
        for (Complex u : roots) {
            im = Math.max(im, u.getImaginary());
        }
        return im < 1e-12 ? 0.0 : im / (Math.PI * rr * rr);
    }
}
