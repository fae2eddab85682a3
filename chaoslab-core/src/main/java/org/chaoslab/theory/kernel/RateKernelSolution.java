package org.chaoslab.theory.kernel;

/**
 * The stationary stimulus-kernel solution of a rate network, for the synchronous map ({@link RateMapKernelTheory})
 * or the continuous-time network ({@link RateFlowKernelTheory}).
 *
 * @param dynamics     "synchronous-map" or "continuous-time"
 * @param g            coupling gain
 * @param s            stimulus amplitude (input variance s²)
 * @param input        the constant input I
 * @param meanCoupling J0
 * @param phi          the transfer function's name
 * @param field        μ = J0⟨φ⟩ + I; the field variance (map: Q = g²⟨φ²⟩ + s²; flow: Δ0); its static part
 *                     (map: g²K(0⁺) + s²; flow: Δ∞)
 * @param kernel       ⟨φ⟩, K(0) = ⟨φ²⟩, K(0⁺), ν
 * @param chaos        map: g²⟨φ′²⟩ (chaotic iff &gt; 1); flow: Δ0 − Δ∞ (chaotic iff &gt; 0)
 */
public record RateKernelSolution(String dynamics, double g, double s, double input, double meanCoupling, String phi,
                                 FieldStatistics field, KernelStatistics kernel, ChaosCriterion chaos) {
}
