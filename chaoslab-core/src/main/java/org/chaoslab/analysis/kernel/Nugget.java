package org.chaoslab.analysis.kernel;

/**
 * The nugget of a stimulus kernel on a circle (Bauer, Keup, Kadmon &amp; Helias 2026: K = K_smooth(Δ) + ν δ_{θθ′}).
 *
 * @param sameTrialZero         K(0), same trial
 * @param crossTrialZero        K_cross(0), two trials at the same stimulus
 * @param extrapolatedZero      the cross-trial K_cross(Δ) fitted over lags k = firstLag..lastLag (Δ_k = 2πk/P,
 *                              by {@code fit}) and extrapolated to Δ → 0
 * @param extrapolated          ν = K(0) − extrapolatedZero: the jump of the kernel at Δ = 0 seen from Δ &gt; 0
 * @param plain                 ν = K(0) − K_cross(0): the trial-to-trial variance at the same stimulus
 * @param fit                   the extrapolating polynomial
 * @param firstLag              first lag k of the fit (always 1)
 * @param lastLag               last lag k of the fit
 */
public record Nugget(double sameTrialZero, double crossTrialZero, double extrapolatedZero, double extrapolated,
        double plain, Fit fit, int firstLag, int lastLag) {

    /** The polynomial in Δ fitted (least squares, equal weights) to K_cross(Δ_k), k = 1..lastLag. */
    public enum Fit {
        /** c0 + c1 Δ + c2 Δ² (needs ≥ 3 lags; allows a cusp |Δ| of the cross-trial kernel). */
        QUADRATIC,
        /** c0 + c2 Δ² (needs ≥ 2 lags; a smooth even kernel). */
        EVEN_QUADRATIC
    }
}
