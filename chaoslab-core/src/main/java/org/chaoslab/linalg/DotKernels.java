package org.chaoslab.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Hand-written SIMD dot products (JDK Vector API) for the matrix–vector product of one trajectory,
 * the hot loop of the simulator. BLAS gemv would do the same arithmetic, but its threading splits
 * rows differently with the thread count; here each row is one dot product with a fixed reduction
 * order, so results never depend on the number of threads. Four independent accumulators hide the
 * FMA latency. {@link #rows} computes rows four at a time (each load of the vector serves four rows,
 * two accumulators per row) and the rows left over one at a time; since the row blocks are fixed, which
 * rows go through which kernel is fixed too. Benchmarked in chaoslab-bench.
 *
 * <p>{@link #columns} is the batched product J·B (narrow tiles of tangent vectors, layer inputs, float32 replicas and
 * stimuli; float64 replicas, gain-sweep columns, stimuli and wide tangent tiles use the faster {@link PanelProduct}) on
 * machines without native BLAS, and {@link #gemmTN} the Gram-type products AᵀB of the Lyapunov QR there: netlib's
 * scalar Java BLAS is deterministic but slow, its Vector-API BLAS fast but JIT-dependent in its lane reductions; this
 * kernel is both fast and deterministic (measured at N = 2000 on 2 threads: 21–25 GFLOP/s for 64–256 columns, where the
 * scalar Java BLAS gave 2–8).
 */
public final class DotKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /**
     * F.length() zeros then F.length() ones: the vector loaded at offset r has its last r lanes 1, the others 0 (the
     * weights of a tail vector whose first lanes were summed already). Multiplying by 0 or 1 is exact.
     */
    private static final float[] TAIL_WEIGHTS = new float[2 * F.length()];

    static {
        java.util.Arrays.fill(TAIL_WEIGHTS, F.length(), 2 * F.length(), 1.0f);
    }

    /** Per-thread scratch for the float kernels' accumulators (eight vectors of F), summed by scalar code. */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[8 * F.length()]);

    /** The most float lanes {@link #foldLanes} folds by rotations. */
    private static final int MAX_FOLDED_LANES = 16;
    /** Lane i of the rotated vector is lane (i + l/2^k) mod l: the rotations of {@link #foldLanes}. */
    private static final VectorShuffle<Float> ROTATE_HALF = rotation(2);
    private static final VectorShuffle<Float> ROTATE_QUARTER = rotation(4);
    private static final VectorShuffle<Float> ROTATE_EIGHTH = rotation(8);
    private static final VectorShuffle<Float> ROTATE_SIXTEENTH = rotation(16);

    private static VectorShuffle<Float> rotation(int parts) {
        int l = F.length();
        int by = Math.max(1, l / parts);
        return VectorShuffle.fromOp(F, i -> (i + by) % l);
    }

    private DotKernels() {
    }

    /**
     * out[i] = Σ_k a[start + i·n + k]·b[k] for rows i in [from, to) of the row-major n×n matrix whose entries start at
     * a[start] (the bits do not depend on the start).
     */
    static void rows(double[] a, int start, int n, double[] b, double[] out, int from, int to) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            dot4(a, start + i * n, n, b, out, i);
        }
        for (; i < to; i++) {
            out[i] = dot(a, start + i * n, b, n);
        }
    }

    /**
     * The same for float storage (float lanes, each row's lanes folded in float, {@link #foldLanes}), rows [from, to) of
     * a row-major float array whose row 0, at index {@code start}, is row {@code first} of the matrix (one chunk of a
     * chunked matrix, {@link Float32Matrix}): row i at a[start + (i − first)·n]. Rows go
     * four at a time from {@code from}, the rest one at a time, so a row's bits depend on where it lies in its block,
     * never on the chunking or the start.
     */
    static void rows(float[] a, int start, int first, int n, float[] b, double[] out, int from, int to) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            dot4(a, start + (i - first) * n, n, b, out, i);
        }
        for (; i < to; i++) {
            out[i] = dot(a, start + (i - first) * n, b, n);
        }
    }

    /**
     * The product of rows [from, to) of the row-major n×n matrix a with m column-major columns b (b[c·n + k]):
     * out[c·n + i] = Σ_k a[i·n + k]·b[c·n + k]. Blocks of 2 rows × 4 columns share their loads (each row chunk serves
     * four columns, each column chunk two rows: eight accumulators); leftover columns go two rows at a time with one
     * column, leftover rows through {@link #dot}. Every entry is one dot product with a fixed reduction order — lanes
     * summed in lane order — so the result does not depend on the thread count, the JIT state or a BLAS library.
     */
    public static void columns(double[] a, int n, double[] b, int m, double[] out, int from, int to) {
        columns(a, 0, n, b, 0, m, out, from, to, 1.0, 0.0);
    }

    /**
     * The general form: columns c0 … c0 + m − 1 of b, out[(c0 + c)·n + i] ← α·Σ_k a[i·n + k]·b[(c0 + c)·n + k] +
     * β·out[(c0 + c)·n + i] (β = 0: out is not read), the dgemm("T", "N") of one tile; a's entry (i, k) is
     * {@code a[start + i·n + k]} (a matrix whose entries start on a cache line, {@link AlignedStart}).
     */
    public static void columns(double[] a, int start, int n, double[] b, int c0, int m, double[] out, int from, int to,
                               double alpha, double beta) {
        // column blocks that stay in the L2 cache while the rows stream past them (each entry's arithmetic is the
        // same whatever the blocking)
        int block = Math.max(4, (COLUMN_BLOCK_BYTES / (8 * n)) & ~3);
        for (int cb = 0; cb < m; cb += block) {
            int ce = Math.min(m, cb + block);
            int i = from;
            for (; i + 2 <= to; i += 2) {
                int c = cb;
                for (; c + 4 <= ce; c += 4) {
                    dot2x4(a, start + i * n, n, b, (c0 + c) * n, n, n, out, (c0 + c) * n + i, n, alpha, beta);
                }
                for (; c < ce; c++) {
                    int col = (c0 + c) * n;
                    put(out, col + i, dot(a, start + i * n, b, col, n), alpha, beta);
                    put(out, col + i + 1, dot(a, start + (i + 1) * n, b, col, n), alpha, beta);
                }
            }
            for (; i < to; i++) {
                for (int c = cb; c < ce; c++) {
                    int col = (c0 + c) * n;
                    put(out, col + i, dot(a, start + i * n, b, col, n), alpha, beta);
                }
            }
        }
    }

    /**
     * C ← α·AᵀB + β·C for column-major operands, on the entries (i, j) with i in [i0, i1) and j in [j0, j1) — only
     * those with i ≤ j when {@code upper} (with B = A: the upper triangle of the Gram matrix, dsyrk("U", "T")): entry
     * (i, j) is the dot product of A's column i (a[aOff + i·lda …], len long) and B's column j (b[bOff + j·ldb …]),
     * written to c[cOff + j·ldc + i]; β = 0 does not read C. The pure-Java dgemm("T", "N") of the Lyapunov QR.
     *
     * <p>Blocks of 2 columns of A × 4 of B as {@link #columns}; entries of a block that crosses the diagonal with
     * {@code upper}, and those left over, one at a time through {@link #dot} (whose lanes add in another order). Which
     * entries share a block depends on the call's bounds alone (rows paired from i0, columns grouped from j0), and each
     * entry is one dot product with a fixed reduction order: a caller that splits its work into calls of fixed bounds
     * gets the same bits for any number of threads, and the JIT state does not matter.
     */
    public static void gemmTN(int i0, int i1, int j0, int j1, int len, double alpha, double[] a, int aOff, int lda,
                              double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc, boolean upper) {
        int block = Math.max(4, (COLUMN_BLOCK_BYTES / (8 * Math.max(1, len))) & ~3);
        for (int jb = j0; jb < j1; jb += block) {
            int je = Math.min(j1, jb + block);
            int iEnd = upper ? Math.min(i1, je) : i1;
            int i = i0;
            for (; i + 2 <= iEnd; i += 2) {
                int j = jb;
                for (; j + 4 <= je; j += 4) {
                    if (!upper || i + 1 <= j) {
                        dot2x4(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, len, c, cOff + j * ldc + i, ldc, alpha,
                                beta);
                    } else {
                        for (int jj = j; jj < j + 4; jj++) {
                            entry(i, jj, len, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, upper);
                            entry(i + 1, jj, len, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, upper);
                        }
                    }
                }
                for (; j < je; j++) {
                    entry(i, j, len, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, upper);
                    entry(i + 1, j, len, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, upper);
                }
            }
            for (; i < iEnd; i++) {
                for (int j = jb; j < je; j++) {
                    entry(i, j, len, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, upper);
                }
            }
        }
    }

    /** Entry (i, j) of {@link #gemmTN} alone (nothing below the diagonal with {@code upper}). */
    private static void entry(int i, int j, int len, double alpha, double[] a, int aOff, int lda, double[] b, int bOff,
                              int ldb, double beta, double[] c, int cOff, int ldc, boolean upper) {
        if (!upper || i <= j) {
            put(c, cOff + j * ldc + i, dot(a, aOff + i * lda, b, bOff + j * ldb, len), alpha, beta);
        }
    }

    /** Bytes of the column block of {@link #columns}: half a typical 1–2 MB L2 cache. */
    private static final int COLUMN_BLOCK_BYTES = 512 * 1024;

    /**
     * Float storage: out[c·n + i] = Σ_k a[i·n + k]·b[c·n + k] in float lanes, each entry's lanes summed in double (as
     * {@link #rows(float[], int, int, int, float[], double[], int, int)} does for one column); blocks of 2 rows × 4
     * columns.
     */
    public static void columns(float[] a, int n, float[] b, int m, double[] out, int from, int to) {
        columns(a, 0, 0, n, b, m, out, from, to);
    }

    /**
     * The same for rows [from, to) of a row-major float array whose row 0, at index {@code start}, is row {@code first}
     * of the matrix (a chunk of {@link Float32Matrix}); rows go in pairs from {@code from}, a last odd row alone,
     * whatever the chunking.
     */
    static void columns(float[] a, int start, int first, int n, float[] b, int m, double[] out, int from, int to) {
        float[] lanes = LANES.get();
        int block = Math.max(4, (COLUMN_BLOCK_BYTES / (4 * n)) & ~3);
        for (int cb = 0; cb < m; cb += block) {
            int ce = Math.min(m, cb + block);
            int i = from;
            for (; i + 2 <= to; i += 2) {
                int c = cb;
                for (; c + 4 <= ce; c += 4) {
                    dot2x4(a, start + (i - first) * n, n, b, c * n, out, c * n + i, lanes);
                }
                for (; c < ce; c++) {
                    out[c * n + i] = dot(a, start + (i - first) * n, b, c * n, n);
                    out[c * n + i + 1] = dot(a, start + (i + 1 - first) * n, b, c * n, n);
                }
            }
            for (; i < to; i++) {
                for (int c = cb; c < ce; c++) {
                    out[c * n + i] = dot(a, start + (i - first) * n, b, c * n, n);
                }
            }
        }
    }

    /** Float rows r, r + 1 times columns c … c + 3, as the double version; lanes summed through {@code lanes}. */
    private static void dot2x4(float[] a, int off, int n, float[] b, int bOff, double[] out, int o, float[] lanes) {
        int l = F.length();
        int bound = n - n % l;
        int o1 = off + n;
        int b1 = bOff + n;
        int b2 = bOff + 2 * n;
        int b3 = bOff + 3 * n;
        FloatVector s00 = FloatVector.zero(F);
        FloatVector s01 = FloatVector.zero(F);
        FloatVector s02 = FloatVector.zero(F);
        FloatVector s03 = FloatVector.zero(F);
        FloatVector s10 = FloatVector.zero(F);
        FloatVector s11 = FloatVector.zero(F);
        FloatVector s12 = FloatVector.zero(F);
        FloatVector s13 = FloatVector.zero(F);
        int k = 0;
        for (; k < bound; k += l) {
            FloatVector r0 = FloatVector.fromArray(F, a, off + k);
            FloatVector r1 = FloatVector.fromArray(F, a, o1 + k);
            FloatVector x0 = FloatVector.fromArray(F, b, bOff + k);
            FloatVector x1 = FloatVector.fromArray(F, b, b1 + k);
            FloatVector x2 = FloatVector.fromArray(F, b, b2 + k);
            FloatVector x3 = FloatVector.fromArray(F, b, b3 + k);
            s00 = r0.fma(x0, s00);
            s01 = r0.fma(x1, s01);
            s02 = r0.fma(x2, s02);
            s03 = r0.fma(x3, s03);
            s10 = r1.fma(x0, s10);
            s11 = r1.fma(x1, s11);
            s12 = r1.fma(x2, s12);
            s13 = r1.fma(x3, s13);
        }
        s00.intoArray(lanes, 0);
        s01.intoArray(lanes, l);
        s02.intoArray(lanes, 2 * l);
        s03.intoArray(lanes, 3 * l);
        s10.intoArray(lanes, 4 * l);
        s11.intoArray(lanes, 5 * l);
        s12.intoArray(lanes, 6 * l);
        s13.intoArray(lanes, 7 * l);
        double t00 = sumLanes(lanes, 0, l);
        double t01 = sumLanes(lanes, l, l);
        double t02 = sumLanes(lanes, 2 * l, l);
        double t03 = sumLanes(lanes, 3 * l, l);
        double t10 = sumLanes(lanes, 4 * l, l);
        double t11 = sumLanes(lanes, 5 * l, l);
        double t12 = sumLanes(lanes, 6 * l, l);
        double t13 = sumLanes(lanes, 7 * l, l);
        for (; k < n; k++) {
            double v0 = a[off + k];
            double v1 = a[o1 + k];
            t00 = Math.fma(v0, b[bOff + k], t00);
            t01 = Math.fma(v0, b[b1 + k], t01);
            t02 = Math.fma(v0, b[b2 + k], t02);
            t03 = Math.fma(v0, b[b3 + k], t03);
            t10 = Math.fma(v1, b[bOff + k], t10);
            t11 = Math.fma(v1, b[b1 + k], t11);
            t12 = Math.fma(v1, b[b2 + k], t12);
            t13 = Math.fma(v1, b[b3 + k], t13);
        }
        out[o] = t00;
        out[o + 1] = t10;
        out[o + n] = t01;
        out[o + n + 1] = t11;
        out[o + 2 * n] = t02;
        out[o + 2 * n + 1] = t12;
        out[o + 3 * n] = t03;
        out[o + 3 * n + 1] = t13;
    }

    private static void put(double[] out, int idx, double dot, double alpha, double beta) {
        out[idx] = beta == 0.0 ? alpha * dot : Math.fma(alpha, dot, beta * out[idx]);
    }

    /**
     * Vectors a[off …], a[off + lda …] (len long) dotted with b[bOff …], b[bOff + ldb …], b[bOff + 2·ldb …],
     * b[bOff + 3·ldb …]: result (r, j) at out[o + j·ldo + r], r = 0, 1.
     */
    private static void dot2x4(double[] a, int off, int lda, double[] b, int bOff, int ldb, int len, double[] out, int o,
                               int ldo, double alpha, double beta) {
        int l = D.length();
        int bound = len - len % l;
        int o1 = off + lda;
        int b1 = bOff + ldb;
        int b2 = bOff + 2 * ldb;
        int b3 = bOff + 3 * ldb;
        DoubleVector s00 = DoubleVector.zero(D);
        DoubleVector s01 = DoubleVector.zero(D);
        DoubleVector s02 = DoubleVector.zero(D);
        DoubleVector s03 = DoubleVector.zero(D);
        DoubleVector s10 = DoubleVector.zero(D);
        DoubleVector s11 = DoubleVector.zero(D);
        DoubleVector s12 = DoubleVector.zero(D);
        DoubleVector s13 = DoubleVector.zero(D);
        int k = 0;
        for (; k < bound; k += l) {
            DoubleVector r0 = DoubleVector.fromArray(D, a, off + k);
            DoubleVector r1 = DoubleVector.fromArray(D, a, o1 + k);
            DoubleVector x0 = DoubleVector.fromArray(D, b, bOff + k);
            DoubleVector x1 = DoubleVector.fromArray(D, b, b1 + k);
            DoubleVector x2 = DoubleVector.fromArray(D, b, b2 + k);
            DoubleVector x3 = DoubleVector.fromArray(D, b, b3 + k);
            s00 = r0.fma(x0, s00);
            s01 = r0.fma(x1, s01);
            s02 = r0.fma(x2, s02);
            s03 = r0.fma(x3, s03);
            s10 = r1.fma(x0, s10);
            s11 = r1.fma(x1, s11);
            s12 = r1.fma(x2, s12);
            s13 = r1.fma(x3, s13);
        }
        double t00 = sumLanes(s00);
        double t01 = sumLanes(s01);
        double t02 = sumLanes(s02);
        double t03 = sumLanes(s03);
        double t10 = sumLanes(s10);
        double t11 = sumLanes(s11);
        double t12 = sumLanes(s12);
        double t13 = sumLanes(s13);
        for (; k < len; k++) {
            double v0 = a[off + k];
            double v1 = a[o1 + k];
            t00 = Math.fma(v0, b[bOff + k], t00);
            t01 = Math.fma(v0, b[b1 + k], t01);
            t02 = Math.fma(v0, b[b2 + k], t02);
            t03 = Math.fma(v0, b[b3 + k], t03);
            t10 = Math.fma(v1, b[bOff + k], t10);
            t11 = Math.fma(v1, b[b1 + k], t11);
            t12 = Math.fma(v1, b[b2 + k], t12);
            t13 = Math.fma(v1, b[b3 + k], t13);
        }
        put(out, o, t00, alpha, beta);
        put(out, o + 1, t10, alpha, beta);
        put(out, o + ldo, t01, alpha, beta);
        put(out, o + ldo + 1, t11, alpha, beta);
        put(out, o + 2 * ldo, t02, alpha, beta);
        put(out, o + 2 * ldo + 1, t12, alpha, beta);
        put(out, o + 3 * ldo, t03, alpha, beta);
        put(out, o + 3 * ldo + 1, t13, alpha, beta);
    }

    /** Rows off/n .. off/n + 3: out[o + r] = Σ_k a[off + r·n + k]·b[k]. */
    private static void dot4(double[] a, int off, int n, double[] b, double[] out, int o) {
        int l = D.length();
        int step = 2 * l;
        int bound = n - n % step;
        int o1 = off + n;
        int o2 = off + 2 * n;
        int o3 = off + 3 * n;
        DoubleVector p0 = DoubleVector.zero(D);
        DoubleVector q0 = DoubleVector.zero(D);
        DoubleVector p1 = DoubleVector.zero(D);
        DoubleVector q1 = DoubleVector.zero(D);
        DoubleVector p2 = DoubleVector.zero(D);
        DoubleVector q2 = DoubleVector.zero(D);
        DoubleVector p3 = DoubleVector.zero(D);
        DoubleVector q3 = DoubleVector.zero(D);
        int k = 0;
        for (; k < bound; k += step) {
            DoubleVector x = DoubleVector.fromArray(D, b, k);
            DoubleVector y = DoubleVector.fromArray(D, b, k + l);
            p0 = DoubleVector.fromArray(D, a, off + k).fma(x, p0);
            q0 = DoubleVector.fromArray(D, a, off + k + l).fma(y, q0);
            p1 = DoubleVector.fromArray(D, a, o1 + k).fma(x, p1);
            q1 = DoubleVector.fromArray(D, a, o1 + k + l).fma(y, q1);
            p2 = DoubleVector.fromArray(D, a, o2 + k).fma(x, p2);
            q2 = DoubleVector.fromArray(D, a, o2 + k + l).fma(y, q2);
            p3 = DoubleVector.fromArray(D, a, o3 + k).fma(x, p3);
            q3 = DoubleVector.fromArray(D, a, o3 + k + l).fma(y, q3);
        }
        if (k <= n - l) {   // at most once: n − k < 2l after the loop above
            DoubleVector x = DoubleVector.fromArray(D, b, k);
            p0 = DoubleVector.fromArray(D, a, off + k).fma(x, p0);
            p1 = DoubleVector.fromArray(D, a, o1 + k).fma(x, p1);
            p2 = DoubleVector.fromArray(D, a, o2 + k).fma(x, p2);
            p3 = DoubleVector.fromArray(D, a, o3 + k).fma(x, p3);
            k += l;
        }
        double s0 = sumLanes(p0.add(q0));
        double s1 = sumLanes(p1.add(q1));
        double s2 = sumLanes(p2.add(q2));
        double s3 = sumLanes(p3.add(q3));
        for (; k < n; k++) {
            double x = b[k];
            s0 = Math.fma(a[off + k], x, s0);
            s1 = Math.fma(a[o1 + k], x, s1);
            s2 = Math.fma(a[o2 + k], x, s2);
            s3 = Math.fma(a[o3 + k], x, s3);
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
    }

    /**
     * Float rows off/n .. off/n + 3, float lanes, each row's lanes folded by {@link #foldLanes}. The columns left
     * after the whole vectors (fewer than F.length(), e.g. 10 at N = 250 with 16 lanes) go through one more vector
     * that ends at column n, its lanes already counted weighted by zero ({@link #TAIL_WEIGHTS}): a scalar tail made
     * small float products slower than double ones.
     */
    private static void dot4(float[] a, int off, int n, float[] b, double[] out, int o) {
        int l = F.length();
        int step = 2 * l;
        int bound = n - n % step;
        int o1 = off + n;
        int o2 = off + 2 * n;
        int o3 = off + 3 * n;
        FloatVector p0 = FloatVector.zero(F);
        FloatVector q0 = FloatVector.zero(F);
        FloatVector p1 = FloatVector.zero(F);
        FloatVector q1 = FloatVector.zero(F);
        FloatVector p2 = FloatVector.zero(F);
        FloatVector q2 = FloatVector.zero(F);
        FloatVector p3 = FloatVector.zero(F);
        FloatVector q3 = FloatVector.zero(F);
        int k = 0;
        for (; k < bound; k += step) {
            FloatVector x = FloatVector.fromArray(F, b, k);
            FloatVector y = FloatVector.fromArray(F, b, k + l);
            p0 = FloatVector.fromArray(F, a, off + k).fma(x, p0);
            q0 = FloatVector.fromArray(F, a, off + k + l).fma(y, q0);
            p1 = FloatVector.fromArray(F, a, o1 + k).fma(x, p1);
            q1 = FloatVector.fromArray(F, a, o1 + k + l).fma(y, q1);
            p2 = FloatVector.fromArray(F, a, o2 + k).fma(x, p2);
            q2 = FloatVector.fromArray(F, a, o2 + k + l).fma(y, q2);
            p3 = FloatVector.fromArray(F, a, o3 + k).fma(x, p3);
            q3 = FloatVector.fromArray(F, a, o3 + k + l).fma(y, q3);
        }
        if (k <= n - l) {   // at most once: n − k < 2l after the loop above
            FloatVector x = FloatVector.fromArray(F, b, k);
            p0 = FloatVector.fromArray(F, a, off + k).fma(x, p0);
            p1 = FloatVector.fromArray(F, a, o1 + k).fma(x, p1);
            p2 = FloatVector.fromArray(F, a, o2 + k).fma(x, p2);
            p3 = FloatVector.fromArray(F, a, o3 + k).fma(x, p3);
            k += l;
        }
        if (k < n && n >= l) {
            // the last n − k < l columns: one vector ending at column n, with the columns already summed weighted by 0
            int t = n - l;
            FloatVector x = FloatVector.fromArray(F, b, t).mul(FloatVector.fromArray(F, TAIL_WEIGHTS, n - k));
            p0 = FloatVector.fromArray(F, a, off + t).fma(x, p0);
            p1 = FloatVector.fromArray(F, a, o1 + t).fma(x, p1);
            p2 = FloatVector.fromArray(F, a, o2 + t).fma(x, p2);
            p3 = FloatVector.fromArray(F, a, o3 + t).fma(x, p3);
            k = n;
        }
        double s0;
        double s1;
        double s2;
        double s3;
        if (l == 16) {
            // fold16 written out: called four times from this large method, C2 inlined it at some of the sites only
            // (node-count cutoff) and boxed the accumulator at the others
            FloatVector v0 = p0.add(q0);
            FloatVector v1 = p1.add(q1);
            FloatVector v2 = p2.add(q2);
            FloatVector v3 = p3.add(q3);
            v0 = v0.add(v0.rearrange(ROTATE_HALF));
            v1 = v1.add(v1.rearrange(ROTATE_HALF));
            v2 = v2.add(v2.rearrange(ROTATE_HALF));
            v3 = v3.add(v3.rearrange(ROTATE_HALF));
            v0 = v0.add(v0.rearrange(ROTATE_QUARTER));
            v1 = v1.add(v1.rearrange(ROTATE_QUARTER));
            v2 = v2.add(v2.rearrange(ROTATE_QUARTER));
            v3 = v3.add(v3.rearrange(ROTATE_QUARTER));
            v0 = v0.add(v0.rearrange(ROTATE_EIGHTH));
            v1 = v1.add(v1.rearrange(ROTATE_EIGHTH));
            v2 = v2.add(v2.rearrange(ROTATE_EIGHTH));
            v3 = v3.add(v3.rearrange(ROTATE_EIGHTH));
            v0 = v0.add(v0.rearrange(ROTATE_SIXTEENTH));
            v1 = v1.add(v1.rearrange(ROTATE_SIXTEENTH));
            v2 = v2.add(v2.rearrange(ROTATE_SIXTEENTH));
            v3 = v3.add(v3.rearrange(ROTATE_SIXTEENTH));
            s0 = v0.lane(0);
            s1 = v1.lane(0);
            s2 = v2.lane(0);
            s3 = v3.lane(0);
        } else {
            s0 = foldLanes(p0.add(q0));
            s1 = foldLanes(p1.add(q1));
            s2 = foldLanes(p2.add(q2));
            s3 = foldLanes(p3.add(q3));
        }
        for (; k < n; k++) {
            double x = b[k];
            s0 += (double) a[off + k] * x;
            s1 += (double) a[o1 + k] * x;
            s2 += (double) a[o2 + k] * x;
            s3 += (double) a[o3 + k] * x;
        }
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
    }

    /** Σ_k a[aOff + k]·b[k] for k &lt; n. */
    static double dot(double[] a, int aOff, double[] b, int n) {
        return dot(a, aOff, b, 0, n);
    }

    /** Σ_k a[aOff + k]·b[bOff + k] for k &lt; n. */
    static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        int l = D.length();
        int step = 4 * l;
        int bound = n - n % step;
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        int k = 0;
        for (; k < bound; k += step) {
            s0 = DoubleVector.fromArray(D, a, aOff + k).fma(DoubleVector.fromArray(D, b, bOff + k), s0);
            s1 = DoubleVector.fromArray(D, a, aOff + k + l).fma(DoubleVector.fromArray(D, b, bOff + k + l), s1);
            s2 = DoubleVector.fromArray(D, a, aOff + k + 2 * l).fma(DoubleVector.fromArray(D, b, bOff + k + 2 * l), s2);
            s3 = DoubleVector.fromArray(D, a, aOff + k + 3 * l).fma(DoubleVector.fromArray(D, b, bOff + k + 3 * l), s3);
        }
        for (; k <= n - l; k += l) {
            s0 = DoubleVector.fromArray(D, a, aOff + k).fma(DoubleVector.fromArray(D, b, bOff + k), s0);
        }
        double sum = sumLanes(s0.add(s1).add(s2.add(s3)));
        for (; k < n; k++) {
            sum = Math.fma(a[aOff + k], b[bOff + k], sum);
        }
        return sum;
    }

    /**
     * The lanes summed in lane order. {@code reduceLanes} is not used on purpose: its JIT intrinsic adds
     * pairwise while the interpreter's fallback adds in order, so a run would depend on when the JIT
     * compiled the kernel. Element-wise add and fma round identically in both.
     */
    private static double sumLanes(DoubleVector v) {
        double sum = 0.0;
        for (int lane = 0; lane < v.length(); lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }

    /** Σ_k a[aOff + k]·b[k] for k &lt; n, float storage with float lanes, folded at the end ({@link #foldLanes}). */
    static double dot(float[] a, int aOff, float[] b, int n) {
        return dot(a, aOff, b, 0, n);
    }

    /** Σ_k a[aOff + k]·b[bOff + k] for k &lt; n, float lanes folded at the end ({@link #foldLanes}). */
    static double dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int l = F.length();
        int step = 4 * l;
        int bound = n - n % step;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F);
        FloatVector s3 = FloatVector.zero(F);
        int k = 0;
        for (; k < bound; k += step) {
            s0 = FloatVector.fromArray(F, a, aOff + k).fma(FloatVector.fromArray(F, b, bOff + k), s0);
            s1 = FloatVector.fromArray(F, a, aOff + k + l).fma(FloatVector.fromArray(F, b, bOff + k + l), s1);
            s2 = FloatVector.fromArray(F, a, aOff + k + 2 * l).fma(FloatVector.fromArray(F, b, bOff + k + 2 * l), s2);
            s3 = FloatVector.fromArray(F, a, aOff + k + 3 * l).fma(FloatVector.fromArray(F, b, bOff + k + 3 * l), s3);
        }
        for (; k <= n - l; k += l) {
            s0 = FloatVector.fromArray(F, a, aOff + k).fma(FloatVector.fromArray(F, b, bOff + k), s0);
        }
        double sum = foldLanes(s0.add(s1).add(s2.add(s3)));
        for (; k < n; k++) {
            sum += (double) a[aOff + k] * b[bOff + k];
        }
        return sum;
    }

    /**
     * The lanes of a float accumulator summed by a fixed tree in float: v + (v rotated by l/2 lanes), then by l/4, …, by
     * 1, and lane 0 of the result — each lane the sum of all l lanes, added pairwise in an order that depends only on
     * the vector size. Explicit rotations and element-wise adds round the same compiled or interpreted (unlike
     * {@code reduceLanes}, see {@link #sumLanes(DoubleVector)}), and the rotations are single permutes in C2: the
     * single-vector row kernels use this instead of storing the accumulators and summing their lanes in double
     * ({@link #sumLanes(float[], int, int)}), whose store-to-load forwards and sixteen conversions per row were a quarter
     * of the float32 product at N = 256 and 3–15 % at N = 1000–2000 (2-core AMD EPYC, 512-bit vectors, in-process A/B:
     * one thread, N = 256, 3.4–3.8 → 2.4–3.0 µs per product; docs/benchmarks.md). Accuracy: log₂ l more float roundings
     * on top of each lane's chain of n/l float fmas, within the same n·u_f·Σ|a b| bound (DotKernelsTest).
     */
    static double foldLanes(FloatVector v) {
        return F.length() == 16 ? fold16(v) : foldAny(v);
    }

    /**
     * {@link #foldLanes} for 16 lanes (512-bit vectors), kept small (55 bytes of bytecode) so that C2 inlines it where it
     * is called once (the single-row kernel); the four-row kernel has the same operations written out (there C2's
     * node-count cutoff left some of four calls not inlined, each such accumulator boxed into a heap object per row).
     */
    private static double fold16(FloatVector v) {
        v = v.add(v.rearrange(ROTATE_HALF));
        v = v.add(v.rearrange(ROTATE_QUARTER));
        v = v.add(v.rearrange(ROTATE_EIGHTH));
        v = v.add(v.rearrange(ROTATE_SIXTEENTH));
        return v.lane(0);
    }

    /** {@link #foldLanes} for any other number of lanes: the same rotations, as many as the width needs. */
    private static double foldAny(FloatVector v) {
        int l = F.length();
        if (l > MAX_FOLDED_LANES) {
            // wider than any machine this was measured on (SVE beyond 512 bits): the lanes in order, in double
            double sum = 0.0;
            for (int lane = 0; lane < l; lane++) {
                sum += v.lane(lane);
            }
            return sum;
        }
        v = v.add(v.rearrange(ROTATE_HALF));       // a float vector has at least two lanes
        if (l >= 4) {
            v = v.add(v.rearrange(ROTATE_QUARTER));
        }
        if (l >= 8) {
            v = v.add(v.rearrange(ROTATE_EIGHTH));
        }
        return v.lane(0);
    }

    /**
     * Float lanes {@code lanes[off .. off + l)} summed in double, in lane order (see {@link #sumLanes(DoubleVector)}):
     * lane j of the lower half and lane j of the upper half are added in double first (which halves the serial
     * chain), then these sums in order. The kernels store their float accumulators to a scratch array and sum them
     * here in scalar code: a float-to-double {@code convertShape} of each half is not a C2 intrinsic for every vector
     * size (with 512-bit vectors it fell back to Java code), and sixteen lane extractions per row overflow C2's
     * inlining budget in the four-row kernel, where the vector is then boxed on every row; either made float32
     * products 5–10× slower than float64.
     */
    static double sumLanes(float[] lanes, int off, int l) {
        int half = l / 2;
        double sum = 0.0;
        for (int j = 0; j < half; j++) {
            sum += (double) lanes[off + j] + (double) lanes[off + j + half];
        }
        return sum;
    }

    /** Σ_k a[k] over a float array, for bandwidth measurements. */
    static double sum(float[] a, int from, int to) {
        int l = F.length();
        int k = from;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        for (; k <= to - 2 * l; k += 2 * l) {
            s0 = s0.add(FloatVector.fromArray(F, a, k));
            s1 = s1.add(FloatVector.fromArray(F, a, k + l));
        }
        double sum = 0.0;
        FloatVector s = s0.add(s1);
        for (int lane = 0; lane < s.length(); lane++) {
            sum += s.lane(lane);
        }
        for (; k < to; k++) {
            sum += a[k];
        }
        return sum;
    }
}
