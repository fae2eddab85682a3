package org.chaoslab.theory.deep;

/**
 * The mean-field image of a great circle of inputs, layers l = 1 … L (index l − 1), for a network of
 * width N (Poole et al. 2016, Sec. 4, Eqs. 7–9, with the layer-dependent q^l of a transient).
 *
 * @param q                squared length per unit of the circle's points, q^l
 * @param lengthEuclidean  L^E_l = 2π √(N ν_l), ν_l = |∂_θ h^l|²/N = χ1(q^{l−1}) ν_{l−1}
 * @param lengthGrassmann  L^G_l = ∫κ |∂_θ h| dθ = 2π √(K_l ν_l), K_l = N κ_l²
 * @param curvature        κ̃_l = κ_l √(N q^l), the curvature in units of the radius √(N q^l); +∞ for kinked φ
 *                         beyond layer 1
 * @param note             null, or why the prediction is not available (dropout)
 */
public record CircleTrajectory(double[] q, double[] lengthEuclidean, double[] lengthGrassmann, double[] curvature,
                               String note) {
}
