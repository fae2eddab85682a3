package org.chaoslab.sim.lyapunov;

import java.util.Arrays;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Quantities derived from a (possibly partial) Lyapunov spectrum, and the batch-means confidence
 * interval used for all of them. Pure functions of their arguments.
 */
public final class SpectrumMeasures {

    private SpectrumMeasures() {
    }

    /** A copy sorted in descending order. */
    static double[] descending(double[] lambda) {
        double[] s = lambda.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /**
     * Kaplan–Yorke (Lyapunov) dimension D = j + S_j/|λ_{j+1}|, with j the largest index whose partial
     * sum S_j = Σ_{i≤j} λ_i is ≥ 0 (Kaplan &amp; Yorke, LNM 730:204 (1979); Farmer, Ott &amp; Yorke, Physica
     * D 7:153 (1983)). 0 when λ_1 &lt; 0; the number of exponents given when the partial sum never turns
     * negative (then D is only a lower bound unless the spectrum is complete: see
     * {@link #kaplanYorkeResolved}). The exponents are sorted first.
     */
    public static double kaplanYorke(double[] exponents) {
        double[] l = descending(exponents);
        double sum = 0.0;
        for (int j = 0; j < l.length; j++) {
            if (sum + l[j] < 0.0) {
                return j + sum / Math.abs(l[j]);
            }
            sum += l[j];
        }
        return l.length;
    }

    /** True when the partial sums turn negative within the given exponents, or the spectrum is complete (k = N). */
    public static boolean kaplanYorkeResolved(double[] exponents, int n) {
        if (exponents.length >= n) {
            return true;
        }
        double sum = 0.0;
        for (double v : exponents) {
            sum += v;
        }
        return sum < 0.0 || max(exponents) < 0.0;
    }

    /** Kolmogorov–Sinai entropy rate by Pesin's identity: h_KS = Σ_{λ_i &gt; 0} λ_i (Pesin, Russ. Math. Surv. 32:55 (1977)). */
    public static double entropyRate(double[] exponents) {
        double h = 0.0;
        for (double v : exponents) {
            if (v > 0) {
                h += v;
            }
        }
        return h;
    }

    /** True when all positive exponents are among those given: the smallest is ≤ 0, or k = N. */
    public static boolean entropyResolved(double[] exponents, int n) {
        return exponents.length >= n || min(exponents) <= 0.0;
    }

    /**
     * Half-width of the 95% confidence interval of a mean from B ≥ 2 batch means:
     * t_{0.975, B−1}·s/√B (Student t; batches long compared to the correlation time are close to
     * independent, e.g. Flyvbjerg &amp; Petersen, J. Chem. Phys. 91:461 (1989)). NaN for B &lt; 2.
     */
    public static double confidenceHalfWidth(double[] batchMeans) {
        int b = batchMeans.length;
        if (b < 2) {
            return Double.NaN;
        }
        double mean = 0.0;
        for (double v : batchMeans) {
            mean += v;
        }
        mean /= b;
        double ss = 0.0;
        for (double v : batchMeans) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (b - 1));
        return studentT975(b - 1) * sd / Math.sqrt(b);
    }

    /** The 97.5% quantile of Student's t with {@code df} degrees of freedom. */
    public static double studentT975(int df) {
        return new TDistribution(df).inverseCumulativeProbability(0.975);
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }
}
