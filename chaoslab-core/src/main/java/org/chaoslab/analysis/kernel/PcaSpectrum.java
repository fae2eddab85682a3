package org.chaoslab.analysis.kernel;

/**
 * A PCA variance spectrum of a stimulus covariance, largest first: entry n − 1 is the variance along the n-th
 * principal component, normalised per stimulus ((1/P) Σ_p, stimuli centred).
 *
 * @param variances      λ_1 ≥ λ_2 ≥ … for plain PCA; the cross-validated variances (not necessarily ordered, may be
 *                       negative) for cvPCA; min(P − 1, N) entries (centring removes one dimension)
 * @param stimuli        P
 * @param units          N
 * @param crossValidated true for cvPCA (Stringer et al. 2019), false for plain PCA
 * @param shuffles       number of random repeat swaps averaged (0 for plain PCA)
 */
public record PcaSpectrum(double[] variances, int stimuli, int units, boolean crossValidated, int shuffles) {

    /** Number of components. */
    public int size() {
        return variances.length;
    }

    /** λ_n for the 1-based rank n. */
    public double atRank(int n) {
        return variances[n - 1];
    }
}
