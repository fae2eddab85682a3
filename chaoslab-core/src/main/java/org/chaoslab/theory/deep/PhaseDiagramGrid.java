package org.chaoslab.theory.deep;

/**
 * χ1, ξ_c and the other fixed-point quantities on a (σ_w², σ_b²) grid. Every array has
 * {@code weightVariance.length × biasVariance.length} entries, index {@code i·nb + j} for
 * (σ_w²[i], σ_b²[j]) (numpy: shape (nw, nb)). Where q* does not exist, q* is +∞ and the rest NaN.
 *
 * @param phi             the transfer function's name
 * @param keepProbability ρ
 * @param weightVariance  σ_w² axis
 * @param biasVariance    σ_b² axis
 * @param qStar           q*
 * @param cStar           c*
 * @param chi1            χ1
 * @param chiC            χ_c
 * @param xiQ             ξ_q
 * @param xiC             ξ_c (+∞ on the boundary)
 * @param engine          the quadrature used, for the record
 */
public record PhaseDiagramGrid(String phi, double keepProbability, double[] weightVariance, double[] biasVariance,
                               double[] qStar, double[] cStar, double[] chi1, double[] chiC, double[] xiQ, double[] xiC,
                               String engine) {

    /** The flat index of (σ_w²[i], σ_b²[j]). */
    public int index(int i, int j) {
        return i * biasVariance.length + j;
    }

    /** The phase at (σ_w²[i], σ_b²[j]). */
    public DeepPhase phase(int i, int j) {
        int k = index(i, j);
        return Double.isNaN(chi1[k]) ? DeepPhase.UNBOUNDED : DeepPhase.ofChi1(chi1[k]);
    }
}
