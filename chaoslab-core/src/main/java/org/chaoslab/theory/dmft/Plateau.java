package org.chaoslab.theory.dmft;

/**
 * The static part c∞ of a stationary autocovariance: the smaller root on [0, c0] of the force
 * r(c) = g²F_φ(c; μ, c0) + σ_I² − c, i.e. c∞ = g²F_φ(c∞) + σ_I² (the τ → ∞ limit of
 * (1 − ∂τ²)c = g²F_φ(c) + σ_I² + noise, whose noise source has decayed). On [0, c0] r is convex (F_φ has
 * non-negative Taylor coefficients in c, Mehler/Hermite expansion), so Newton's method from c = 0 increases
 * monotonically to the smaller root, with r′ = g²F_{φ′} − 1 (Price's theorem). For odd φ without input
 * r(0) = 0 and c∞ = 0. The same construction as in {@link ChaoticSolver}, used by the noisy solvers.
 */
final class Plateau {

    private Plateau() {
    }

    /** c∞, or NaN when r stays positive on [0, c0] (no plateau: c0 is below the static solution). */
    static double of(MeanField mf, double mu, double c0) {
        double g2 = mf.g2;
        double s2 = mf.inputVariance;
        double c = 0.0;
        double r = g2 * mf.rateCorrelation(mu, c0, 0.0) + s2;
        if (r <= 1e-15 * c0) {
            return 0.0;
        }
        double dr = g2 * mf.slopeCorrelation(mu, c0, 0.0) - 1.0;
        for (int it = 0; it < 200; it++) {
            if (dr >= 0.0) {
                return Double.NaN; // past the minimum of the convex r while still positive
            }
            double next = c - r / dr;
            if (next >= c0) {
                return Double.NaN;
            }
            double step = next - c;
            c = next;
            if (step <= 1e-14 * c0) {
                return c;
            }
            r = g2 * mf.rateCorrelation(mu, c0, c) + s2 - c;
            dr = g2 * mf.slopeCorrelation(mu, c0, c) - 1.0;
            if (r <= 0.0) {
                return c; // rounding at the root
            }
        }
        return c;
    }
}
