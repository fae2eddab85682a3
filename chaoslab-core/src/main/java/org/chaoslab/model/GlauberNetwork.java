package org.chaoslab.model;

/**
 * A binary (Glauber) network with Gaussian couplings, as compared with rate networks by Keup, Kühn, Dahmen &amp;
 * Helias, PRX 11:021064 (2021): units n ∈ {0, 1} updated at Poisson times of rate 1/τ,
 * n_i ← Θ(h_i + ξ) with h_i = Σ_j J_ij n_j + x − θ, J_ij ~ N(J̄/N, g²/N), and threshold noise ξ ~ N(0, σ²)
 * drawn afresh at each update (σ = 0: deterministic Heaviside; σ &gt; 0: the erfc gain ½ erfc(−h/(√2σ))).
 *
 * @param n            number of units N ≥ 2
 * @param meanCoupling J̄ (the mean coupling is J̄/N)
 * @param gain         g ≥ 0 (coupling standard deviation g/√N)
 * @param input        constant external input x
 * @param threshold    θ
 * @param noise        σ ≥ 0, the width of the Gaussian threshold noise
 * @param tau          mean update interval τ &gt; 0
 */
public record GlauberNetwork(int n, double meanCoupling, double gain, double input, double threshold, double noise, double tau) {

    public GlauberNetwork {
        Validate.atLeast("n", n, 2);
        Validate.finite("meanCoupling (mean coupling)", meanCoupling);
        Validate.finiteAtLeast("gain", gain, 0.0);
        Validate.finite("input", input);
        Validate.finite("threshold", threshold);
        Validate.finiteAtLeast("noise", noise, 0.0);
        Validate.positive("tau", tau);
    }
}
