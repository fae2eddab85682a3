package org.chaoslab.analysis.kernel;

/**
 * A measured value with its standard error (e.g. a mean over independent draws, or a fitted parameter).
 *
 * @param value         the estimate
 * @param standardError its standard error (≥ 0; NaN when it cannot be estimated)
 */
public record Estimate(double value, double standardError) {

    /** The mean of {@code samples} and the standard error of the mean, s/√n (n ≥ 2; NaN error for n = 1). */
    public static Estimate mean(double[] samples) {
        int n = samples.length;
        if (n < 1) {
            throw new IllegalArgumentException("samples must have length >= 1 (got 0)");
        }
        double m = 0;
        for (double s : samples) {
            m += s;
        }
        m /= n;
        if (n == 1) {
            return new Estimate(m, Double.NaN);
        }
        double v = 0;
        for (double s : samples) {
            v += (s - m) * (s - m);
        }
        return new Estimate(m, Math.sqrt(v / (n - 1) / n));
    }

    @Override
    public String toString() {
        return value + " ± " + standardError;
    }
}
