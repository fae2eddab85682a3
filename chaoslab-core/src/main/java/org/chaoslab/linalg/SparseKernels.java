package org.chaoslab.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Hand-written row kernels of the compressed-row product of a fixed in-degree matrix ({@link FixedInDegreeMatrix}):
 * out[i] = Σ_{q&lt;K} w_q·x[base + c_q] over the K stored entries of row i. Each row is one dot product with a fixed
 * summation order, so the result never depends on the thread count.
 *
 * <p><b>Layout</b> (one int[] stream per row, {@link FixedInDegreeMatrix}): the entries in groups of
 * {@value #GROUP}, each group its {@value #GROUP} column indices followed by their {@value #GROUP} weights (float bits);
 * the last K mod {@value #GROUP} entries as r indices followed by r weights. One interleaved stream instead of two arrays:
 * measured at N = 10⁶, K = 500 on one core (Zen 4) the two-array layout ran at 1.3–3.4 ns per entry depending on how the
 * JVM happened to place the two arrays relative to each other (cache-set aliasing of the two streams), the interleaved
 * one at 1.05–1.3 ns whatever the placement.
 *
 * <p><b>Two kernels</b> of the same loop, both kept because which is faster depends on the machine ({@link #rows} uses
 * the gather kernel unless the system property {@code chaoslab.sparse.kernel=scalar}):
 * <ul>
 *   <li>{@link #gatherRow}: SIMD (JDK Vector API), per vector of F.length() ≤ {@value #GROUP} lanes a gather
 *       {@code FloatVector.fromArray(F, x, base, d, j)} (the group's indices are the index map) times the weights
 *       reinterpreted from the same int stream, alternately into two float accumulators (hiding the FMA latency); the
 *       lanes summed in double in lane order, the last K mod {@value #GROUP} entries added one by one in double. (A
 *       masked gather for the remainder is not used: the JDK checks the indices of masked-off lanes too.)</li>
 *   <li>{@link #scalarRow}: plain loads into four interleaved float accumulators (entry q into accumulator q mod 4),
 *       summed in double; the remainder in double.</li>
 * </ul>
 * Products are float·float in float lanes (as {@link DotKernels} for float32 storage): each accumulator is a chain of
 * at most about K/4 float FMAs, a relative rounding error of at most that many units of 2⁻²⁴ (bounded in the test).
 * The gather kernel's sums depend on the lane count of the machine's preferred species (as {@link DotKernels}'), not on
 * the threads.
 */
public final class SparseKernels {

    /** Entries per interleaved group: 16 indices, then 16 weights. */
    public static final int GROUP = 16;

    /** The machine's preferred float species, at most {@value #GROUP} lanes (512-bit on AVX-512, 256-bit on AVX2). */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.length() <= GROUP
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = F.length() == 16 ? IntVector.SPECIES_512
            : F.length() == 8 ? IntVector.SPECIES_256 : F.length() == 4 ? IntVector.SPECIES_128 : IntVector.SPECIES_64;

    /** Per-thread scratch for the accumulators' lanes (summed by scalar code in lane order). */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[F.length()]);

    /**
     * Which kernel {@link #rows} uses: the gather kernel unless the system property {@code chaoslab.sparse.kernel} is
     * {@code scalar} (read once; for benchmarks). Both give results that do not depend on the thread count, but not the
     * same rounding as each other.
     */
    static final boolean GATHER = !"scalar".equalsIgnoreCase(System.getProperty("chaoslab.sparse.kernel"));

    private SparseKernels() {
    }

    /** The kernel {@link #rows} uses: "gather" (SIMD) or "scalar". */
    public static String kernel() {
        return GATHER ? "gather" : "scalar";
    }

    /** Lanes of the gather kernel's vectors on this machine. */
    public static int lanes() {
        return F.length();
    }

    /**
     * out[outBase + i] = Σ_q w_q·x[xBase + c_q] for rows i in [from, to) of one chunk {@code d}, row i at offset
     * (i − first)·2K of the chunk whose first row is {@code first}.
     */
    static void rows(int[] d, int k, int first, float[] x, int xBase, double[] out, int outBase, int from, int to) {
        float[] lanes = GATHER ? LANES.get() : null;
        for (int i = from; i < to; i++) {
            int o = (i - first) * 2 * k;
            out[outBase + i] = GATHER ? gatherRow(d, o, k, x, xBase, lanes) : scalarRow(d, o, k, x, xBase);
        }
    }

    /** One row at offset {@code o} of {@code d} by SIMD gathers (see the class comment); {@code lanes}: F.length() floats. */
    public static double gatherRow(int[] d, int o, int k, float[] x, int xBase, float[] lanes) {
        int l = F.length();
        int groups = k / GROUP;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        int j = o;
        int end = o + 2 * GROUP * groups;
        if (l == GROUP) {
            // one vector per group, groups alternately into s0 and s1
            for (; j + 4 * GROUP <= end; j += 4 * GROUP) {
                s0 = IntVector.fromArray(I, d, j + GROUP).reinterpretAsFloats().fma(FloatVector.fromArray(F, x, xBase, d, j), s0);
                s1 = IntVector.fromArray(I, d, j + 3 * GROUP).reinterpretAsFloats()
                        .fma(FloatVector.fromArray(F, x, xBase, d, j + 2 * GROUP), s1);
            }
            if (j < end) {
                s0 = IntVector.fromArray(I, d, j + GROUP).reinterpretAsFloats().fma(FloatVector.fromArray(F, x, xBase, d, j), s0);
                j += 2 * GROUP;
            }
        } else {
            // GROUP/l vectors per group, alternately into s0 and s1
            boolean first = true;
            for (; j < end; j += 2 * GROUP) {
                for (int h = 0; h < GROUP; h += l) {
                    FloatVector p = FloatVector.fromArray(F, x, xBase, d, j + h);
                    FloatVector w = IntVector.fromArray(I, d, j + GROUP + h).reinterpretAsFloats();
                    if (first) {
                        s0 = w.fma(p, s0);
                    } else {
                        s1 = w.fma(p, s1);
                    }
                    first = !first;
                }
            }
        }
        double s = 0.0;
        if (groups > 0) {
            s0.add(s1).intoArray(lanes, 0);
            for (int q = 0; q < l; q++) {
                s += lanes[q];
            }
        }
        int r = k - GROUP * groups;
        for (int q = 0; q < r; q++) {
            s += (double) Float.intBitsToFloat(d[j + r + q]) * x[xBase + d[j + q]];
        }
        return s;
    }

    /** One row at offset {@code o} of {@code d} by scalar loads (see the class comment). */
    public static double scalarRow(int[] d, int o, int k, float[] x, int xBase) {
        int groups = k / GROUP;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = o;
        for (int g = 0; g < groups; g++, j += 2 * GROUP) {
            for (int h = 0; h < GROUP; h += 4) {
                s0 = Math.fma(Float.intBitsToFloat(d[j + GROUP + h]), x[xBase + d[j + h]], s0);
                s1 = Math.fma(Float.intBitsToFloat(d[j + GROUP + h + 1]), x[xBase + d[j + h + 1]], s1);
                s2 = Math.fma(Float.intBitsToFloat(d[j + GROUP + h + 2]), x[xBase + d[j + h + 2]], s2);
                s3 = Math.fma(Float.intBitsToFloat(d[j + GROUP + h + 3]), x[xBase + d[j + h + 3]], s3);
            }
        }
        double s = ((double) s0 + s1) + ((double) s2 + s3);
        int r = k - GROUP * groups;
        for (int q = 0; q < r; q++) {
            s += (double) Float.intBitsToFloat(d[j + r + q]) * x[xBase + d[j + q]];
        }
        return s;
    }
}
