package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.PiecewiseSmooth;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The chaotic (time-dependent) solution of the DMFT: the unknowns (Δ0, Δ∞, μ) of
 * <pre>
 *   Δ″ = −∂V/∂Δ,  V(Δ; Δ0) = −Δ²/2 + g² F_Φ(Δ; μ, Δ0) + σ_I² Δ,           (SCS 1988, generalized)
 *   Δ∞ = g² F_φ(Δ∞; μ, Δ0) + σ_I²                 (∂V/∂Δ = 0 at Δ∞: Δ settles at a maximum of V),
 *   V(Δ0; Δ0) = V(Δ∞; Δ0)                           (energy conservation, Δ′ = 0 at τ = 0 and τ = ∞),
 *   μ = I + J0⟨φ(x)⟩,  x ~ N(μ, Δ0).
 * </pre>
 * For fixed Δ0 the force r(c) = ∂V/∂c = g²F_φ(c) + σ_I² − c is convex on [0, Δ0] (F_φ has
 * non-negative Taylor coefficients in c: Mehler/Hermite expansion) with r(0) ≥ 0, so Δ∞ is its smaller
 * root, reached monotonically by Newton's method from the left with r′ = g²F_{φ′} − 1 (Price's
 * theorem). The energy residual E(Δ0) = V(Δ0) − V(Δ∞) = ∫_{Δ∞}^{Δ0} r is evaluated with the centred
 * antiderivative Φ − ⟨Φ⟩ to limit cancellation (a constant shift of Φ drops out of differences of
 * F_Φ). E is negative at Δ0 = Q (the upper static root, where r(Q) = 0 and the dip of r lies below Q)
 * and positive where the dip of r disappears at small Δ0; Brent's method on this bracket gives Δ0.
 */
final class ChaoticSolver {

    /** A solution: Δ0, Δ∞, μ, and the residuals of the plateau and energy equations. */
    record State(double delta0, double deltaInf, double mean, double plateauResidual, double energyResidual) {
    }

    /** One evaluation at trial Δ0: dip = whether r has a sign change on [0, Δ0]. */
    private record Trial(double delta0, double mean, double deltaInf, boolean dip, double energy, double force) {
    }

    private final MeanField mf;
    /** Warm start of the Newton iteration for Δ∞ (local to one solve). */
    private double hint;
    /** The last evaluation (local to one solve). */
    private Trial last;

    private ChaoticSolver(MeanField mf) {
        this.mf = mf;
    }

    /**
     * Solves for the chaotic state.
     *
     * @param upperRoot Q from {@link StaticSolver}
     * @throws NoSolutionException if no bounded chaotic solution is found
     */
    static State solve(MeanField mf, double upperRoot) {
        return new ChaoticSolver(mf).run(upperRoot);
    }

    private State run(double q) {
        if (!(q > 0) || !Double.isFinite(q)) {
            throw new NoSolutionException("the fixed point is unstable and there is no bounded chaotic solution: "
                    + "g^2<phi^2> + sigma_I^2 grows faster than the variance (activity diverges)");
        }
        Trial top = trial(q);
        if (!(top.dip && top.energy < 0)) {
            throw new NoSolutionException("the fixed point is unstable but no chaotic solution was found "
                    + "(energy residual at the upper static root " + top.energy + ")");
        }
        // lower end: step down from Q by 1/64, 1/32, …, 1/2 of Q until the residual turns positive
        Trial high = top;
        Trial low = null;
        for (int k = 6; k >= 1 && low == null; k--) {
            Trial t = trial(q * (1.0 - Math.scalb(1.0, -k)));
            if (residual(t) > 0) {
                low = t;
            } else {
                high = t;
            }
        }
        for (int k = 2; k < 200 && low == null; k++) {
            Trial t = trial(Math.scalb(q, -k));
            if (residual(t) > 0) {
                low = t;
            } else {
                high = t;
            }
        }
        if (low == null) {
            throw new NoSolutionException("no chaotic solution: the energy residual stays negative down to Delta0 = 0");
        }
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-14, 1e-15 * q, 1e-15 * q * q, 5);
        Trial lowEnd = low;
        Trial highEnd = high;
        double d0 = solver.solve(300, x -> {
            // the bracket ends were evaluated already
            Trial t = x == lowEnd.delta0 ? lowEnd : x == highEnd.delta0 ? highEnd : trial(x);
            return residual(t);
        }, low.delta0, high.delta0, AllowedSolution.ANY_SIDE);
        Trial t = last != null && last.delta0 == d0 ? last : trial(d0);
        if (!t.dip) {
            throw new NoSolutionException("chaotic root-finding ended outside the feasible region (Delta0 = " + d0 + ")");
        }
        return new State(d0, t.deltaInf, t.mean, t.force, t.energy);
    }

    /** The extended energy residual: E(Δ0) where a plateau exists, a positive surrogate where it does not. */
    private static double residual(Trial t) {
        return t.dip ? t.energy : t.energy + Math.abs(t.force) * t.delta0;
    }

    private Trial trial(double d0) {
        double mu = mf.selfConsistentMean(d0);
        double g2 = mf.g2;
        double s2 = mf.inputVariance;
        // Newton from the left for the smaller root of the convex force r(c) = g²F_φ(c) + σ² − c
        double c = 0.0;
        double r = g2 * mf.rateCorrelation(mu, d0, 0.0) + s2;
        double dr = g2 * mf.slopeCorrelation(mu, d0, 0.0) - 1.0;
        if (hint > 0.0 && hint < d0) {
            double ch = hint * (1.0 - 1e-6);
            double rh = g2 * mf.rateCorrelation(mu, d0, ch) + s2 - ch;
            double drh = g2 * mf.slopeCorrelation(mu, d0, ch) - 1.0;
            if (rh > 0.0 && drh < 0.0) {
                // r > 0 and r′ < 0: left of the minimum of the convex r, hence left of its smaller root
                c = ch;
                r = rh;
                dr = drh;
            }
        }
        boolean dip = false;
        double previousStep = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 200; it++) {
            if (r <= 0.0) {
                dip = true;
                break;
            }
            if (dr >= 0.0) {
                break; // past the minimum of r while still positive: no plateau
            }
            double next = c - r / dr;
            if (next >= d0) {
                break; // r stays positive on [0, Δ0]
            }
            double step = next - c;
            // quadratic convergence: the error after this step is ≈ step³/previous², estimated from the
            // last two steps; stop when that is below 10⁻¹⁵ Δ0
            if (step <= 1e-15 * d0 || (Double.isFinite(previousStep) && step < 0.1 * previousStep
                    && step * step * step <= 1e-15 * d0 * previousStep * previousStep)) {
                c = next;
                dip = true;
                break;
            }
            previousStep = step;
            c = next;
            r = g2 * mf.rateCorrelation(mu, d0, c) + s2 - c;
            dr = g2 * mf.slopeCorrelation(mu, d0, c) - 1.0;
        }
        if (dip) {
            if (c <= 1e-15 * d0) {
                c = 0.0; // the plateau is zero to rounding (odd φ without input): Δ∞ = 0 exactly
                r = g2 * mf.rateCorrelation(mu, d0, 0.0) + s2;
            }
            hint = c;
        }
        // E = V(Δ0) − V(c), with Φ centred: F_Φ̃(Δ0) = Var Φ, F_Φ̃(c) = ∫Dz (∫Dy Φ̃)²
        double meanBigPhi = mf.engine.expectation(mf.bigPhi, mu, d0);
        PiecewiseSmooth centred = mf.bigPhi.minus(meanBigPhi);
        double varBigPhi = mf.engine.correlation(centred, mu, d0, d0);
        double atC = mf.engine.correlation(centred, mu, d0, c);
        double energy = -0.5 * (d0 - c) * (d0 + c) + g2 * (varBigPhi - atC) + s2 * (d0 - c);
        last = new Trial(d0, mu, c, dip, energy, r);
        return last;
    }
}
