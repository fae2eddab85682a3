package org.chaoslab.analysis.kernel;

/**
 * A kernel against stimulus distance for P stimuli equally spaced on a circle, θ_p = 2πp/P: the circulant diagonals
 * averaged, K(Δ_k) = (1/2P) Σ_p [K(p, p+k) + K(p, p−k)] (indices mod P), Δ_k = 2πk/P, k = 0..⌊P/2⌋.
 * Entry k = 0 of {@code sameTrial} is the same-trial K(0) = ⟨r·r⟩/N of one response with itself; entry 0 of
 * {@code crossTrial} is K_cross(0), two trials at the same stimulus. Their gap is the nugget.
 *
 * @param distances  Δ_k = 2πk/P
 * @param sameTrial  same-trial K(Δ_k)
 * @param crossTrial cross-trial K_cross(Δ_k) (NaN when T = 1)
 */
public record CircleKernel(double[] distances, double[] sameTrial, double[] crossTrial) {

    /** Number of distances, ⌊P/2⌋ + 1. */
    public int size() {
        return distances.length;
    }
}
