package org.chaoslab.theory.deep;

/**
 * The order–chaos boundary χ1(σ_w², σ_b²) = 1 as a curve σ_w²_c(σ_b²).
 *
 * @param phi             the transfer function's name
 * @param keepProbability ρ
 * @param biasVariance    σ_b² of each point
 * @param weightVariance  σ_w² on the boundary (NaN where no crossing was found in (10⁻⁶, 10⁶])
 * @param qStar           q* on the boundary (+∞ where the boundary is where q* ceases to exist, as for ReLU)
 * @param chi1            χ1 at the returned point (1 to the solver's accuracy, a check)
 */
public record BoundaryCurve(String phi, double keepProbability, double[] biasVariance, double[] weightVariance,
                            double[] qStar, double[] chi1) {

    /** Number of points. */
    public int size() {
        return biasVariance.length;
    }
}
