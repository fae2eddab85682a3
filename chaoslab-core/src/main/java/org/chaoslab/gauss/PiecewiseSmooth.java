package org.chaoslab.gauss;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A real function of one variable that is smooth (analytic) except at finitely many breakpoints,
 * where it or one of its derivatives jumps (ReLU: a kink at 0; its derivative: a step at 0).
 *
 * <p>{@link GaussianExpectation} integrates such a function piecewise, splitting at the
 * breakpoints, so that kinked functions keep spectral accuracy. A function without breakpoints is
 * treated as smooth and handed to the {@link QuadratureRule}. Immutable.
 */
public final class PiecewiseSmooth implements DoubleUnaryOperator {

    private static final double[] NONE = new double[0];

    private final DoubleUnaryOperator function;
    private final double[] breakpoints;

    private PiecewiseSmooth(DoubleUnaryOperator function, double[] breakpoints) {
        if (function == null) {
            throw new IllegalArgumentException("function must be given");
        }
        this.function = function;
        this.breakpoints = breakpoints;
    }

    /** A function smooth everywhere (no breakpoints). */
    public static PiecewiseSmooth smooth(DoubleUnaryOperator f) {
        if (f instanceof PiecewiseSmooth p) {
            return p;
        }
        return new PiecewiseSmooth(f, NONE);
    }

    /**
     * A function smooth except at the given points (copied, sorted, duplicates removed).
     *
     * @throws IllegalArgumentException if a breakpoint is not finite
     */
    public static PiecewiseSmooth of(DoubleUnaryOperator f, double... breakpoints) {
        if (breakpoints == null || breakpoints.length == 0) {
            return new PiecewiseSmooth(f, NONE);
        }
        double[] b = breakpoints.clone();
        for (double v : b) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("breakpoints must be finite (got " + v + ")");
            }
        }
        Arrays.sort(b);
        int m = 0;
        for (int i = 0; i < b.length; i++) {
            if (m == 0 || b[i] != b[m - 1]) {
                b[m++] = b[i];
            }
        }
        return new PiecewiseSmooth(f, Arrays.copyOf(b, m));
    }

    /** This function shifted by a constant: x ↦ f(x) − shift (same breakpoints). */
    public PiecewiseSmooth minus(double shift) {
        if (shift == 0.0) {
            return this;
        }
        DoubleUnaryOperator f = function;
        return new PiecewiseSmooth(x -> f.applyAsDouble(x) - shift, breakpoints);
    }

    @Override
    public double applyAsDouble(double x) {
        return function.applyAsDouble(x);
    }

    /** The breakpoints, sorted ascending (a copy). */
    public double[] breakpoints() {
        return breakpoints.clone();
    }

    /** Whether the function declares no breakpoint. */
    public boolean isSmooth() {
        return breakpoints.length == 0;
    }

    /** The internal sorted array, not copied: callers in this package must not modify it. */
    double[] sortedBreakpoints() {
        return breakpoints;
    }

    @Override
    public String toString() {
        return breakpoints.length == 0 ? "smooth function" : "piecewise-smooth function, breakpoints " + Arrays.toString(breakpoints);
    }
}
