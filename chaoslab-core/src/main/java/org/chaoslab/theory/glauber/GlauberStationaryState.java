package org.chaoslab.theory.glauber;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Erfc;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.model.GlauberNetwork;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The stationary mean field of the Glauber network with its quenched part (Keup, Kühn, Dahmen &amp; Helias,
 * PRX 11:021064 (2021), reconstruction as in the science notes §1/§3): the input h_i = Σ_j J_ij n_j + x − θ has
 * mean μ = J̄ m + x − θ and variance α = g² m over units and time, of which β = g² q is quenched (the time
 * average Σ_j J_ij m_j varies over units with variance g² q, q = [m_i²]); the threshold noise adds σ² to the
 * temporal part. A unit with quenched field z ~ N(0, 1) has the time-averaged rate
 * m(z) = H(−(μ + √β z)/√(α − β + σ²)), and q = ∫Dz m(z)² = P(u₁ &gt; 0, u₂ &gt; 0) for two Gaussian samples
 * u of variance α + σ² that share only the quenched part (covariance β).
 * <p><b>Quenched input.</b> A static input x_i of variance s² across units (a stimulus x_i(θ) = s(ξ_i cos θ + η_i sin θ),
 * the same at all times; {@link #solve(GlauberNetwork, double, GaussianExpectation)}) is part of both: α = g² m + s²,
 * β = g² q + s², so the temporal part α − β + σ² = g²(m − q) + σ² is unchanged in form. s² = 0 reproduces the network
 * without it bit for bit.
 *
 * @param network the network
 * @param m       the population rate (first root of {@link GlauberMeanField})
 * @param mean    μ = J̄ m + x − θ
 * @param alpha   α = g² m + s², the input variance (threshold noise excluded)
 * @param q       q = [m_i²], the mean squared time-averaged rate, m² ≤ q ≤ m
 * @param beta    β = g² q + s², the quenched input variance
 * @param inputVariance s² ≥ 0, the variance over units of the quenched input (0 without a stimulus)
 */
public record GlauberStationaryState(GlauberNetwork network, double m, double mean, double alpha, double q, double beta,
                                     double inputVariance) {

    /** The state without a quenched input (s² = 0). */
    public GlauberStationaryState(GlauberNetwork network, double m, double mean, double alpha, double q, double beta) {
        this(network, m, mean, alpha, q, beta, 0.0);
    }

    static final PiecewiseSmooth STEP = PiecewiseSmooth.of(u -> u > 0 ? 1.0 : 0.0, 0.0);

    /** Solves m (via {@link GlauberMeanField}) and then q self-consistently (Brent on [m², m], frozen root excluded). */
    public static GlauberStationaryState solve(GlauberNetwork net, GaussianExpectation engine) {
        return solve(net, 0.0, engine);
    }

    /**
     * As {@link #solve(GlauberNetwork, GaussianExpectation)} with a quenched input of variance s² across units: m solves
     * m = H(−μ/√(g² m + s² + σ²)) and q = P(u₁ &gt; 0, u₂ &gt; 0) for u of variance g² m + s² + σ² and covariance g² q + s².
     *
     * @param inputVariance s² ≥ 0 (a stimulus of strength s)
     */
    public static GlauberStationaryState solve(GlauberNetwork net, double inputVariance, GaussianExpectation engine) {
        GlauberMeanField.Solution s = GlauberMeanField.solve(net, inputVariance);
        double m = s.m();
        double g2 = net.gain() * net.gain();
        double total = g2 * m + net.noise() * net.noise() + inputVariance;
        double q;
        if (total == 0) {
            q = m * m; // deterministic fields: every unit has the rate m (a frozen 0/1 state)
        } else if (g2 == 0) {
            // no recurrent variance: q is not self-consistent, only the quenched input differs between units
            q = inputVariance == 0 ? m * m : bothAbove(engine, s.mean(), total, inputVariance);
        } else {
            double lo = m * m;
            // σ = 0 always admits the frozen root q = m (every unit stuck in a state consistent with its field); the
            // fluctuating state is the root below it: r(q) = P(both | cov g² q + s²) − q is ≥ 0 at m² and, near m,
            // r ≈ (m − q) − c√(m − q) &lt; 0, so Brent on [m², m(1 − 10⁻¹⁰)] excludes the frozen root
            double hi = sigmaZero(net) ? m * (1 - 1e-10) : m;
            DoubleUnaryOperator r = x -> bothAbove(engine, s.mean(), total, Math.min(g2 * x + inputVariance, total)) - x;
            if (r.applyAsDouble(hi) >= 0) {
                q = m;
            } else if (r.applyAsDouble(lo) <= 0) {
                q = lo;
            } else {
                q = new BrentSolver(1e-14, 1e-15).solve(200, r::applyAsDouble, lo, hi);
            }
        }
        return new GlauberStationaryState(net, m, s.mean(), g2 * m + inputVariance, q, g2 * q + inputVariance, inputVariance);
    }

    /**
     * P(u₁ &gt; 0, u₂ &gt; 0) for Gaussian u of mean μ, variance v and covariance 0 ≤ c ≤ v, as the one-dimensional
     * integral ∫Dz H(−(μ + √c z)/√(v − c))² of a smooth integrand (the engine's fast path, microseconds) while
     * v − c ≥ 10⁻³ v; closer to c = v the integrand is a near-step and the engine's bivariate step integral with
     * graded panels (a millisecond per call) is used. The two agree to 10⁻¹¹ (GlauberAutocorrelationTest).
     */
    static double bothAbove(GaussianExpectation engine, double mean, double v, double c) {
        double rest = v - c;
        if (rest <= 1e-14 * v) {
            return 0.5 * Erfc.value(-mean / Math.sqrt(2 * v));
        }
        if (rest < 1e-3 * v) {
            return engine.crossCorrelation(STEP, STEP, mean, v, mean, v, c);
        }
        double sc = Math.sqrt(c);
        double scale = 1.0 / Math.sqrt(2 * rest);
        return engine.expectation(z -> {
            double p = 0.5 * Erfc.value(-(mean + sc * z) * scale);
            return p * p;
        }, 0.0, 1.0);
    }

    private static boolean sigmaZero(GlauberNetwork net) {
        return net.noise() == 0;
    }

    /** The temporal input variance seen by the threshold, α − β + σ² (threshold noise included). */
    public double temporalVariance() {
        return alpha - beta + network.noise() * network.noise();
    }

    /** D* = 2(m − q), the distance between two independent samples of the stationary state. */
    public double decorrelatedDistance() {
        return 2 * (m - q);
    }
}
