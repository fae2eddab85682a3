package org.chaoslab.gauss;

import java.util.function.DoubleUnaryOperator;

/**
 * A one-dimensional rule for expectations over a Gaussian, E f(m + s·Z) with Z ~ N(0, 1), applied to
 * integrands that are smooth (analytic near the real axis). The engine
 * {@link GaussianExpectation} nests it for bivariate averages.
 *
 * <p>Two rules are provided: {@link TrapezoidRule} (the default, adaptive; exponentially convergent
 * in the standard-normal variable, robust at large variance) and {@link GaussHermiteRule} (fixed
 * order; exact for polynomials, but it loses accuracy at large variance for saturating functions
 * such as tanh, whose poles lie at distance π/(2s) from the real axis in the Z variable).
 * Implementations are immutable and thread-safe.
 */
public sealed interface QuadratureRule permits TrapezoidRule, GaussHermiteRule {

    /**
     * E f(mean + sd·Z), Z ~ N(0, 1).
     *
     * @param f    the integrand (called many times; must be side-effect free)
     * @param mean the mean m
     * @param sd   the standard deviation s ≥ 0 (s = 0 gives f(m))
     */
    double expectation(DoubleUnaryOperator f, double mean, double sd);

    /** A one-line description for logs and result metadata. */
    String description();

    /** The default rule: {@link TrapezoidRule#adaptive()}. */
    static QuadratureRule defaultRule() {
        return TrapezoidRule.adaptive();
    }
}
