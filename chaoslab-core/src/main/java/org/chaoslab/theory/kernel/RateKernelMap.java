package org.chaoslab.theory.kernel;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;

/**
 * The two-replica map of rate units at given field statistics: K ↦ E[φ(u_a)φ(u_b)] for (u_a, u_b) Gaussian with
 * mean μ, variance V each and covariance g²K + s²o, the covariance capped at {@code cap} (synchronous map: V = Q;
 * continuous time: V = Δ0, cap = Δ∞, see {@link RateFlowKernelTheory}).
 */
final class RateKernelMap {

    private final GaussianExpectation engine;
    private final PiecewiseSmooth phi;
    private final double g2;
    private final double s2;
    private final double mean;
    private final double variance;
    private final double cap;
    private final double meanRate;
    private final double meanSquare;

    RateKernelMap(GaussianExpectation engine, PiecewiseSmooth phi, double g, double s, double mean, double variance,
                  double cap) {
        this.engine = engine;
        this.phi = phi;
        this.g2 = g * g;
        this.s2 = s * s;
        this.mean = mean;
        this.variance = variance;
        this.cap = cap;
        this.meanRate = engine.expectation(phi, mean, variance);
        this.meanSquare = engine.expectation(x -> {
            double v = phi.applyAsDouble(x);
            return v * v;
        }, mean, variance);
    }

    double meanRate() {
        return meanRate;
    }

    double meanSquare() {
        return meanSquare;
    }

    /** E φ(u_a)φ(u_b) at field covariance cov (clamped to [−cap, cap]). */
    double atCovariance(double cov) {
        return engine.correlation(phi, mean, variance, Math.max(-cap, Math.min(cap, cov)));
    }

    /**
     * The stationary cross-trial kernel at overlap o from independent trials, K₀ = ⟨φ⟩².
     *
     * @param upperAttracting whether the cap is an attracting fixed point (o = 1 and not chaotic)
     */
    double stationary(double overlap, boolean upperAttracting, String what) {
        if (g2 == 0.0) {
            return atCovariance(s2 * overlap);
        }
        // admissible K: field covariance g²K + s²o within [−cap, cap]
        double lo = Math.max(-meanSquare, (-cap - s2 * overlap) / g2);
        double hi = Math.min(meanSquare, (cap - s2 * overlap) / g2);
        double start = Math.max(lo, Math.min(hi, meanRate * meanRate));
        return FixedPoints.stable(k -> atCovariance(g2 * k + s2 * overlap), start, lo, hi,
                upperAttracting && overlap == 1.0, what);
    }
}
