package org.chaoslab.gauss;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss–Hermite quadrature of fixed order n: E f(m + sZ) ≈ Σ_i (w_i/√π) f(m + s√2 x_i), where
 * (x_i, w_i) is Hipparchus' rule for the weight e^{−x²} (hence the rescaling by √2 and √π).
 *
 * <p>Exact for polynomials of degree ≤ 2n − 1 and excellent at small variance, but for saturating
 * functions at large variance it needs n ∝ √q (tanh has poles at distance π/(2s) from the real axis
 * in the Z variable), and it converges only algebraically for kinked functions. Kept as an
 * alternative strategy and for cross-checks; the default is {@link TrapezoidRule#adaptive()}.
 */
public final class GaussHermiteRule implements QuadratureRule {

    private final double[] nodes;
    private final double[] weights;

    private GaussHermiteRule(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * The n-point rule.
     *
     * @param n number of points, 1 … 200 (the Hipparchus weights underflow beyond)
     */
    public static GaussHermiteRule of(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("Gauss-Hermite points must be in 1..200 (got " + n + ")");
        }
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(n);
        double[] x = new double[n];
        double[] w = new double[n];
        double sqrt2 = Math.sqrt(2.0);
        double invSqrtPi = 1.0 / Math.sqrt(Math.PI);
        for (int i = 0; i < n; i++) {
            // ∫ e^{-x²} g(x) dx ≈ Σ w_i g(x_i)  ⇒  E f(Z) = π^{-1/2} ∫ e^{-x²} f(√2 x) dx
            x[i] = sqrt2 * rule.getPoint(i);
            w[i] = invSqrtPi * rule.getWeight(i);
        }
        return new GaussHermiteRule(x, w);
    }

    /** The number of points n. */
    public int points() {
        return nodes.length;
    }

    @Override
    public double expectation(DoubleUnaryOperator f, double mean, double sd) {
        if (sd == 0.0) {
            return f.applyAsDouble(mean);
        }
        double sum = 0.0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(mean + sd * nodes[i]);
        }
        return sum;
    }

    @Override
    public String description() {
        return "Gauss-Hermite, " + nodes.length + " points";
    }

    @Override
    public String toString() {
        return description();
    }
}
