package org.chaoslab.theory.kernel;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The stable fixed point of an increasing scalar map reached from a given start, as the two-replica dynamics
 * reaches it: the iterates k_{t+1} = F(k_t) of an increasing F move monotonically toward the first root of
 * G = F − id in the direction of G(k₀), so the fixed point is that root. To avoid slow linear convergence, each
 * step also probes twice the Aitken extrapolation of the last two steps; once a probe lies beyond the root (G
 * changes sign) the root is bracketed and polished by Brent's method. A probe that keeps the sign of G is still on
 * the near side of the root (assuming no pair of roots in between) and becomes the next iterate.
 *
 * <p>The upper end of the admissible interval is a fixed point of every map here at input overlap o = 1 (the
 * same-trial value, k = k0). It is returned only when the caller says it attracts (rate units with
 * g²⟨φ′²⟩ &lt; 1); otherwise probes near it are discarded and the plain iteration, which cannot pass the stable root,
 * is kept.
 */
final class FixedPoints {

    /** Absolute tolerance on the step (the maps are O(1) kernels; the error is ≈ step·r/(1 − r) for contraction r). */
    static final double TOLERANCE = 1e-14;
    /** Iteration bound; a map that has not converged by then fails with a message. */
    static final int MAX_ITERATIONS = 20_000;
    /** Probes within this (relative to the interval) of a non-attracting boundary are discarded. */
    private static final double GUARD = 1e-9;

    private FixedPoints() {
    }

    /**
     * @param map             an increasing map F on [lo, hi]
     * @param start           k₀ ∈ [lo, hi]
     * @param lo              the smallest admissible value (iterates are clamped to [lo, hi])
     * @param hi              the largest admissible value
     * @param upperAttracting whether hi is an attracting fixed point that may be the answer
     * @param what            what is being solved, for the failure message
     * @throws IllegalStateException if the iteration does not converge within {@link #MAX_ITERATIONS}
     */
    static double stable(DoubleUnaryOperator map, double start, double lo, double hi, boolean upperAttracting,
                         String what) {
        DoubleUnaryOperator excess = x -> map.applyAsDouble(x) - x;
        double guard = GUARD * Math.max(hi - lo, Double.MIN_NORMAL);
        double k = clamp(start, lo, hi);
        double next = clamp(map.applyAsDouble(k), lo, hi);
        double step = next - k;
        if (Math.abs(step) <= TOLERANCE) {
            return next;
        }
        double direction = Math.signum(step);
        double previousStep = Double.NaN;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // invariant: the root lies beyond next in the direction of motion (next = F(k), k on the near side)
            if (Math.abs(step) <= TOLERANCE) {
                return next;
            }
            double r = step / previousStep;
            if (r > 0 && r < 1) {
                double probe = clamp(next + 2.0 * step * r / (1.0 - r), lo, hi);
                boolean atUpper = probe >= hi - guard;
                boolean atLower = probe <= lo + guard;
                if (atUpper && upperAttracting && direction > 0) {
                    double g = excess.applyAsDouble(hi);
                    if (g >= -TOLERANCE) {
                        return hi; // G ≥ 0 up to the boundary, which is itself a fixed point
                    }
                }
                if (!atUpper && !atLower) {
                    double g = excess.applyAsDouble(probe);
                    if (g * direction < 0) {
                        double a = Math.min(next, probe);
                        double b = Math.max(next, probe);
                        if (b - a <= TOLERANCE) {
                            return 0.5 * (a + b);
                        }
                        return new BrentSolver(1e-15, 0.1 * TOLERANCE, 1e-18).solve(500, excess::applyAsDouble, a, b);
                    }
                    if (g == 0.0) {
                        return probe;
                    }
                    next = probe;
                }
            }
            k = next;
            next = clamp(map.applyAsDouble(k), lo, hi);
            previousStep = step;
            step = next - k;
            if (step * direction < 0) {
                return k; // rounding at the root
            }
        }
        throw new IllegalStateException(what + " did not converge within " + MAX_ITERATIONS
                + " iterations (last step " + step + "): the map is too close to critical");
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
