package org.chaoslab.theory.kernel;

/**
 * The stationary stimulus-kernel solution of a binary network (synchronous map or Glauber dynamics: the same
 * stationary statistics, see {@link BinaryKernelTheory}).
 *
 * @param g              coupling gain
 * @param s              stimulus amplitude (input variance s²)
 * @param threshold      b
 * @param meanCoupling   J0
 * @param field          μ = J0 m − b, Q = g² m + s², static part g² c*(1) + s²
 * @param kernel         m, K(0) = m, K(0⁺) = c*(1), ν = m − c*(1)
 * @param chaos          the replica map's slope at c = m: +∞ for every g &gt; 0 (chaotic), 0 at g = 0
 * @param sqrtCoefficient κ in m − F(c) ≈ κ √(m − c) at o = 1: κ = ϕ(A) g/√(πQ) (so ν ≈ κ² when ν ≪ m)
 */
public record BinaryKernelSolution(double g, double s, double threshold, double meanCoupling, FieldStatistics field,
                                   KernelStatistics kernel, ChaosCriterion chaos, double sqrtCoefficient) {
}
