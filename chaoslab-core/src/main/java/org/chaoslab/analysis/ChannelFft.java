package org.chaoslab.analysis;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Complex FFTs of size P (a power of two) of several independent signals at once, one signal per SIMD lane (JDK
 * Vector API): the work arrays hold {@code re[t·V + lane]}, {@code im[t·V + lane]}, so every butterfly is a handful of
 * whole-vector operations and no lane ever reads another. Each lane therefore performs exactly the scalar arithmetic
 * of a radix-2 decimation-in-time FFT — additions, subtractions and multiplications, never fused, with twiddles from
 * {@link StrictMath} — and its result does not depend on the lane count V of the machine, on the JIT or on the other
 * lanes. Used by {@link StreamingAutocorrelation}, whose cost it is (one transform per channel and segment of lags).
 *
 * <p>Not thread-safe: one instance per owner, work arrays reused from transform to transform.
 */
final class ChannelFft {

    /**
     * The widest double vector used: 8 lanes (512 bits). Wider vectors (ARM SVE allows up to 2048 bits) would not
     * help a transform that already streams through the L2 cache, and callers block their channels by this count.
     */
    static final int MAX_LANES = 8;
    /** The species of the work vectors: {@link #lanes()} lanes. */
    static final VectorSpecies<Double> S = species();

    private final int size;
    private final int lanes;
    /** Bit-reversal permutation of 0..P−1. */
    private final int[] reversed;
    /** Twiddles of the stage whose butterflies span h: e^{−iπj/h} = twRe[h + j] + i·twIm[h + j], j &lt; h. */
    private final double[] twRe;
    private final double[] twIm;
    /** Points per block of the depth-first order: the largest stage span whose block of work fits 16 KB. */
    private final int block;
    /** Work arrays, [t][lane]. */
    final double[] re;
    final double[] im;

    /** Transforms of size {@code size} (a power of two, ≥ 2). */
    ChannelFft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2 (got " + size + ")");
        }
        this.size = size;
        this.lanes = S.length();
        int bits = Integer.numberOfTrailingZeros(size);
        reversed = new int[size];
        for (int t = 0; t < size; t++) {
            reversed[t] = Integer.reverse(t) >>> (32 - bits);
        }
        twRe = new double[size];
        twIm = new double[size];
        for (int h = 1; h < size; h <<= 1) {
            for (int j = 0; j < h; j++) {
                twRe[h + j] = cosPi((double) j / h);
                twIm[h + j] = -sinPi((double) j / h);
            }
        }
        re = new double[size * lanes];
        im = new double[size * lanes];
        int fits = Math.max(2, 1024 / lanes);   // 16 KB of complex doubles on every lane
        int span = (bits & 1) == 1 ? 2 : 4;
        int b = span;
        for (; span <= size; span *= 4) {
            if (span <= fits) {
                b = span;
            }
        }
        block = Math.min(b, size);
    }

    /** Lanes per vector on this machine (1, 2, 4 or 8): signals transformed at once. */
    int lanes() {
        return lanes;
    }

    /** The transform size P. */
    int size() {
        return size;
    }

    /**
     * Loads z(t) = a(t) + i·w(t) of each lane and replaces the work arrays by its forward transform
     * Z_k = Σ_t z(t) e^{−2πitk/P}, in natural order of k. The samples come from a ring of rows of {@code stride}
     * doubles: sample t of lane l is {@code src[(rowBase + (first + t) mod ring)·stride + lane0 + l]}; a(t) is that
     * sample for t &lt; {@code starts} and 0 beyond, w(t) the sample for t &lt; {@code window} and 0 beyond.
     *
     * <p>Radix-2 decimation in time: a radix-2 pass when log2 P is odd, then radix-4 passes (two radix-2 stages fused,
     * so each point is loaded and stored once per two stages). The input goes in bit-reversed order, and the work
     * arrays (P·V complex numbers, 128 KB at P = 1024 on 8 lanes) do not fit the L1 cache; so the transform runs depth
     * first: each block of points that fits is loaded and taken through all the stages that stay inside it, and only
     * the last stages pass over the whole arrays. A block of b points holds the samples t ≡ rev(first point) modulo
     * P/b: they are read in time order, at a constant stride the hardware prefetches (read in the block's point order,
     * each sample was a cache miss of its own; where the rings do not stay in the L3 cache — two signals of 500
     * channels at 301 lags, 8 MB — the transforms took 30–40 % longer). The order of independent loads and butterflies
     * does not change the results.
     */
    void forward(double[] src, int rowBase, int first, int ring, int stride, int lane0, int starts, int window) {
        int v = lanes;
        double[] r = re;
        double[] m = im;
        int[] rev = reversed;
        DoubleVector zero = DoubleVector.zero(S);
        int spacing = size / block;
        for (int b0 = 0; b0 < size; b0 += block) {
            // the block's points p = rev(t) hold the samples t ≡ rev(b0) (mod P/block): read them in time order
            for (int t = rev[b0]; t < size; t += spacing) {
                int o = rev[t] * v;
                if (t < window) {
                    int pos = first + t;
                    if (pos >= ring) {
                        pos -= ring;
                    }
                    DoubleVector x = DoubleVector.fromArray(S, src, (rowBase + pos) * stride + lane0);
                    x.intoArray(m, o);
                    if (t < starts) {
                        x.intoArray(r, o);
                    } else {
                        zero.intoArray(r, o);
                    }
                } else {
                    zero.intoArray(r, o);
                    zero.intoArray(m, o);
                }
            }
            stages(b0, b0 + block, 1, block);
        }
        stages(0, size, block, size);
    }

    /**
     * The stages whose butterflies span more than {@code fromSpan} and at most {@code toSpan} points, on points
     * [from, to) (a multiple of the largest span).
     */
    private void stages(int from, int to, int fromSpan, int toSpan) {
        int h = 1;
        if ((Integer.numberOfTrailingZeros(size) & 1) == 1) {
            if (2 > fromSpan && 2 <= toSpan) {
                radix2(from, to);
            }
            h = 2;
        }
        for (; h < size; h <<= 2) {
            if (4 * h > fromSpan && 4 * h <= toSpan) {
                radix4(h, from, to);
            }
        }
    }

    /** The stage of span 2 (twiddle 1) on points [from, to). */
    private void radix2(int from, int to) {
        int v = lanes;
        double[] r = re;
        double[] m = im;
        for (int b = from; b < to; b += 2) {
            int i0 = b * v;
            int i1 = i0 + v;
            DoubleVector ur = DoubleVector.fromArray(S, r, i0);
            DoubleVector ui = DoubleVector.fromArray(S, m, i0);
            DoubleVector xr = DoubleVector.fromArray(S, r, i1);
            DoubleVector xi = DoubleVector.fromArray(S, m, i1);
            ur.add(xr).intoArray(r, i0);
            ui.add(xi).intoArray(m, i0);
            ur.sub(xr).intoArray(r, i1);
            ui.sub(xi).intoArray(m, i1);
        }
    }

    /**
     * The radix-2 stages of spans 2h and 4h in one pass, on points [from, to). For j &lt; h, points x0..x3 at b + j + {0, h, 2h, 3h}:
     * a0,1 = x0 ± w·x1 and a2,3 = x2 ± w·x3 with w = e^{−iπj/h} (stage of span 2h), then y0,2 = a0 ± u·a2 and
     * y1,3 = a1 ± (−iu)·a3 with u = e^{−iπj/2h} (stage of span 4h, whose twiddle at j + h is −iu).
     */
    private void radix4(int h, int from, int to) {
        int v = lanes;
        double[] r = re;
        double[] m = im;
        int span = 4 * h;
        for (int b = from; b < to; b += span) {
            for (int j = 0; j < h; j++) {
                int i0 = (b + j) * v;
                int i1 = i0 + h * v;
                int i2 = i1 + h * v;
                int i3 = i2 + h * v;
                DoubleVector wr = DoubleVector.broadcast(S, twRe[h + j]);
                DoubleVector wi = DoubleVector.broadcast(S, twIm[h + j]);
                DoubleVector ur = DoubleVector.broadcast(S, twRe[2 * h + j]);
                DoubleVector ui = DoubleVector.broadcast(S, twIm[2 * h + j]);
                DoubleVector nwi = DoubleVector.broadcast(S, -twIm[h + j]);
                DoubleVector nui = DoubleVector.broadcast(S, -twIm[2 * h + j]);
                DoubleVector nur = DoubleVector.broadcast(S, -twRe[2 * h + j]);
                DoubleVector x1r = DoubleVector.fromArray(S, r, i1);
                DoubleVector x1i = DoubleVector.fromArray(S, m, i1);
                DoubleVector t1r = x1r.fma(wr, x1i.mul(nwi));
                DoubleVector t1i = x1r.fma(wi, x1i.mul(wr));
                DoubleVector x0r = DoubleVector.fromArray(S, r, i0);
                DoubleVector x0i = DoubleVector.fromArray(S, m, i0);
                DoubleVector a0r = x0r.add(t1r);
                DoubleVector a0i = x0i.add(t1i);
                DoubleVector a1r = x0r.sub(t1r);
                DoubleVector a1i = x0i.sub(t1i);
                DoubleVector x3r = DoubleVector.fromArray(S, r, i3);
                DoubleVector x3i = DoubleVector.fromArray(S, m, i3);
                DoubleVector t3r = x3r.fma(wr, x3i.mul(nwi));
                DoubleVector t3i = x3r.fma(wi, x3i.mul(wr));
                DoubleVector x2r = DoubleVector.fromArray(S, r, i2);
                DoubleVector x2i = DoubleVector.fromArray(S, m, i2);
                DoubleVector a2r = x2r.add(t3r);
                DoubleVector a2i = x2i.add(t3i);
                DoubleVector a3r = x2r.sub(t3r);
                DoubleVector a3i = x2i.sub(t3i);
                // u·a2, and (−iu)·a3 = (ui·a3r + ur·a3i) + i(ui·a3i − ur·a3r)
                DoubleVector s2r = a2r.fma(ur, a2i.mul(nui));
                DoubleVector s2i = a2r.fma(ui, a2i.mul(ur));
                DoubleVector s3r = a3r.fma(ui, a3i.mul(ur));
                DoubleVector s3i = a3i.fma(ui, a3r.mul(nur));
                a0r.add(s2r).intoArray(r, i0);
                a0i.add(s2i).intoArray(m, i0);
                a0r.sub(s2r).intoArray(r, i2);
                a0i.sub(s2i).intoArray(m, i2);
                a1r.add(s3r).intoArray(r, i1);
                a1i.add(s3i).intoArray(m, i1);
                a1r.sub(s3r).intoArray(r, i3);
                a1i.sub(s3i).intoArray(m, i3);
            }
        }
    }

    /** The species: the machine's preferred double vector, at most {@link #MAX_LANES} lanes. */
    private static VectorSpecies<Double> species() {
        VectorSpecies<Double> preferred = DoubleVector.SPECIES_PREFERRED;
        return preferred.length() <= MAX_LANES ? preferred : DoubleVector.SPECIES_512;
    }

    /** cos(πx) for x in [0, 1), exact at 0 and ½, from {@link StrictMath} (the same bits on every machine). */
    private static double cosPi(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 0.5) {
            return 0.0;
        }
        return StrictMath.cos(Math.PI * x);
    }

    /** sin(πx) for x in [0, 1), exact at 0 and ½. */
    private static double sinPi(double x) {
        if (x == 0.0) {
            return 0.0;
        }
        if (x == 0.5) {
            return 1.0;
        }
        return StrictMath.sin(Math.PI * x);
    }
}
