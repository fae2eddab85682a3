package org.chaoslab.theory.dmft;

import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;

/**
 * The stationary DMFT of a rate network driven by annealed noise: {@link WhiteNoiseDmft} for white noise,
 * {@link OuNoiseDmft} for Ornstein–Uhlenbeck noise. {@link #forNoise} picks the solver for a network's noise.
 */
public sealed interface NoisyDmftSolver permits WhiteNoiseDmft, OuNoiseDmft {

    /** The stationary solution (c(τ), ⟨x²⟩, λ_max, phase) of a network with this solver's kind of noise. */
    NoisyDmftSolution solve(RateNetwork network);

    /**
     * The stationary solution without λ_max (NaN; phase "not computed"): c(τ), ⟨x²⟩ and the rate correlation only, for
     * uses that need the statistics of the state and not its stability (the ground state of the stability operator is
     * most of the cost of {@link #solve}).
     */
    NoisyDmftSolution stationary(RateNetwork network);

    /** The Gaussian engine of the solutions (the one that computes ⟨φ′⟩ and the like at their variance). */
    org.chaoslab.gauss.GaussianExpectation engine();

    /** g_c (λ_max = 0) and g_local (g²⟨φ′²⟩ = 1) at the network's φ, noise and inputs. */
    Transition transition(RateNetwork network);

    /**
     * The solver for a kind of noise.
     *
     * @throws IllegalArgumentException if the noise is not annealed (none or quenched: use {@link DmftSolver})
     */
    static NoisyDmftSolver forNoise(Noise noise, DmftOptions options) {
        return switch (noise) {
            case Noise.White w -> new WhiteNoiseDmft(options);
            case Noise.OrnsteinUhlenbeck ou -> new OuNoiseDmft(options);
            default -> throw new IllegalArgumentException("noise " + noise.label()
                    + " is not annealed: the noise-free DMFT (with quenched input variance) applies");
        };
    }
}
