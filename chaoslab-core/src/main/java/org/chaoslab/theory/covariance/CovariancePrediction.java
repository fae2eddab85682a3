package org.chaoslab.theory.covariance;

/**
 * Predicted statistics over neuron pairs of a covariance matrix (N → ∞ forms unless the kind says otherwise; NaN where
 * no closed form is known).
 *
 * @param kind                    "zero-frequency", "equal-time" or "zero-frequency-finite-n" (with the 1/N terms)
 * @param n                       N (PR = N·PR/N)
 * @param spectralRadius          R (the effective gain for nonlinear networks)
 * @param noiseIntensity          D = σ² (⟨ξξ⟩ = D δ)
 * @param meanAutoCov             ā
 * @param meanCrossCov            mean cross-covariance over pairs i ≠ j (0 without a mean coupling)
 * @param varCrossCov             variance of the cross-covariances
 * @param participationRatioPerN  PR/N
 * @param eigenLower              lower edge of the eigenvalue support of C (NaN if unknown)
 * @param eigenUpper              upper edge
 */
public record CovariancePrediction(String kind, int n, double spectralRadius, double noiseIntensity, double meanAutoCov,
                                   double meanCrossCov, double varCrossCov, double participationRatioPerN,
                                   double eigenLower, double eigenUpper) {

    /** The same statistics with the mean cross-covariance {@code mean} (a mean coupling's common mode, {@link MeanMode}). */
    public CovariancePrediction withMeanCrossCov(double mean) {
        return new CovariancePrediction(kind, n, spectralRadius, noiseIntensity, meanAutoCov, mean, varCrossCov,
                participationRatioPerN, eigenLower, eigenUpper);
    }

    /**
     * The statistics of C + δ·1 (the diagonal alone shifted; e.g. the half step of noise a recording after the noise
     * kick adds): ā + δ, N⁻¹tr(C + δ)² = ā²/(PR/N) + 2δā + δ², the cross-covariances unchanged.
     */
    public CovariancePrediction plusDiagonal(double delta, String newKind) {
        double a = meanAutoCov + delta;
        double second = meanAutoCov * meanAutoCov / participationRatioPerN + 2.0 * delta * meanAutoCov + delta * delta;
        return new CovariancePrediction(newKind, n, spectralRadius, noiseIntensity, a, meanCrossCov, varCrossCov,
                a * a / second, Double.NaN, Double.NaN);
    }

    /** PR = N · PR/N. */
    public double participationRatio() {
        return n * participationRatioPerN;
    }
}
