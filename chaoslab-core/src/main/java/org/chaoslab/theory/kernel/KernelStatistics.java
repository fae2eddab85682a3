package org.chaoslab.theory.kernel;

/**
 * The stationary stimulus-response kernel at coinciding stimuli, split into its smooth part and the nugget
 * (Bauer, Keup, Kadmon &amp; Helias 2026, reconstruction in the science notes §5: K = K_smooth(Δ) + ν δ_{θθ′}).
 *
 * @param meanResponse m = ⟨r⟩, the population-mean response (the rate for 0/1 units, ⟨φ⟩ for rate units)
 * @param sameTrial    k0 = K(0) = (1/N)Σ r_i², the same trial at the same stimulus (= m for 0/1 units, ⟨φ²⟩ for rate)
 * @param zeroPlus     K(0⁺): the stationary cross-trial kernel of two independent trials at input overlap o → 1, the
 *                     stable fixed point of the two-replica map reached from independent trials (k₀ = m²)
 * @param nugget       ν = k0 − K(0⁺) ≥ 0; for 0/1 units ν = D* / 2 with D* the stationary replica distance
 */
public record KernelStatistics(double meanResponse, double sameTrial, double zeroPlus, double nugget) {
}
