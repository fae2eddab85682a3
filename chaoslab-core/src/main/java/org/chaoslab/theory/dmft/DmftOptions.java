package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.QuadratureRule;
import org.chaoslab.gauss.TrapezoidRule;

/**
 * Options of {@link DmftSolver}.
 *
 * @param tauMax     the lag grid runs over 0 … tauMax (in units of the time constant), &gt; 0
 * @param dTau       the lag step, &gt; 0 (the grid has round(tauMax/dTau) + 1 points, at most 10⁷)
 * @param quadrature the one-dimensional Gaussian rule used by the engine for smooth integrands
 */
public record DmftOptions(double tauMax, double dTau, QuadratureRule quadrature) {

    /** Validates; a null quadrature means the default rule. */
    public DmftOptions {
        if (!(tauMax > 0) || !Double.isFinite(tauMax)) {
            throw new IllegalArgumentException("tau-max must be finite and > 0 (got " + tauMax + ")");
        }
        if (!(dTau > 0) || !Double.isFinite(dTau)) {
            throw new IllegalArgumentException("dtau must be finite and > 0 (got " + dTau + ")");
        }
        if (tauMax / dTau > 1e7) {
            throw new IllegalArgumentException("tau-max/dtau must be <= 1e7 (got " + tauMax / dTau + ")");
        }
        if (quadrature == null) {
            quadrature = QuadratureRule.defaultRule();
        }
    }

    /** τ ∈ [0, 60], dτ = 0.01, adaptive trapezoid rule. */
    public static DmftOptions defaults() {
        return new DmftOptions(60.0, 0.01, TrapezoidRule.adaptive());
    }

    /** The same options with another grid end τ_max. */
    public DmftOptions withTauMax(double t) {
        return new DmftOptions(t, dTau, quadrature);
    }

    /** The same options with another lag step dτ. */
    public DmftOptions withDTau(double d) {
        return new DmftOptions(tauMax, d, quadrature);
    }

    /** The same options with another quadrature rule. */
    public DmftOptions withQuadrature(QuadratureRule q) {
        return new DmftOptions(tauMax, dTau, q);
    }

    /** The number of lag points, round(tauMax/dTau) + 1. */
    public int points() {
        return (int) Math.round(tauMax / dTau) + 1;
    }
}
