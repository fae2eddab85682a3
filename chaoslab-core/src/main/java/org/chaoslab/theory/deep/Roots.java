package org.chaoslab.theory.deep;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/** Bracketed root finding (Hipparchus' Brent-type solver) for the maps of this package. */
final class Roots {

    private static final int MAX_EVALUATIONS = 500;

    private Roots() {
    }

    /**
     * A root of f in [lo, hi], where f(lo) and f(hi) differ in sign (a jump counts: the solver then
     * converges to the jump), to relative accuracy {@code rel}.
     */
    static double brent(DoubleUnaryOperator f, double lo, double hi, double rel) {
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(rel, 1e-300, 0.0, 5);
        return solver.solve(MAX_EVALUATIONS, f::applyAsDouble, lo, hi, AllowedSolution.ANY_SIDE);
    }
}
