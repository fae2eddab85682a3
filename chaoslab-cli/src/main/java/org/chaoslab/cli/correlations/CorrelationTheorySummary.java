package org.chaoslab.cli.correlations;

/**
 * {@code correlations theory --json}: the zero-frequency covariance statistics (N → ∞ closed forms) and the
 * equal-time mean autocovariance.
 *
 * @param phi                    transfer function
 * @param g                      coupling gain (for linear φ the spectral radius R)
 * @param noise                  the noise label
 * @param n                      N
 * @param mapping                "linear" (exact closed forms) or "effective-gain" (nonlinear φ: R_eff = g⟨φ′⟩ at the
 *                               noisy DMFT variance, an approximation that ignores the chaotic part of the fluctuations)
 * @param spectralRadius         R or R_eff
 * @param noiseIntensity         D = σ²
 * @param meanAutoCov            ā
 * @param meanCrossCov           the mean c_ij over pairs i ≠ j (0 without a mean coupling; with --j0 the common mode's)
 * @param varCrossCov            Var c_ij
 * @param participationRatio     PR
 * @param participationRatioPerN PR/N
 * @param eigenLower             lower edge of the covariance eigenvalue support
 * @param eigenUpper             upper edge
 * @param equalTimeMeanAutoCov   the equal-time ā (D/(2√(1 − R²)))
 * @param dmftVariance           ⟨x²⟩ of the noisy DMFT (nonlinear φ; null for linear)
 * @param equalTimeMeanCrossCov  the equal-time mean c_ij (0 without a mean coupling; with --j0 the common mode's,
 *                               theory.covariance.MeanMode)
 * @param equalTimeVarCrossCov   the equal-time Var c_ij (EqualTimeCovariance)
 * @param equalTimeParticipationRatio      the equal-time PR
 * @param equalTimeParticipationRatioPerN  the equal-time PR/N = 8a³/(a⁴ + 2a³ + 4a² − 2a + 3), a = √(1 − R²)
 * @param meanAutoCovFiniteN            E ā at this N with the derived O(1/N) correction (linear φ, η = 0, J0 = 0; else null)
 * @param meanCrossCovFiniteN           E of the mean cross-covariance at this N (0; null as above)
 * @param varCrossCovFiniteN            E Var c_ij at this N to O(1/N²) (null as above)
 * @param participationRatioFiniteN     E PR at this N to O(1) (null as above)
 * @param participationRatioPerNFiniteN E PR/N at this N to O(1/N²) (null as above)
 * @param equalTimeMeanAutoCovFiniteN   the equal-time E ā at this N with its derived 1/N term (EqualTimeCovariance:
 *                                      linear φ, white or OU noise, η = 0, J0 = 0, dense; else null)
 * @param equalTimeVarCrossCovFiniteN   the equal-time E Var c_ij at this N (null as above)
 * @param equalTimeParticipationRatioPerNFiniteN the equal-time E PR/N at this N (null as above)
 */
public record CorrelationTheorySummary(String phi, double g, String noise, int n, String mapping, double spectralRadius,
                                       double noiseIntensity, double meanAutoCov, double meanCrossCov, double varCrossCov,
                                       double participationRatio, double participationRatioPerN, double eigenLower,
                                       double eigenUpper, double equalTimeMeanAutoCov, double equalTimeMeanCrossCov,
                                       double dmftVariance,
                                       double equalTimeVarCrossCov, double equalTimeParticipationRatio,
                                       double equalTimeParticipationRatioPerN,
                                       double meanAutoCovFiniteN, double meanCrossCovFiniteN, double varCrossCovFiniteN,
                                       double participationRatioFiniteN, double participationRatioPerNFiniteN,
                                       double equalTimeMeanAutoCovFiniteN, double equalTimeVarCrossCovFiniteN,
                                       double equalTimeParticipationRatioPerNFiniteN) {
}
