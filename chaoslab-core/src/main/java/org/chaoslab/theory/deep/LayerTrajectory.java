package org.chaoslab.theory.deep;

/**
 * Layer-by-layer mean-field prediction for the probe input pairs, layers l = 1 … L (index l − 1).
 *
 * @param q        q^l, squared length per unit of the pre-activations h^l
 * @param c        c^l, correlation of the two inputs of a pair
 * @param jacobian mean squared singular value of ∂h^l/∂h^{l−1}: σ_w² at l = 1 (∂h^1/∂x^0 = W^1),
 *                 (σ_w²/ρ)⟨φ′(√q^{l−1} z)²⟩ for l ≥ 2 (= χ1/ρ once q^{l−1} = q*)
 */
public record LayerTrajectory(double[] q, double[] c, double[] jacobian) {

    /** The number of layers L. */
    public int depth() {
        return q.length;
    }
}
