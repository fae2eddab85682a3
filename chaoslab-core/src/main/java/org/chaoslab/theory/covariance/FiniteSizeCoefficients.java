package org.chaoslab.theory.covariance;

/**
 * The leading finite-size (1/N) coefficients of the expected covariance statistics over neuron pairs:
 * E[X]_N = X_∞ + κ_X/N + O(1/N²) for each statistic X (derivation: docs/finite-size-covariance.md).
 *
 * @param meanAutoCov             κ for ā = tr C/N
 * @param meanCrossCov            κ for the mean cross-covariance (0: E c_ij = 0 at every N by the sign symmetry W → SWS)
 * @param scaledVarCrossCov       κ for N·Var(c_ij) (the variance over pairs i &lt; j, population form)
 * @param participationRatioPerN  κ for PR/N = (tr C)²/(N tr C²)
 */
public record FiniteSizeCoefficients(double meanAutoCov, double meanCrossCov, double scaledVarCrossCov,
                                     double participationRatioPerN) {
}
