package org.chaoslab.analysis;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The time-averaged autocorrelation ⟨s_c(t) s_c(t+k)⟩ averaged over channels c (units, replicas),
 * accumulated from a stream of samples without storing the run.
 *
 * <p>Samples are grouped in segments of length L (the number of lags). When segment n+1 is complete,
 * segment n contributes Σ_{t&lt;L} s(t)·w(t+k), k &lt; L, with w = [segment n, segment n+1]: every pair
 * (t, t+k) of the run is counted exactly once per lag, so the estimator equals the direct one on
 * {@code (segments − 1)·L} start times. The sum is formed by FFT (JTransforms, size 2L: t + k &lt; 2L−1,
 * so the circular correlation has no wrap-around) and is summed over channels in the frequency
 * domain, so a single inverse transform gives the channel average. The raw (uncentered) second
 * moment is returned: subtract a mean squared if a centered covariance is wanted.
 */
public final class StreamingAutocorrelation {

    private final int channels;
    private final int lags;
    private final int fftSize;
    private final DoubleFFT_1D fft;
    private final double[] previous;   // [channel][L], channel-major
    private final double[] current;    // [channel][L], channel-major
    private final double[] spectrumSum;
    private final double[] bufA;
    private final double[] bufW;
    private int filled;
    private int segments;

    /**
     * @param channels number of parallel signals (≥ 1)
     * @param lags     L, the number of lags 0..L−1 (≥ 1)
     */
    public StreamingAutocorrelation(int channels, int lags) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1 (got " + channels + ")");
        }
        if (lags < 1) {
            throw new IllegalArgumentException("lags must be >= 1 (got " + lags + ")");
        }
        this.channels = channels;
        this.lags = lags;
        this.fftSize = 2 * lags;
        this.fft = new DoubleFFT_1D(fftSize);
        this.previous = new double[channels * lags];
        this.current = new double[channels * lags];
        this.spectrumSum = new double[fftSize];
        this.bufA = new double[fftSize];
        this.bufW = new double[fftSize];
    }

    /** Adds one time sample: {@code values[offset + c]} for channel c. */
    public void add(double[] values, int offset) {
        int t = filled;
        for (int c = 0; c < channels; c++) {
            current[c * lags + t] = values[offset + c];
        }
        filled++;
        if (filled == lags) {
            if (segments > 0) {
                accumulate();
            }
            System.arraycopy(current, 0, previous, 0, current.length);
            segments++;
            filled = 0;
        }
    }

    private void accumulate() {
        int l = lags;
        int p = fftSize;
        for (int c = 0; c < channels; c++) {
            int base = c * l;
            System.arraycopy(previous, base, bufA, 0, l);
            java.util.Arrays.fill(bufA, l, p, 0.0);
            System.arraycopy(previous, base, bufW, 0, l);
            System.arraycopy(current, base, bufW, l, l);
            fft.realForward(bufA);
            fft.realForward(bufW);
            // packed real FFT: [Re0, Re(P/2), Re1, Im1, ...]; accumulate conj(A)·W
            spectrumSum[0] += bufA[0] * bufW[0];
            spectrumSum[1] += bufA[1] * bufW[1];
            for (int k = 2; k < p; k += 2) {
                double ar = bufA[k];
                double ai = bufA[k + 1];
                double wr = bufW[k];
                double wi = bufW[k + 1];
                spectrumSum[k] += ar * wr + ai * wi;
                spectrumSum[k + 1] += ar * wi - ai * wr;
            }
        }
    }

    /** Number of start times used per lag so far: (complete segments − 1)·L. */
    public long pairsPerLag() {
        return segments > 1 ? (long) (segments - 1) * lags : 0L;
    }

    /** Number of lags L. */
    public int lags() {
        return lags;
    }

    /**
     * The channel- and time-averaged autocorrelation at lags 0..L−1 (in samples).
     *
     * @throws IllegalStateException if fewer than 2L samples were added
     */
    public double[] result() {
        long pairs = pairsPerLag();
        if (pairs == 0) {
            throw new IllegalStateException("autocorrelation needs at least 2*lags = " + (2 * lags)
                    + " samples (got " + ((long) segments * lags + filled) + ")");
        }
        double[] inv = spectrumSum.clone();
        fft.realInverse(inv, true);
        double[] out = new double[lags];
        double norm = 1.0 / ((double) pairs * channels);
        for (int k = 0; k < lags; k++) {
            out[k] = inv[k] * norm;
        }
        return out;
    }
}
