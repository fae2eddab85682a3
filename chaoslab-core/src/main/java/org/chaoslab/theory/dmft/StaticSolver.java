package org.chaoslab.theory.dmft;

import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The fixed-point (static) branch of the DMFT: Δ(τ) ≡ q with
 * <pre>
 *   q = g²⟨φ²(x)⟩ + σ_I²,   μ = I + J0⟨φ(x)⟩,   x ~ N(μ, q)        (SCS 1988, static limit)
 * </pre>
 * and its stability s = g²⟨φ′²⟩: the random part of the Jacobian −1 + J diag(φ′(x*)) has a
 * circular spectrum of radius √(g²⟨φ′²⟩) (circular law for J·diag(φ′); the SCS 1988 criterion),
 * so the fixed point is stable iff s &lt; 1 (the mean coupling adds an outlier J0⟨φ′⟩, not tested). For odd φ without input the branch is q = 0 and s = g²φ′(0)², i.e. g_c = 1/φ′(0).
 *
 * <p>The branch taken is the smallest root q_s ≥ 0 of ρ(q) = g²⟨φ²⟩ + σ_I² − q (the one continuously
 * connected to g = 0). Also found is the smallest q &gt; 0 at which ρ crosses from positive to
 * non-positive, Q: the chaotic solution has Δ0 &lt; Q (at Δ0 = Q the force on Δ vanishes at Δ0
 * itself), which brackets the chaotic root-finding.
 */
final class StaticSolver {

    /** A point of the static branch: q, μ, s = g²⟨φ′²⟩, and Q (NaN if ρ never turns negative). */
    record Branch(double q, double mean, double stability, double upperRoot) {
    }

    private static final double SCAN_RATIO = 2.0;

    private StaticSolver() {
    }

    /**
     * Solves the static equations.
     *
     * @param withUpperRoot also locate Q (needed only for the chaotic solve)
     * @throws NoSolutionException if there is no fixed point (activity diverges)
     */
    static Branch solve(MeanField mf, boolean withUpperRoot) {
        double rho0 = mf.staticResidual(0.0);
        double scale = Math.max(1.0, rho0);
        double qs;
        double upper = Double.NaN;
        if (rho0 == 0.0) {
            // exact: φ(μ) = 0 and σ_I = 0 (odd φ, no input): the trivial fixed point q = 0
            qs = 0.0;
            if (withUpperRoot) {
                upper = firstDownCrossing(mf, 1e-12 * scale, scale, true);
            }
        } else {
            qs = firstDownCrossing(mf, 1e-12 * scale, scale, false);
            if (Double.isNaN(qs)) {
                throw new NoSolutionException("no fixed point: g^2<phi^2> + sigma_I^2 exceeds q for every q "
                        + "(the activity diverges; g = " + mf.g + ")");
            }
            upper = qs;
        }
        double mu = mf.selfConsistentMean(qs);
        double s = mf.g2 * mf.meanSquareSlope(mu, qs);
        return new Branch(qs, mu, s, upper);
    }

    /**
     * The first q on a geometric scan from {@code start} at which ρ(q) ≤ 0 after having been &gt; 0,
     * refined by Brent; NaN if ρ stays positive up to 10¹⁵·scale (or, when {@code requirePositiveFirst},
     * if ρ is not positive at the start).
     */
    private static double firstDownCrossing(MeanField mf, double start, double scale, boolean requirePositiveFirst) {
        double prev = 0.0;
        double prevValue = requirePositiveFirst ? Double.NaN : mf.staticResidual(0.0);
        double q = start;
        while (q < 1e15 * scale) {
            double v = mf.staticResidual(q);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            if (v <= 0.0) {
                if (Double.isNaN(prevValue)) {
                    return Double.NaN; // ρ decreases from 0: no positive excursion
                }
                if (v == 0.0) {
                    return q;
                }
                BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15, 1e-300, 0.0, 5);
                return solver.solve(500, mf::staticResidual, prev, q, AllowedSolution.ANY_SIDE);
            }
            prev = q;
            prevValue = v;
            q *= SCAN_RATIO;
        }
        return Double.NaN;
    }

    /**
     * The coupling gain at which the fixed point loses stability, g²⟨φ′²⟩ = 1 along the static branch
     * (root of s(g) − 1 by Brent on [0, g_hi]); NaN if s(g) &lt; 1 up to g = 10⁴ (e.g. a silent
     * threshold-linear network, whose fixed point x = 0 never loses stability) or if there is no
     * stable fixed point at any gain (e.g. J0 ≥ 1 with linear φ).
     */
    static double criticalGain(MeanField mf) {
        java.util.function.DoubleUnaryOperator excess = gain -> {
            try {
                return solve(mf.withGain(gain), false).stability() - 1.0;
            } catch (NoSolutionException e) {
                return 1.0; // no fixed point at this gain: beyond the loss of stability
            }
        };
        double lo = 0.0;
        double hi = Math.max(mf.g, 0.5);
        double vhi = excess.applyAsDouble(hi);
        while (vhi <= 0.0) {
            lo = hi;
            hi *= 2.0;
            if (hi > 1e4) {
                return Double.NaN;
            }
            vhi = excess.applyAsDouble(hi);
        }
        if (excess.applyAsDouble(lo) >= 0.0) {
            return Double.NaN; // no stable fixed point even at this gain (e.g. the mean activity diverges)
        }
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-13, 1e-13, 0.0, 5);
        return solver.solve(500, excess::applyAsDouble, lo, hi, AllowedSolution.ANY_SIDE);
    }
}
