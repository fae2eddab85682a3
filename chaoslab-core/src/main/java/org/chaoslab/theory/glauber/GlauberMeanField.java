package org.chaoslab.theory.glauber;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.gamma.Erfc;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.chaoslab.model.GlauberNetwork;

/**
 * Mean-field rate of the Glauber binary network (Keup, Kühn, Dahmen &amp; Helias, PRX 11:021064 (2021),
 * reconstruction, see the science notes §3): the input h = Σ J n + x − θ is Gaussian over units and time with
 * mean μ = J̄ m + x − θ and variance Q = g² m (n² = n); with threshold noise of width σ the rate is
 * m = P(h + ξ &gt; 0) = H(−μ/√(Q + σ²)). All roots in (0, 1) are found by a scan and Brent's method.
 * <p>A <b>quenched input</b> x_i of variance s² across units (a static stimulus x_i(θ) = s(ξ_i cos θ + η_i sin θ),
 * the same at all times) adds s² to the input variance: Q = g² m + s² ({@link #solve(GlauberNetwork, double)});
 * s² = 0 is the network without it.
 */
public final class GlauberMeanField {

    private static final int SCAN = 2000;

    private GlauberMeanField() {
    }

    /**
     * The solution(s) of m = H(−μ(m)/√(Q(m) + σ²)).
     *
     * @param m        the rate (the first root found, from low m up)
     * @param mean     μ = J̄ m + x − θ
     * @param variance Q = g² m + s² (the quenched-plus-temporal input variance, noise excluded; s² the quenched input)
     * @param roots    every root found in (0, 1)
     */
    public record Solution(double m, double mean, double variance, double[] roots) {
    }

    /** Solves the mean field of {@code net} (no quenched input: s² = 0). */
    public static Solution solve(GlauberNetwork net) {
        return solve(net, 0.0);
    }

    /**
     * Solves the mean field of {@code net} with a quenched input of variance s² across units.
     *
     * @param inputVariance s² ≥ 0, the variance over units of a static input (a stimulus of strength s)
     */
    public static Solution solve(GlauberNetwork net, double inputVariance) {
        checkInputVariance(inputVariance);
        List<Double> roots = new ArrayList<>();
        BrentSolver brent = new BrentSolver(1e-15, 1e-15);
        double previousM = 1e-12;
        double previousG = residual(net, previousM, inputVariance);
        for (int k = 1; k <= SCAN; k++) {
            double m = k == SCAN ? 1.0 : (double) k / SCAN;
            double g = residual(net, m, inputVariance);
            if (previousG == 0) {
                roots.add(previousM);
            } else if (previousG * g < 0) {
                roots.add(brent.solve(200, x -> residual(net, x, inputVariance), previousM, m));
            }
            previousM = m;
            previousG = g;
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no mean-field rate in (0, 1) for " + net);
        }
        double m = roots.get(0);
        return new Solution(m, mean(net, m), net.gain() * net.gain() * m + inputVariance, roots.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The population transfer F(m) = H(−μ/√(g² m + σ²)) (a Heaviside of μ if the variance vanishes). */
    public static double transfer(GlauberNetwork net, double m) {
        return transfer(net, m, 0.0);
    }

    /** The population transfer F(m) = H(−μ/√(g² m + s² + σ²)) with a quenched input of variance s². */
    public static double transfer(GlauberNetwork net, double m, double inputVariance) {
        double mu = mean(net, m);
        double sd = Math.sqrt(net.gain() * net.gain() * m + net.noise() * net.noise() + inputVariance);
        if (sd == 0) {
            return mu > 0 ? 1.0 : 0.0;
        }
        return 0.5 * Erfc.value(-mu / (sd * Math.sqrt(2.0)));
    }

    private static double mean(GlauberNetwork net, double m) {
        return net.meanCoupling() * m + net.input() - net.threshold();
    }

    private static double residual(GlauberNetwork net, double m, double inputVariance) {
        return m - transfer(net, m, inputVariance);
    }

    static void checkInputVariance(double inputVariance) {
        if (!(inputVariance >= 0) || Double.isInfinite(inputVariance)) {
            throw new IllegalArgumentException("quenched input variance s^2 must be finite and >= 0 (got " + inputVariance + ")");
        }
    }
}
