package org.chaoslab.analysis;

/**
 * Mean, variance and standard error of a stream of numbers (Welford's algorithm). Mutable; one
 * owner. Use it for statistics over network realizations, replicas or seeds.
 */
public final class RunningStatistics {

    private long count;
    private double mean;
    private double m2;

    /** Adds one value. */
    public void add(double x) {
        count++;
        double d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
    }

    /** Statistics of the given values. */
    public static RunningStatistics of(double... values) {
        RunningStatistics s = new RunningStatistics();
        for (double v : values) {
            s.add(v);
        }
        return s;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return count > 0 ? mean : Double.NaN;
    }

    /** Unbiased sample variance (n − 1 in the denominator); NaN for fewer than two values. */
    public double variance() {
        return count > 1 ? m2 / (count - 1) : Double.NaN;
    }

    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** Standard error of the mean, s/√n; NaN for fewer than two values. */
    public double standardError() {
        return count > 1 ? Math.sqrt(variance() / count) : Double.NaN;
    }

    /** The mean with its standard error ({@link #mean()}, {@link #standardError()}). */
    public Estimate.WithStandardError estimate() {
        return Estimate.withStandardError(mean(), standardError());
    }
}
