package org.chaoslab.gauss;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The Gaussian-expectation engine: E f(x) for x ~ N(μ, v), and bivariate averages
 * F_{f,h} = E f(x) h(y) for jointly Gaussian (x, y), the building block of every mean-field theory
 * in chaoslab.
 *
 * <h2>Method</h2>
 * A pair with variances v_x, v_y and covariance c, correlation ρ = c/√(v_x v_y), is written with
 * three independent standard normals (Sompolinsky, Crisanti &amp; Sommers 1988; standard):
 * <pre>
 *   x = μ_x + √(v_x(1−|ρ|)) y₁ + √(v_x|ρ|) z,
 *   y = μ_y + √(v_y(1−|ρ|)) y₂ + sgn(ρ) √(v_y|ρ|) z,
 * </pre>
 * so that F_{f,h} = ∫Dz [∫Dy₁ f(x)] [∫Dy₂ h(y)], two nested one-dimensional integrals; for equal
 * variances q and c ≥ 0 this is the familiar F_f(c; μ, q) = ∫Dz [∫Dy f(μ + √(q−c) y + √c z)]².
 * At c = 0 (in practice |ρ| ≤ 10⁻¹³) it reduces to E f · E h, at c = ±q to one-dimensional integrals.
 *
 * <h2>Quadrature</h2>
 * Smooth integrands use the {@link QuadratureRule} given at construction (default: the adaptive
 * trapezoid rule in the standard-normal variable, exponentially convergent). Integrands declared as
 * {@link PiecewiseSmooth} with breakpoints are split at their kinks on the truncated line
 * [−10, 10] and integrated with composite 16-point Gauss–Legendre panels of width ≤ 1; in the outer
 * integral the inner smoothing makes the kink a boundary layer of width √((1−|ρ|)/|ρ|), which is
 * resolved by geometrically graded panels. Measured accuracy: ≤ 10⁻¹⁴ relative for ReLU,
 * threshold-linear and their derivatives (step functions) against closed forms (arc-cosine kernels),
 * for all correlations (treated as smooth, the trapezoid rule gives only ~10⁻⁶ there);
 * ≤ 10⁻¹³ absolute for tanh, erf, sigmoid up to variance 10³ with the default rule, whereas
 * 64-point Gauss–Hermite is off by 6·10⁻² for ⟨tanh²⟩ at q = 100.
 *
 * <p>Immutable and thread-safe; nodes and weights are computed once per instance and evaluation
 * allocates only one small object per bivariate call.
 */
public final class GaussianExpectation {

    /** Half-width of the truncated standard-normal line used by the piecewise (kinked) integration. */
    public static final double PANEL_HALF_WIDTH = 10.0;

    private static final int GL_POINTS = 16;
    private static final double PANEL_WIDTH = 1.0;
    /** Grading toward a smoothed kink is needed only for boundary layers in this width range (z units). */
    private static final double GRADE_MIN = 1e-7;
    private static final double GRADE_MAX = 0.5;
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    /** Correlations |ρ| at or below this are treated as independence. */
    private static final double NEGLIGIBLE_CORRELATION = 1e-13;

    private final QuadratureRule rule;
    private final double[] glNodes;
    private final double[] glWeights;

    /**
     * An engine using the given rule for smooth integrands.
     *
     * @param rule the one-dimensional rule, e.g. {@link TrapezoidRule#adaptive()}
     */
    public GaussianExpectation(QuadratureRule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("quadrature rule must be given");
        }
        this.rule = rule;
        GaussIntegrator gl = new GaussIntegratorFactory().legendreHighPrecision(GL_POINTS);
        glNodes = new double[GL_POINTS];
        glWeights = new double[GL_POINTS];
        for (int i = 0; i < GL_POINTS; i++) {
            glNodes[i] = gl.getPoint(i);
            glWeights[i] = gl.getWeight(i);
        }
    }

    /** An engine with the default rule, {@link QuadratureRule#defaultRule()}. */
    public static GaussianExpectation standard() {
        return new GaussianExpectation(QuadratureRule.defaultRule());
    }

    /** The rule used for smooth integrands. */
    public QuadratureRule rule() {
        return rule;
    }

    // ------------------------------------------------------------------ one-dimensional

    /**
     * E f(x), x ~ N(mean, variance). If {@code f} is a {@link PiecewiseSmooth} its breakpoints are
     * honoured.
     *
     * @param variance v ≥ 0 (v = 0 gives f(mean))
     */
    public double expectation(DoubleUnaryOperator f, double mean, double variance) {
        checkFinite("mean", mean);
        checkVariance("variance", variance);
        return mean(f, breakpointsOf(f), mean, Math.sqrt(variance));
    }

    // ------------------------------------------------------------------ bivariate

    /**
     * F_f(c; μ, q) = E f(x) f(y) with E x = E y = μ, Var x = Var y = q, Cov(x, y) = c, −q ≤ c ≤ q.
     * Note that this is the uncentred second moment (it contains (E f)² at c = 0).
     */
    public double correlation(DoubleUnaryOperator f, double mean, double q, double c) {
        return crossCorrelation(f, f, mean, q, mean, q, c);
    }

    /**
     * F_{f,h}(c; μ, q) = E f(x) h(y), equal means μ and variances q, covariance c ∈ [−q, q].
     */
    public double crossCorrelation(DoubleUnaryOperator f, DoubleUnaryOperator h, double mean, double q, double c) {
        return crossCorrelation(f, h, mean, q, mean, q, c);
    }

    /**
     * E f(x) h(y) for a general Gaussian pair: E x = meanX, E y = meanY, Var x = varX, Var y = varY,
     * Cov(x, y) = cov with cov² ≤ varX·varY (a violation by more than 10⁻¹² relative is an error,
     * smaller ones are rounding and are clamped).
     */
    public double crossCorrelation(DoubleUnaryOperator f, DoubleUnaryOperator h,
                                   double meanX, double varX, double meanY, double varY, double cov) {
        checkFinite("meanX", meanX);
        checkFinite("meanY", meanY);
        checkVariance("varX", varX);
        checkVariance("varY", varY);
        checkFinite("cov", cov);
        double limit = Math.sqrt(varX * varY);
        if (Math.abs(cov) > limit * (1.0 + 1e-12)) {
            throw new IllegalArgumentException("covariance " + cov + " exceeds sqrt(varX varY) = " + limit);
        }
        double[] bf = breakpointsOf(f);
        double[] bh = breakpointsOf(h);
        if (Math.abs(cov) <= NEGLIGIBLE_CORRELATION * limit) {
            // independent: F = E f · E h (SCS 1988: C(∞) = ⟨φ⟩² for Δ∞ = 0); for |ρ| ≤ 10⁻¹³ the
            // neglected term ρ·E[f′]E[h′]·√(vx vy) is below the quadrature accuracy, and the nested
            // rule would only integrate rounding noise
            return mean(f, bf, meanX, Math.sqrt(varX)) * mean(h, bh, meanY, Math.sqrt(varY));
        }
        double absCov = Math.min(Math.abs(cov), limit);
        double ratio = Math.sqrt(varX / varY);
        // x = μx + √(vx − |c| r) y1 + √(|c| r) z,  y = μy + √(vy − |c|/r) y2 ± √(|c|/r) z,  r = √(vx/vy)
        double innerX = Math.sqrt(Math.max(0.0, varX - absCov * ratio));
        double innerY = Math.sqrt(Math.max(0.0, varY - absCov / ratio));
        double ax = Math.sqrt(absCov * ratio);
        double ay = Math.copySign(Math.sqrt(absCov / ratio), cov);
        boolean symmetric = f == h && meanX == meanY && varX == varY && cov > 0;
        Outer outer = new Outer(f, bf, meanX, ax, innerX, h, bh, meanY, ay, innerY, symmetric);

        int count = 0;
        double[] zb = null;
        if (bf.length + bh.length > 0) {
            zb = new double[bf.length + bh.length];
            for (double b : bf) {
                double z = (b - meanX) / ax;
                if (Math.abs(z) < PANEL_HALF_WIDTH) {
                    zb[count++] = z;
                }
            }
            for (double b : bh) {
                double z = (b - meanY) / ay;
                if (Math.abs(z) < PANEL_HALF_WIDTH) {
                    zb[count++] = z;
                }
            }
        }
        if (count == 0) {
            return rule.expectation(outer, 0.0, 1.0);
        }
        Arrays.sort(zb, 0, count);
        double width = innerX / ax; // = √((1−|ρ|)/|ρ|): width of the smoothed kink in z
        return piecewise(outer, 0.0, 1.0, zb, count, width);
    }

    // ------------------------------------------------------------------ internals

    /** E f(mean + sd·Z) honouring breakpoints. */
    private double mean(DoubleUnaryOperator f, double[] breakpoints, double mean, double sd) {
        if (sd == 0.0) {
            return f.applyAsDouble(mean);
        }
        for (double b : breakpoints) {
            if (Math.abs(b - mean) < PANEL_HALF_WIDTH * sd) {
                return piecewiseSharp(f, breakpoints, mean, sd);
            }
        }
        return rule.expectation(f, mean, sd);
    }

    /** Piecewise integration with sharp kinks at the (sorted) breakpoints: no grading needed. */
    private double piecewiseSharp(DoubleUnaryOperator f, double[] breakpoints, double mean, double sd) {
        double total = 0.0;
        double left = -PANEL_HALF_WIDTH;
        for (double b : breakpoints) {
            double y = (b - mean) / sd; // ascending because sd > 0
            if (y <= left) {
                continue;
            }
            if (y >= PANEL_HALF_WIDTH) {
                break;
            }
            total += uniform(f, mean, sd, left, y);
            left = y;
        }
        return total + uniform(f, mean, sd, left, PANEL_HALF_WIDTH);
    }

    /**
     * ∫ g(mean + sd z) ϕ(z) dz over [−T, T] split at the sorted points zb[0..count), with panels graded
     * geometrically toward each split point when the kink is smoothed over a width in
     * [GRADE_MIN, GRADE_MAX].
     */
    private double piecewise(DoubleUnaryOperator g, double mean, double sd, double[] zb, int count, double width) {
        boolean grade = width >= GRADE_MIN && width < GRADE_MAX;
        double total = 0.0;
        double left = -PANEL_HALF_WIDTH;
        boolean leftIsKink = false;
        for (int i = 0; i < count; i++) {
            double b = zb[i];
            if (b <= left) {
                continue;
            }
            total += interval(g, mean, sd, left, b, grade && leftIsKink, grade, width);
            left = b;
            leftIsKink = true;
        }
        return total + interval(g, mean, sd, left, PANEL_HALF_WIDTH, grade && leftIsKink, false, width);
    }

    private double interval(DoubleUnaryOperator g, double mean, double sd, double a, double b,
                            boolean gradeA, boolean gradeB, double width) {
        if (!(b > a)) {
            return 0.0;
        }
        if (gradeA && gradeB) {
            double m = 0.5 * (a + b);
            return interval(g, mean, sd, a, m, true, false, width) + interval(g, mean, sd, m, b, false, true, width);
        }
        double total = 0.0;
        if (gradeA) {
            double x = a;
            double w = width;
            while (w < PANEL_WIDTH && x + 2.0 * w < b) {
                total += panel(g, mean, sd, x, x + w);
                x += w;
                w *= 2.0;
            }
            return total + uniform(g, mean, sd, x, b);
        }
        if (gradeB) {
            double x = b;
            double w = width;
            while (w < PANEL_WIDTH && x - 2.0 * w > a) {
                total += panel(g, mean, sd, x - w, x);
                x -= w;
                w *= 2.0;
            }
            return total + uniform(g, mean, sd, a, x);
        }
        return uniform(g, mean, sd, a, b);
    }

    private double uniform(DoubleUnaryOperator g, double mean, double sd, double a, double b) {
        if (!(b > a)) {
            return 0.0;
        }
        int n = (int) Math.ceil((b - a) / PANEL_WIDTH);
        double w = (b - a) / n;
        double total = 0.0;
        for (int k = 0; k < n; k++) {
            double lo = a + k * w;
            total += panel(g, mean, sd, lo, k == n - 1 ? b : lo + w);
        }
        return total;
    }

    /** 16-point Gauss–Legendre on [a, b] of g(mean + sd z) ϕ(z). */
    private double panel(DoubleUnaryOperator g, double mean, double sd, double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        double sum = 0.0;
        for (int i = 0; i < GL_POINTS; i++) {
            double z = mid + half * glNodes[i];
            sum += glWeights[i] * Math.exp(-0.5 * z * z) * g.applyAsDouble(mean + sd * z);
        }
        return half * INV_SQRT_2PI * sum;
    }

    private static double[] breakpointsOf(DoubleUnaryOperator f) {
        if (f == null) {
            throw new IllegalArgumentException("function must be given");
        }
        return f instanceof PiecewiseSmooth p ? p.sortedBreakpoints() : new double[0];
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite (got " + v + ")");
        }
    }

    private static void checkVariance(String name, double v) {
        if (!(v >= 0.0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (got " + v + ")");
        }
    }

    /** The outer integrand z ↦ [∫Dy₁ f(mx + ax z + sx y₁)] [∫Dy₂ h(my + ay z + sy y₂)]. */
    private final class Outer implements DoubleUnaryOperator {
        private final DoubleUnaryOperator f;
        private final double[] bf;
        private final double mx;
        private final double ax;
        private final double sx;
        private final DoubleUnaryOperator h;
        private final double[] bh;
        private final double my;
        private final double ay;
        private final double sy;
        private final boolean symmetric;

        Outer(DoubleUnaryOperator f, double[] bf, double mx, double ax, double sx,
              DoubleUnaryOperator h, double[] bh, double my, double ay, double sy, boolean symmetric) {
            this.f = f;
            this.bf = bf;
            this.mx = mx;
            this.ax = ax;
            this.sx = sx;
            this.h = h;
            this.bh = bh;
            this.my = my;
            this.ay = ay;
            this.sy = sy;
            this.symmetric = symmetric;
        }

        @Override
        public double applyAsDouble(double z) {
            double gx = mean(f, bf, mx + ax * z, sx);
            if (symmetric) {
                return gx * gx;
            }
            return gx * mean(h, bh, my + ay * z, sy);
        }
    }
}
