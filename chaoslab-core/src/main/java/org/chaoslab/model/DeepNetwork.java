package org.chaoslab.model;

/**
 * A random deep feed-forward network (Poole et al., NeurIPS 2016; Schoenholz et al., ICLR 2017):
 * h^l = W^l x^{l−1} + b^l, x^l = φ(h^l), with W_ij ~ N(0, σ_w²/N) and b_i ~ N(0, σ_b²), all
 * layers of width N (the input x^0 too), depth L. With dropout, each unit of x^{l−1} (l ≥ 2, not
 * the raw input) is kept with probability ρ and scaled by 1/ρ, independently for every input.
 *
 * <p>A description only: the simulator draws finite realizations, the theory solves N → ∞ (and
 * ignores the width except where a length scales with √N). Variances are given as σ_w² and σ_b²
 * (published code quotes σ_w, σ_b as standard deviations, e.g. σ_w = 1.3 means σ_w² = 1.69).
 *
 * @param width            N ≥ 1, units per layer
 * @param depth            L ≥ 1, number of layers
 * @param transfer         φ
 * @param weightVariance   σ_w² &gt; 0 (finite)
 * @param biasVariance     σ_b² ≥ 0 (finite)
 * @param keepProbability  ρ ∈ (0, 1]; 1 means no dropout
 */
public record DeepNetwork(int width, int depth, TransferFunction transfer, double weightVariance, double biasVariance,
                          double keepProbability) {

    public DeepNetwork {
        Validate.atLeast("width", width, 1);
        Validate.atLeast("depth", depth, 1);
        if (transfer == null) {
            throw new IllegalArgumentException("phi must be given");
        }
        Validate.positive("sigma-w2", weightVariance);
        Validate.finiteAtLeast("sigma-b2", biasVariance, 0.0);
        if (!(keepProbability > 0.0 && keepProbability <= 1.0)) {
            throw new IllegalArgumentException("keep (dropout keep probability) must be in (0, 1] (got " + keepProbability + ")");
        }
    }

    /** A network without dropout. */
    public static DeepNetwork of(int width, int depth, TransferFunction transfer, double weightVariance, double biasVariance) {
        return new DeepNetwork(width, depth, transfer, weightVariance, biasVariance, 1.0);
    }

    /**
     * The ensemble alone, for theory that ignores width and depth (both set to 1): the maps, their
     * fixed points, the boundary and the phase diagram.
     */
    public static DeepNetwork ensemble(TransferFunction transfer, double weightVariance, double biasVariance,
                                       double keepProbability) {
        return new DeepNetwork(1, 1, transfer, weightVariance, biasVariance, keepProbability);
    }

    /** The same network at other weight and bias variances. */
    public DeepNetwork withVariances(double weightVariance, double biasVariance) {
        return new DeepNetwork(width, depth, transfer, weightVariance, biasVariance, keepProbability);
    }

    /** The same network with dropout keep probability ρ. */
    public DeepNetwork withKeepProbability(double keep) {
        return new DeepNetwork(width, depth, transfer, weightVariance, biasVariance, keep);
    }

    /** The same network at another width and depth. */
    public DeepNetwork withShape(int newWidth, int newDepth) {
        return new DeepNetwork(newWidth, newDepth, transfer, weightVariance, biasVariance, keepProbability);
    }

    /** Whether dropout is on (ρ &lt; 1). */
    public boolean hasDropout() {
        return keepProbability < 1.0;
    }
}
