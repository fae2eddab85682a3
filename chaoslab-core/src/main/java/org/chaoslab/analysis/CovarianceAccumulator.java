package org.chaoslab.analysis;

import org.chaoslab.linalg.Blas;

/**
 * Streaming sample covariance of N-dimensional vectors (no storage of the stream): samples are
 * buffered in blocks of {@code block} and folded into Σ (x − x₀)(x − x₀)ᵀ by one symmetric rank-k
 * update (BLAS dsyrk) per block, with x₀ the first sample as a shift against cancellation. Mutable,
 * one owner; one buffer of N·block and one N×N matrix, no allocation per sample.
 */
public final class CovarianceAccumulator {

    private final int n;
    private final int block;
    private final double[] buffer;   // column-major N × block (sample b in column b)
    private final double[] moment;   // column-major N × N, upper triangle: Σ (x − x₀)(x − x₀)ᵀ
    private final double[] sum;      // Σ (x − x₀)
    private final double[] shift;
    private int filled;
    private long count;

    /**
     * @param n     the dimension N ≥ 1
     * @param block samples per rank-k update (e.g. 64)
     */
    public CovarianceAccumulator(int n, int block) {
        if (n < 1 || block < 1) {
            throw new IllegalArgumentException("dimension and block must be >= 1 (got " + n + ", " + block + ")");
        }
        this.n = n;
        this.block = block;
        this.buffer = new double[n * block];
        this.moment = new double[n * n];
        this.sum = new double[n];
        this.shift = new double[n];
    }

    /** The dimension N. */
    public int dimension() {
        return n;
    }

    /** Samples added so far. */
    public long count() {
        return count;
    }

    /** Adds the sample x[offset … offset + N). */
    public void add(double[] x, int offset) {
        if (count == 0) {
            System.arraycopy(x, offset, shift, 0, n);
        }
        int base = filled * n;
        for (int i = 0; i < n; i++) {
            double d = x[offset + i] - shift[i];
            buffer[base + i] = d;
            sum[i] += d;
        }
        count++;
        if (++filled == block) {
            flush();
        }
    }

    private void flush() {
        if (filled > 0) {
            Blas.blas().dsyrk("U", "N", n, filled, 1.0, buffer, n, 1.0, moment, n);
            filled = 0;
        }
    }

    /** The sample mean (a new array). */
    public double[] mean() {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = shift[i] + sum[i] / count;
        }
        return m;
    }

    /**
     * The unbiased sample covariance (K − 1 in the denominator) as a full symmetric N×N array
     * (row-major = column-major); needs at least two samples.
     */
    public double[] covariance() {
        if (count < 2) {
            throw new IllegalStateException("covariance needs at least two samples (got " + count + ")");
        }
        flush();
        double[] c = new double[n * n];
        double inv = 1.0 / (count - 1);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double v = (moment[j * n + i] - sum[i] * sum[j] / count) * inv;
                c[j * n + i] = v;
                c[i * n + j] = v;
            }
        }
        return c;
    }
}
