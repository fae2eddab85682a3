package org.chaoslab.analysis;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 *
 * <p>In the background mode ({@link #StreamingAutocorrelation(int, int, boolean)}) the chunks are summed by one worker
 * thread, in the same order and by the same code, so the result is the same to the last bit; {@link #add} then only
 * stores the sample (and waits for the worker in the rare case that it is a whole chunk behind), and the ring holds
 * one chunk more (R = 2B + 2L) so that the worker can lag the stream. For a simulator that leaves a processor idle
 * (at N = 500 the transforms cost a fifth of a network step). {@link #close} stops the worker; an instance that is
 * not closed keeps a parked daemon thread until it is collected.
 */
public final class StreamingAutocorrelation implements AutoCloseable {

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
    /** The last R samples, [block][sample mod R][channel mod 8]; the padding lanes stay zero. */
    private final double[] samples;
    /** Σ over channels of Re, Im of 4·Ā_k·W_k for k = 0..P/2, [k][slot]. */
    private final double[] sumRe;
    private final double[] sumIm;
    /** Samples added. */
    private long count;
    /** Start times summed or handed to the worker (a multiple of B). */
    private long summed;
    /** The worker of the background mode (created with the first chunk), null in the synchronous mode or once closed. */
    private ExecutorService worker;
    private final boolean background;
    /** The chunk the worker is summing, and its first start time (to keep the ring from overwriting its samples). */
    private Future<?> pending;
    private long pendingFrom;
    private boolean closed;

    /**
     * @param channels number of parallel signals (≥ 1)
     * @param lags     L, the number of lags 0..L−1 (≥ 1)
     */
    public StreamingAutocorrelation(int channels, int lags) {
        this(channels, lags, false);
    }

    /**
     * @param channels   number of parallel signals (≥ 1)
     * @param lags       L, the number of lags 0..L−1 (≥ 1)
     * @param background whether chunks are summed by a worker thread (see the class comment); the result is the same
     */
    public StreamingAutocorrelation(int channels, int lags, boolean background) {
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
        this.background = background;
        this.ring = (int) doublesPerChannel(lags, background);
        this.fft = new ChannelFft(size);
        this.samples = new double[Math.multiplyExact(blocks * BLOCK, ring)];
        this.sumRe = new double[(size / 2 + 1) * BLOCK];
        this.sumIm = new double[sumRe.length];
    }

    /** P: the power of two ≥ 2L − 1 (at least 2). */
    static int fftSize(int lags) {
        return Math.max(2, Integer.highestOneBit(Math.max(1, 2 * lags - 2)) << 1);
    }

    /**
     * Samples kept per channel for {@code lags} lags (R, for memory estimates): B + 2L ≤ 5L, in the background mode
     * 2B + 2L ≤ 8L.
     */
    public static long doublesPerChannel(int lags, boolean background) {
        long chunkSize = fftSize(lags) - lags + 1;
        return (background ? 2 : 1) * chunkSize + 2L * lags;
    }

    /** Adds one time sample: {@code values[offset + c]} for channel c. */
    public void add(double[] values, int offset) {
        if (!background) {
            Runnable due = addDeferred(values, offset);
            if (due != null) {
                due.run();
            }
            return;
        }
        if (pending != null && count - ring >= pendingFrom) {
            awaitWorker();   // the slot to write still holds a sample of the chunk being summed
        }
        store(values, offset);
        if (count % lags == 0) {
            // (S − 1)·L start times will count whatever follows: sum the chunks that end before
            long sure = count - lags;
            while (summed + chunk <= sure) {
                if (worker != null || startWorker()) {
                    awaitWorker();   // one chunk at a time, in order
                    long from = summed;
                    pendingFrom = from;
                    pending = worker.submit(() -> accumulate(from, chunk, sumRe, sumIm));
                } else {
                    accumulate(summed, chunk, sumRe, sumIm);   // closed: in the caller
                }
                summed += chunk;
            }
        }
    }

    /**
     * {@link #add} that leaves the chunks this sample completes to the caller: returns the work of summing them, to be
     * run (on any thread, e.g. beside another instance's) before the next {@code add}, {@code addDeferred} or
     * {@link #result}; null when the sample completes none. The sums are formed by the same code in the same order as
     * {@code add} forms them: the result is the same to the last bit. Not in the background mode.
     */
    public Runnable addDeferred(double[] values, int offset) {
        if (background) {
            throw new IllegalStateException("addDeferred is not for the background mode");
        }
        store(values, offset);
        if (count % lags != 0) {
            return null;
        }
        // (S − 1)·L start times will count whatever follows: the chunks that end before are due
        long sure = count - lags;
        long from = summed;
        int due = 0;
        while (summed + chunk <= sure) {
            summed += chunk;
            due++;
        }
        if (due == 0) {
            return null;
        }
        int chunks = due;
        return () -> {
            for (int k = 0; k < chunks; k++) {
                accumulate(from + (long) k * chunk, chunk, sumRe, sumIm);
            }
        };
    }

    /** Writes one time sample into the ring. */
    private void store(double[] values, int offset) {
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
        // the species from a static final field, a constant to C2: read from an instance field it was not, and in a
        // simulation the frequency loop below ran at half speed (in a program that ran the estimator alone it did not)
        VectorSpecies<Double> species = ChannelFft.S;
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

    /** Starts the worker of the background mode (false once closed: chunks are then summed in the caller). */
    private boolean startWorker() {
        if (closed) {
            return false;
        }
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "chaoslab-autocorrelation");
            t.setDaemon(true);
            return t;
        });
        return true;
    }

    /** Waits until the worker has summed its chunk; rethrows what it threw. */
    private void awaitWorker() {
        Future<?> f = pending;
        if (f == null) {
            return;
        }
        pending = null;
        await(f);
    }

    /**
     * Runs {@code here} in the calling thread while {@code there} runs on {@code helper}, and returns when both are
     * done (e.g. the chunks two instances' {@link #addDeferred} handed out); rethrows what either threw.
     */
    public static void runBeside(Runnable here, Runnable there, ExecutorService helper) {
        Future<?> f = helper.submit(there);
        try {
            here.run();
        } finally {
            await(f);
        }
    }

    /** Waits for {@code f} whatever interrupts come (and keeps the interrupt); rethrows what it threw. */
    private static void await(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for the worker and stops it; later chunks, if samples follow, are summed in the caller. Idempotent; a
     * no-op in the synchronous mode.
     */
    @Override
    public void close() {
        awaitWorker();
        closed = true;
        if (worker != null) {
            worker.shutdown();
            worker = null;
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
        awaitWorker();
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
