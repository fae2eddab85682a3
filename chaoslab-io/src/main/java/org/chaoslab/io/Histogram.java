package org.chaoslab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A histogram for plotting, normalized as a probability density of all finite values. The range rule: a histogram
 * covers the whole data range ({@link #of}, {@link #covering}), so that nothing is left out; where a range is fixed
 * ({@link #within}), the values outside it are counted, and {@link #note()} says what the figure does not show. Non-finite
 * values are never binned; they are counted and named in the note as well.
 *
 * @param edges     bin edges, one more than the bins, increasing
 * @param counts    values per bin
 * @param finite    the finite values (binned or not); the density is normalized by this count
 * @param below     finite values below the range (not shown)
 * @param above     finite values above the range (not shown)
 * @param nonFinite NaN and infinite values (not shown)
 */
public record Histogram(double[] edges, long[] counts, long finite, long below, long above, long nonFinite) {

    /**
     * A histogram over the whole range of the finite values.
     *
     * @param data the values
     * @param bins the number of bins (≥ 1)
     * @return the histogram; with no finite value, one over [0, 1] with empty bins
     */
    public static Histogram of(double[] data, int bins) {
        return covering(data, bins, Double.NaN, Double.NaN);
    }

    /**
     * A histogram over the whole range of the finite values, widened to contain [lo, hi] (e.g. a theory's support or
     * ±5 theoretical standard deviations; NaN ends are ignored).
     *
     * @param data the values
     * @param bins the number of bins (≥ 1)
     * @param lo   the range extends at least down to this
     * @param hi   the range extends at least up to this
     * @return the histogram
     */
    public static Histogram covering(double[] data, int bins, double lo, double hi) {
        double min = Double.isNaN(lo) ? Double.POSITIVE_INFINITY : lo;
        double max = Double.isNaN(hi) ? Double.NEGATIVE_INFINITY : hi;
        for (double v : data) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (!(max > min)) {
            double pad = min == 0 ? 0.5 : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        return within(data, bins, min, max);
    }

    /**
     * A histogram over a fixed range [lo, hi]; values outside are counted as not shown (see {@link #note()}).
     *
     * @param data the values
     * @param bins the number of bins (≥ 1)
     * @param lo   lower end of the range
     * @param hi   upper end, greater than lo
     * @return the histogram
     * @throws IllegalArgumentException if the range is not finite and non-empty, or bins &lt; 1
     */
    public static Histogram within(double[] data, int bins, double lo, double hi) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("histogram range must be finite and non-empty, got [" + lo + ", " + hi + "]");
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? hi : lo + (hi - lo) * i / bins;
        }
        long[] counts = new long[bins];
        long finite = 0;
        long below = 0;
        long above = 0;
        long nonFinite = 0;
        double w = (hi - lo) / bins;
        for (double v : data) {
            if (!Double.isFinite(v)) {
                nonFinite++;
                continue;
            }
            finite++;
            if (v < lo) {
                below++;
            } else if (v > hi) {
                above++;
            } else {
                counts[Math.min(bins - 1, (int) ((v - lo) / w))]++;
            }
        }
        return new Histogram(edges, counts, finite, below, above, nonFinite);
    }

    /** {@return the number of bins} */
    public int bins() {
        return counts.length;
    }

    /** {@return the lower end of the range} */
    public double lo() {
        return edges[0];
    }

    /** {@return the upper end of the range} */
    public double hi() {
        return edges[edges.length - 1];
    }

    /** {@return the bin centres} */
    public double[] centers() {
        double[] c = new double[bins()];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        return c;
    }

    /**
     * The density of each bin: its count over (finite values × bin width), so that the bins integrate to the
     * fraction of finite values shown.
     *
     * @param emptyAsNaN whether empty bins are NaN (for a logarithmic axis, which cannot show zero) rather than 0
     * @return the densities
     */
    public double[] density(boolean emptyAsNaN) {
        double[] d = new double[bins()];
        for (int i = 0; i < d.length; i++) {
            double w = edges[i + 1] - edges[i];
            d[i] = counts[i] == 0 ? (emptyAsNaN ? Double.NaN : 0.0) : counts[i] / (finite * w);
        }
        return d;
    }

    /** {@return whether every value is shown: none outside the range and none non-finite} */
    public boolean complete() {
        return below == 0 && above == 0 && nonFinite == 0;
    }

    /**
     * What the histogram leaves out, for the figure's legend, e.g. "not shown: 3 values below 0.1, 1 above 5,
     * 2 non-finite (of 1000)"; empty where every value is shown.
     *
     * @return the note, or ""
     */
    public String note() {
        if (complete()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (below > 0) {
            parts.add(below + (below == 1 ? " value" : " values") + " below " + format(lo()));
        }
        if (above > 0) {
            parts.add(above + (parts.isEmpty() ? (above == 1 ? " value" : " values") : "") + " above " + format(hi()));
        }
        if (nonFinite > 0) {
            parts.add(nonFinite + " non-finite");
        }
        return "not shown: " + String.join(", ", parts) + " (of " + (finite + nonFinite) + ")";
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
