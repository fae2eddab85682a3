package org.chaoslab.theory.kernel;

/**
 * The Gaussian statistics of the fields h_i = Σ_j J_ij r_j + x_i(θ) (+ I − b) over units in the stationary state.
 *
 * @param mean           μ = J0 m + I − b (binary: J0 m − b; rate: J0⟨φ⟩ + I)
 * @param variance       the total field variance around μ (synchronous maps and Glauber: Q = g²k0 + s²; continuous
 *                       time: the DMFT Δ0)
 * @param staticVariance the field covariance of two independent trials at the same stimulus, g²K(0⁺) + s² (the
 *                       quenched part; continuous time: the DMFT plateau Δ∞); variance − staticVariance is the
 *                       temporal part, g²ν
 */
public record FieldStatistics(double mean, double variance, double staticVariance) {
}
