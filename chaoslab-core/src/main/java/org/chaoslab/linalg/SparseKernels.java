package org.chaoslab.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Hand-written row kernels of the compressed-row product of a fixed in-degree matrix ({@link FixedInDegreeMatrix}):
 * out[i] = Σ_{k&lt;K} w[o + k]·x[base + c[o + k]] for the K stored entries of row i at offset o of its chunk. Each row
 * is one dot product with a fixed summation order, so the result never depends on the thread count.
 *
 * <p>Two forms of the same loop, both kept because which is faster depends on the machine:
 * <ul>
 *   <li>{@link #gatherRow}: SIMD (JDK Vector API) with gathers, {@code FloatVector.fromArray(F, x, base, c, o + k)},
 *       two independent float accumulators of F.length() lanes (hiding the FMA latency), the lanes summed in double
 *       in lane order, the K mod 2·F.length() entries left over added one by one in double;</li>
 *   <li>{@link #scalarRow}: plain loads in four interleaved float accumulators (entry k goes to accumulator k mod 4),
 *       summed in double, the K mod 4 left over in double.</li>
 * </ul>
 * The products are float·float in float lanes (as {@link DotKernels} does for float32 storage): per accumulator a
 * chain of about K/(2·F.length()) or K/4 float FMAs, a relative rounding error of at most that many units of 2⁻²⁴.
 * Measured on the benchmark machine (AMD EPYC, Zen 4, AVX-512; N = 10⁵, K = 1000, one thread): see
 * {@code docs/sparse.md}; the matrix uses {@link #rows}, which calls the kernel chosen there.
 */
public final class SparseKernels {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Per-thread scratch for the two accumulators' lanes (summed by scalar code in lane order). */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[2 * F.length()]);

    /**
     * Which kernel {@link #rows} uses: the gather kernel unless the system property {@code chaoslab.sparse.kernel}
     * is {@code scalar} (read once; for benchmarks). Both give results that do not depend on the thread count, but not
     * the same rounding as each other.
     */
    static final boolean GATHER = !"scalar".equalsIgnoreCase(System.getProperty("chaoslab.sparse.kernel"));

    private SparseKernels() {
    }

    /** The kernel {@link #rows} uses: "gather" (SIMD) or "scalar". */
    public static String kernel() {
        return GATHER ? "gather" : "scalar";
    }

    /**
     * out[outBase + i] = Σ_k w[o_i + k]·x[xBase + c[o_i + k]] for rows i in [from, to) of one chunk, o_i = (i − first)·K
     * the offset of row i in the chunk whose first row is {@code first}.
     */
    static void rows(float[] w, int[] c, int k, int first, float[] x, int xBase, double[] out, int outBase, int from,
                     int to) {
        float[] lanes = GATHER ? LANES.get() : null;
        for (int i = from; i < to; i++) {
            int o = (i - first) * k;
            out[outBase + i] = GATHER ? gatherRow(w, c, o, k, x, xBase, lanes) : scalarRow(w, c, o, k, x, xBase);
        }
    }

    /** One row by SIMD gathers (see the class comment); {@code lanes} is scratch of 2·F.length() floats. */
    public static double gatherRow(float[] w, int[] c, int o, int k, float[] x, int xBase, float[] lanes) {
        int l = F.length();
        int bound = k - k % (2 * l);
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        int j = 0;
        for (; j < bound; j += 2 * l) {
            FloatVector x0 = FloatVector.fromArray(F, x, xBase, c, o + j);
            FloatVector x1 = FloatVector.fromArray(F, x, xBase, c, o + j + l);
            s0 = FloatVector.fromArray(F, w, o + j).fma(x0, s0);
            s1 = FloatVector.fromArray(F, w, o + j + l).fma(x1, s1);
        }
        double s = 0.0;
        if (bound > 0) {
            s0.add(s1).intoArray(lanes, 0);
            for (int q = 0; q < l; q++) {
                s += lanes[q];
            }
        }
        for (; j < k; j++) {
            s += (double) w[o + j] * x[xBase + c[o + j]];
        }
        return s;
    }

    /** One row by scalar loads (see the class comment). */
    public static double scalarRow(float[] w, int[] c, int o, int k, float[] x, int xBase) {
        int bound = k & ~3;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j < bound; j += 4) {
            int p = o + j;
            s0 = Math.fma(w[p], x[xBase + c[p]], s0);
            s1 = Math.fma(w[p + 1], x[xBase + c[p + 1]], s1);
            s2 = Math.fma(w[p + 2], x[xBase + c[p + 2]], s2);
            s3 = Math.fma(w[p + 3], x[xBase + c[p + 3]], s3);
        }
        double s = ((double) s0 + s1) + ((double) s2 + s3);
        for (; j < k; j++) {
            s += (double) w[o + j] * x[xBase + c[o + j]];
        }
        return s;
    }
}
