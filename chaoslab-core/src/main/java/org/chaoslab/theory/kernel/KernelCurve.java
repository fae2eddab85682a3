package org.chaoslab.theory.kernel;

/**
 * The stationary cross-trial kernel K(Δ) on the circle of stimuli (input overlap cos Δ), Δ ∈ [0, π]; at Δ = 0 the
 * entry is K(0⁺) (different trials), the same trial adds the nugget: K(0) = K(0⁺) + ν.
 *
 * @param delta     the stimulus distances Δ_j = jπ/(n − 1), ascending from 0 to π
 * @param kernel    K(Δ_j), kernel[0] = K(0⁺)
 * @param sameTrial K(0) = k0
 * @param nugget    ν = K(0) − K(0⁺)
 */
public record KernelCurve(double[] delta, double[] kernel, double sameTrial, double nugget) {

    public KernelCurve {
        delta = delta.clone();
        kernel = kernel.clone();
    }

    @Override public double[] delta() { return delta.clone(); }
    @Override public double[] kernel() { return kernel.clone(); }
}
