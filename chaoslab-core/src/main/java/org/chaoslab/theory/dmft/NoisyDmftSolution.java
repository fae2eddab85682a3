package org.chaoslab.theory.dmft;

import java.util.Objects;

/**
 * The stationary DMFT solution of a rate network driven by white or OU noise (N → ∞), with the
 * parameters it came from. Arrays are copied on construction and on access.
 *
 * @param g               coupling gain
 * @param phi             the transfer function's name
 * @param noise           the noise label, e.g. {@code white:1.0}
 * @param sigma           σ (white: ⟨ξξ⟩ = σ²δ; OU: τ_n η′ = −η + σξ)
 * @param c0              c(0), the variance of x around its population mean μ (⟨x²⟩ = c0 + μ²)
 * @param deltaInf        c∞ = lim c(τ), the static (quenched) part of the variance: g²⟨⟨φ⟩_z⟩² + σ_I² (0 for odd φ
 *                        without input)
 * @param mean            μ = ⟨x⟩ = I + J0⟨φ⟩
 * @param rateVariance    ⟨φ²⟩ = C(0) (uncentred)
 * @param rateInf         C(∞) = F_φ(c∞; μ, c0)
 * @param decayRate       the rate of the exponential tail of c(τ) − c∞: κ = √(1 − g²F_{φ′}(c∞)) (white), min(κ, 1/τ_n) (OU)
 * @param stabilityGain   s = g²⟨φ′²⟩ at c0 (the local-stability measure; s &gt; 1: "expansive")
 * @param lambdaMax       the largest Lyapunov exponent (frozen noise; ground state of the DMFT stability operator)
 * @param phase           "chaotic" (λ_max &gt; 0), "noise-driven" (λ_max ≤ 0) or "not computed" (λ_max NaN)
 * @param tau             the lag grid 0, dτ, …
 * @param delta           c(τ) on the grid (white noise: kinked at 0, c′(0⁺) = −σ²/2)
 * @param rateCorrelation C(τ) = F_φ(c(τ); μ, c0)
 */
public record NoisyDmftSolution(double g, String phi, String noise, double sigma, double c0, double deltaInf, double mean,
                                double rateVariance, double rateInf, double decayRate, double stabilityGain,
                                double lambdaMax, String phase, double[] tau, double[] delta, double[] rateCorrelation) {

    public NoisyDmftSolution {
        Objects.requireNonNull(phase, "phase");
        tau = tau.clone();
        delta = delta.clone();
        rateCorrelation = rateCorrelation.clone();
    }

    @Override public double[] tau() { return tau.clone(); }
    @Override public double[] delta() { return delta.clone(); }
    @Override public double[] rateCorrelation() { return rateCorrelation.clone(); }

    /** Δ0 = c0, the name used by the autonomous solution. */
    public double delta0() {
        return c0;
    }

    /** ⟨x²⟩ = c0 + μ², the uncentred second moment (what a simulation's mean square estimates). */
    public double meanSquare() {
        return c0 + mean * mean;
    }

    /** Whether λ_max &gt; 0. */
    public boolean isChaotic() {
        return lambdaMax > 0;
    }
}
