package org.chaoslab.analysis;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The time-averaged autocorrelation ⟨s_c(t) s_c(t+k)⟩ averaged over channels c (units, replicas),
 * accumulated from a stream of samples without storing the run.
 *
 * <p>The estimator: with L lags and S = ⌊samples/L⌋ complete segments of L samples, the start times are
 * t &lt; (S − 1)·L, each paired with t + k for every lag k &lt; L (so every pair lies within the complete segments),
 * and the result is the sum of s(t)·s(t+k) over start times and channels divided by their number. It is formed by
 * FFT of size P, the power of two ≥ 2L − 1, over chunks of B = P − L + 1 consecutive start times (overlap-save):
 * with a = the B samples of the chunk and w = the B + L − 1 samples from its start, zero-padded to P, the circular
 * correlation Σ_t a(t)·w(t+k) has no wrap-around for k &lt; L. a and w of one channel are the real and imaginary parts
 * of one complex transform Z = A + iW, separated by symmetry (A_k = (Z_k + Z̄_{P−k})/2, W_k = (Z_k − Z̄_{P−k})/2i),
 * and Ā_k·W_k is summed over channels in the frequency domain, so a single inverse transform at the end gives the
 * channel average. A chunk is summed once the start times it holds are sure to count (at a segment boundary, when
 * (S − 1)·L has passed its end); {@link #result} adds the start times after the last chunk with one more transform
 * per channel, without changing the sums. The raw (uncentered) second moment is returned: subtract a mean squared if
 * a centered covariance is wanted.
 *
 * <p>Cost: one complex transform of size P per channel and B ≥ L samples, i.e. O(log L) per sample and channel, the
 * order of the one pass that adds the sample. The transforms run {@link ChannelFft#lanes() V} channels at once, one
 * per SIMD lane; the samples are kept in a ring of R = B + 2L per channel, in blocks of 8 channels
 * ({@code [block][R][channel mod 8]}), and the frequency sums of channel c in slot c mod 8, added in channel order
 * with the 8 slots summed at the end: the result is the same on every machine whatever its vector width (and equals
 * the direct estimator up to FFT round-off, ~1e-15 relative). Memory: R ≤ 5L doubles per channel.
 */
public final class StreamingAutocorrelation {

    /** Channels per block of the sample ring and slots of the frequency sums. */
    private static final int BLOCK = ChannelFft.MAX_LANES;

    private final int channels;
    private final int lags;
    private final int blocks;
    /** Start times per chunk, B = P − L + 1. */
    private final int chunk;
    /** Samples kept per channel, R = B + 2L. */
    private final int ring;
    private final ChannelFft fft;
    private final VectorSpecies<Double> species;
    /** The last R samples, [block][sample mod R][channel mod 8]; the padding lanes stay zero. */
    private final double[] samples;
    /** Σ over channels of Re, Im of 4·Ā_k·W_k for k = 0..P/2, [k][slot]. */
    private final double[] sumRe;
    private final double[] sumIm;
    /** Samples added. */
    private long count;
    /** Start times summed (a multiple of B). */
    private long summed;

    /**
     * @param channels number of parallel signals (≥ 1)
     * @param lags     L, the number of lags 0..L−1 (≥ 1)
     */
    public StreamingAutocorrelation(int channels, int lags) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1 (got " + channels + ")");
        }
        if (lags < 1 || lags > (1 << 28)) {
            throw new IllegalArgumentException("lags must be in [1, 2^28] (got " + lags + ")");
        }
        this.channels = channels;
        this.lags = lags;
        this.blocks = (channels + BLOCK - 1) / BLOCK;
        int size = fftSize(lags);
        this.chunk = size - lags + 1;
        this.ring = chunk + 2 * lags;
        this.fft = new ChannelFft(size);
        this.species = ChannelFft.S;
        this.samples = new double[Math.multiplyExact(blocks * BLOCK, ring)];
        this.sumRe = new double[(size / 2 + 1) * BLOCK];
        this.sumIm = new double[sumRe.length];
    }

    /** P: the power of two ≥ 2L − 1 (at least 2). */
    static int fftSize(int lags) {
        return Math.max(2, Integer.highestOneBit(Math.max(1, 2 * lags - 2)) << 1);
    }

    /** Doubles kept per channel for {@code lags} lags (R, for memory estimates): at most 5·lags. */
    public static long doublesPerChannel(int lags) {
        return fftSize(lags) - lags + 1 + 2L * lags;
    }

    /** Adds one time sample: {@code values[offset + c]} for channel c. */
    public void add(double[] values, int offset) {
        int pos = (int) (count % ring);
        double[] buf = samples;
        for (int b = 0, c = 0; b < blocks; b++, c += BLOCK) {
            int base = (b * ring + pos) * BLOCK;
            int end = Math.min(BLOCK, channels - c);
            for (int l = 0; l < end; l++) {
                buf[base + l] = values[offset + c + l];
            }
        }
        count++;
        if (count % lags == 0) {
            // (S − 1)·L start times will count whatever follows: sum the chunks that end before
            long sure = count - lags;
            while (summed + chunk <= sure) {
                accumulate(summed, chunk, sumRe, sumIm);
                summed += chunk;
            }
        }
    }

    /**
     * Adds to {@code re, im} the transforms' products of the {@code starts} start times from {@code from}: a = samples
     * [from, from + starts), w = samples [from, from + starts + L − 1), both held by the ring.
     */
    private void accumulate(long from, int starts, double[] re, double[] im) {
        int p = fft.size();
        int v = fft.lanes();
        int window = starts + lags - 1;
        double[] zr = fft.re;
        double[] zi = fft.im;
        double[] buf = samples;
        int first = (int) (from % ring);
        for (int b = 0; b < blocks; b++) {
            int rowBase = b * ring;
            for (int lane0 = 0; lane0 < BLOCK; lane0 += v) {
                fft.forward(buf, rowBase, first, ring, BLOCK, lane0, starts, window);
                // with Z_k = a + ib and Z_{P−k} = c + id: 4·Ā_k·W_k = [(a+c)(b+d) + (b−d)(c−a)] + i[(c+a)(c−a) + (d+b)(d−b)]
                for (int k = 0; k <= p / 2; k++) {
                    int k2 = (p - k) & (p - 1);
                    DoubleVector ar = DoubleVector.fromArray(species, zr, k * v);
                    DoubleVector ai = DoubleVector.fromArray(species, zi, k * v);
                    DoubleVector cr = DoubleVector.fromArray(species, zr, k2 * v);
                    DoubleVector ci = DoubleVector.fromArray(species, zi, k2 * v);
                    DoubleVector real = ar.add(cr).mul(ai.add(ci)).add(ai.sub(ci).mul(cr.sub(ar)));
                    DoubleVector imag = cr.add(ar).mul(cr.sub(ar)).add(ci.add(ai).mul(ci.sub(ai)));
                    int o = k * BLOCK + lane0;
                    DoubleVector.fromArray(species, re, o).add(real).intoArray(re, o);
                    DoubleVector.fromArray(species, im, o).add(imag).intoArray(im, o);
                }
            }
        }
    }

    /** Number of start times used per lag so far: (complete segments − 1)·L. */
    public long pairsPerLag() {
        long segments = count / lags;
        return segments > 1 ? (segments - 1) * lags : 0L;
    }

    /** Number of lags L. */
    public int lags() {
        return lags;
    }

    /**
     * The channel- and time-averaged autocorrelation at lags 0..L−1 (in samples). Does not change the state: more
     * samples may follow.
     *
     * @throws IllegalStateException if fewer than 2L samples were added
     */
    public double[] result() {
        long pairs = pairsPerLag();
        if (pairs == 0) {
            throw new IllegalStateException("autocorrelation needs at least 2*lags = " + (2 * lags)
                    + " samples (got " + count + ")");
        }
        double[] re = sumRe;
        double[] im = sumIm;
        if (pairs > summed) {
            // the start times after the last chunk (fewer than B): one more transform per channel, on copies
            re = Arrays.copyOf(sumRe, sumRe.length);
            im = Arrays.copyOf(sumIm, sumIm.length);
            accumulate(summed, (int) (pairs - summed), re, im);
        }
        int p = fft.size();
        // JTransforms' packed real spectrum: [Re 0, Re P/2, Re 1, Im 1, ..., Re P/2−1, Im P/2−1]
        double[] inv = new double[p];
        for (int k = 0; k <= p / 2; k++) {
            double sr = 0.0;
            double si = 0.0;
            for (int slot = 0; slot < BLOCK; slot++) {
                sr += re[k * BLOCK + slot];
                si += im[k * BLOCK + slot];
            }
            if (k == 0) {
                inv[0] = 0.25 * sr;
            } else if (k == p / 2) {
                inv[1] = 0.25 * sr;
            } else {
                inv[2 * k] = 0.25 * sr;
                inv[2 * k + 1] = 0.25 * si;
            }
        }
        new DoubleFFT_1D(p).realInverse(inv, true);
        double[] out = new double[lags];
        double norm = 1.0 / ((double) pairs * channels);
        for (int k = 0; k < lags; k++) {
            out[k] = inv[k] * norm;
        }
        return out;
    }
}
