package org.chaoslab.analysis.kernel;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.model.Validate;

/**
 * A power law λ_n ∝ n^−α fitted to a spectrum: log λ_n = −α log n + b by weighted least squares with weights 1/n
 * (Stringer, Pachitariu et al., Nature 571:361 (2019), Methods "power-law exponent"), over the ranks
 * firstRank..lastRank, skipping non-positive λ_n. Standard errors are the nominal WLS ones, s²(XᵀWX)⁻¹ with the
 * weighted residual variance s² = Σ w r²/(m − 2); residuals of a spectrum are correlated across ranks, so treat them
 * as a lower bound on the scatter between independent data sets.
 *
 * @param exponent           α
 * @param intercept          b (natural log)
 * @param firstRank          first rank used (1-based)
 * @param lastRank           last rank used, after clipping to the spectrum length
 * @param points             number of ranks entering the fit
 * @param skippedNonPositive ranks in the range skipped because λ_n ≤ 0 (or NaN)
 */
public record PowerLawFit(Estimate exponent, Estimate intercept, int firstRank, int lastRank, int points,
        int skippedNonPositive) {

    /** Default rank range of Stringer et al. (2019). */
    public static final int DEFAULT_FIRST_RANK = 11;
    /** Default rank range of Stringer et al. (2019). */
    public static final int DEFAULT_LAST_RANK = 500;

    /** Fit over the default ranks 11..500, clipped to the spectrum. */
    public static PowerLawFit fit(PcaSpectrum s) {
        return fit(s.variances(), DEFAULT_FIRST_RANK, DEFAULT_LAST_RANK);
    }

    /** Fit over the ranks {@code firstRank..lastRank} (1-based, lastRank clipped to the spectrum). */
    public static PowerLawFit fit(PcaSpectrum s, int firstRank, int lastRank) {
        return fit(s.variances(), firstRank, lastRank);
    }

    /**
     * Fit λ_n = {@code spectrum[n − 1]} over {@code firstRank..min(lastRank, spectrum.length)}; needs firstRank ≥ 1, a
     * non-empty range and at least 3 positive λ_n in it.
     */
    public static PowerLawFit fit(double[] spectrum, int firstRank, int lastRank) {
        Validate.atLeast("firstRank", firstRank, 1);
        int last = Math.min(lastRank, spectrum.length);
        if (last < firstRank) {
            throw new IllegalArgumentException("rank range must be non-empty: firstRank = " + firstRank
                    + " must be <= min(lastRank, spectrum length) = " + last);
        }
        double sw = 0;
        double swx = 0;
        double swy = 0;
        int m = 0;
        int skipped = 0;
        for (int n = firstRank; n <= last; n++) {
            double l = spectrum[n - 1];
            if (!(l > 0) || Double.isInfinite(l)) {
                skipped++;
                continue;
            }
            double w = 1.0 / n;
            sw += w;
            swx += w * Math.log(n);
            swy += w * Math.log(l);
            m++;
        }
        if (m < 3) {
            throw new IllegalArgumentException("rank range " + firstRank + ".." + last
                    + " must hold >= 3 positive values (got " + m + ")");
        }
        double xm = swx / sw;
        double ym = swy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int n = firstRank; n <= last; n++) {
            double l = spectrum[n - 1];
            if (!(l > 0) || Double.isInfinite(l)) {
                continue;
            }
            double w = 1.0 / n;
            double dx = Math.log(n) - xm;
            sxx += w * dx * dx;
            sxy += w * dx * (Math.log(l) - ym);
        }
        double slope = sxy / sxx;
        double b = ym - slope * xm;
        double rss = 0;
        for (int n = firstRank; n <= last; n++) {
            double l = spectrum[n - 1];
            if (!(l > 0) || Double.isInfinite(l)) {
                continue;
            }
            double r = Math.log(l) - (b + slope * Math.log(n));
            rss += r * r / n;
        }
        double s2 = rss / (m - 2);
        return new PowerLawFit(Estimate.withStandardError(-slope, Math.sqrt(s2 / sxx)),
                Estimate.withStandardError(b, Math.sqrt(s2 * (1.0 / sw + xm * xm / sxx))), firstRank, last, m, skipped);
    }
}
