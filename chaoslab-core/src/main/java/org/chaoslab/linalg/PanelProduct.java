package org.chaoslab.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The batched product J·B of a row-major N×N matrix with a few to a few dozen column-major columns, in pure Java: the
 * pure-Java path of {@link Float64Matrix#multiply} for M ≥ 2 columns (replicas, the columns of a gain sweep, stimulus
 * columns).
 *
 * <p><b>Form.</b> The dot-product form of {@link DotKernels#columns} streams a row of J and a column of B through
 * the vector lanes and sums the lanes at the end; each 2×4 block reads four column chunks from the L2 cache per eight
 * fused multiply-adds. Here B is first packed into panels of {@link #WIDTH} = two vectors of columns, row by row
 * ({@link #pack}: panel p holds B's columns p·W … p·W + W − 1 as an N×W row-major block, zero-padded), and each
 * output row is an outer-product accumulation: for each k, J_ik is broadcast and multiplied into the two panel vectors
 * of row k. Eight rows of J at a time (four with vectors of fewer than eight lanes) share the panel loads, so a step
 * of k costs two vector loads and eight broadcasts for sixteen FMAs, and the accumulators never need a horizontal
 * sum — the classic register-blocked GEMM micro-kernel (Goto &amp; van de Geijn, ACM TOMS 34:12 (2008)), without
 * packing J, which each row block streams once per panel. A batch that fits one vector (2–8 columns with AVX-512) is
 * packed into a single one-vector panel instead ({@link #width}), so that few columns are not mostly zero padding.
 *
 * <p><b>Bits.</b> Every entry out[c·N + i] is the same chain of fused multiply-adds, s ← fma(J_ik, B_kc, s) for
 * k = 0, 1, …, N − 1 from s = 0, whichever kernel (eight, four or one row) computes it, whichever row block and thread
 * it falls in, however many other columns are multiplied with it and at whichever position. So results never depend
 * on the thread count, on the partition, or on the batch a column belongs to; and since element-wise {@code fma} is
 * exactly specified (no lane reduction), the interpreter and compiled code give the same bits. The error is that of a
 * sequential dot product, |ŝ − s| ≤ N·u·Σ_k |J_ik B_kc| (u = 2⁻⁵³; Higham, Accuracy and Stability of Numerical
 * Algorithms, 2nd ed., §3.1).
 *
 * <p><b>Speed</b> (2-vCPU Xeon with AVX-512, N = 2000, 16 columns): 52–58 GFLOP/s on one thread and 83–105 on two
 * ({@code chaoslab bench sweep}, which reports this product's rate beside numpy's dgemm: 34–59 GFLOP/s for the same
 * shape on two threads); {@link DotKernels#columns} gave 14–24 on one thread in probes on the same machine.
 */
public final class PanelProduct {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Columns per panel: two vectors (one vector for a batch no wider than that: {@link #width}). */
    public static final int WIDTH = 2 * D.length();
    /** Rows per strip of the main kernel: eight where 16 accumulators fit the 32 vector registers, else four. */
    private static final int STRIP = D.length() >= 8 ? 8 : 4;

    /** The caller thread's panels (one product at a time per thread; the workers only read them). */
    private static final ThreadLocal<double[]> PANELS = ThreadLocal.withInitial(() -> new double[0]);
    /** Per-thread scratch of one row of accumulators, scattered into the column-major output. */
    private static final ThreadLocal<double[]> ROW = ThreadLocal.withInitial(() -> new double[WIDTH]);

    private PanelProduct() {
    }

    /**
     * Columns per panel for a batch of m: one vector when m fits in one (2–4 replicas would otherwise be mostly zero
     * padding: at m = 4 the two-vector panel ran at half the rate of {@link DotKernels#columns}), else two.
     */
    static int width(int m) {
        return m <= D.length() ? D.length() : WIDTH;
    }

    /** Panels for m columns. */
    static int panels(int m) {
        int w = width(m);
        return (m + w - 1) / w;
    }

    /**
     * Packs the m columns of b (column-major, b[c·n + k]) into panels of W = {@link #width}(m) columns, in this
     * thread's scratch: element (k, j) of panel p at [(p·n + k)·W + j] = b[(p·W + j)·n + k], zero for p·W + j ≥ m. The array is reused by the next call
     * on this thread.
     */
    static double[] pack(double[] b, int n, int m) {
        return pack(b, 0, n, m);
    }

    /** The same for the m columns of b that start at b[bOff] (column c at bOff + c·n). */
    static double[] pack(double[] b, int bOff, int n, int m) {
        int width = width(m);
        int need = panels(m) * n * width;
        double[] p = PANELS.get();
        if (p.length < need) {
            p = new double[need];
            PANELS.set(p);
        }
        for (int panel = 0; panel < panels(m); panel++) {
            int base = panel * n * width;
            for (int j = 0; j < width; j++) {
                int c = panel * width + j;
                if (c < m) {
                    int col = bOff + c * n;
                    for (int k = 0; k < n; k++) {
                        p[base + k * width + j] = b[col + k];
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        p[base + k * width + j] = 0.0;
                    }
                }
            }
        }
        return p;
    }

    /** Per-thread scratch of one {@link #tile}'s product before α and β. */
    private static final ThreadLocal<double[]> TILE = ThreadLocal.withInitial(() -> new double[0]);

    /**
     * One tile of C ← α·J·B + β·C, on the calling thread: rows [from, to) and columns [c0, c0 + w) of the
     * column-major N-row C (β = 0: C is not read), J row-major N×N, B column-major like C. B's columns are packed
     * ({@link #pack}), multiplied ({@link #multiply}), and each entry written as fma(α, s, β·c) (α·s when β = 0).
     * Each s is the same fma chain over k whichever tile or thread computes it, so a fixed grid of tiles gives the
     * same bits for any number of threads. For the Lyapunov spectrum's tangent product without a native BLAS, where
     * the dot-product form ({@link DotKernels#columns}) ran at half this kernel's rate. J's entry (i, k) is
     * {@code j[start + i·n + k]} (a matrix whose entries start on a cache line, {@link AlignedStart}).
     */
    public static void tile(double[] j, int start, int n, int from, int to, double alpha, double[] b, int c0, int w,
                            double beta, double[] c) {
        double[] panels = pack(b, c0 * n, n, w);
        double[] s = TILE.get();
        if (s.length < n * w) {
            s = new double[n * w];
            TILE.set(s);
        }
        multiply(j, start, n, panels, w, s, from, to);
        for (int col = 0; col < w; col++) {
            int o = (c0 + col) * n;
            int t = col * n;
            for (int i = from; i < to; i++) {
                c[o + i] = beta == 0.0 ? alpha * s[t + i] : Math.fma(alpha, s[t + i], beta * c[o + i]);
            }
        }
    }

    /**
     * out[c·n + i] = Σ_k a[start + i·n + k]·b[c·n + k] for rows i in [from, to) and the m columns, b given as its
     * {@link #pack panels} (the n×n matrix a row-major from a[start]).
     */
    static void multiply(double[] a, int start, int n, double[] panels, int m, double[] out, int from, int to) {
        if (width(m) < WIDTH) {
            narrow(a, start, n, panels, m, out, from, to);
            return;
        }
        double[] row = ROW.get();
        if ((long) panels(m) * n * WIDTH * 8 > PANELS_IN_CACHE_BYTES) {
            // the panels together exceed the caches: one panel at a time for all the rows, so that it stays in L2
            // while J's rows stream past it (rather than every panel re-read from memory for each strip of rows)
            for (int p = 0; p < panels(m); p++) {
                strips(a, start, n, panels, p, p + 1, m, out, from, to, row);
            }
            return;
        }
        strips(a, start, n, panels, 0, panels(m), m, out, from, to, row);
    }

    /** All panels together up to this size: they stay in the caches while the strips of rows run over them. */
    static final long PANELS_IN_CACHE_BYTES = 8L << 20;

    /** Panels [p0, p1) for rows [from, to): eight rows at a time (or four), then four, then one. */
    private static void strips(double[] a, int start, int n, double[] panels, int p0, int p1, int m, double[] out,
                               int from, int to, double[] row) {
        int i = from;
        for (; i + STRIP <= to; i += STRIP) {
            for (int p = p0; p < p1; p++) {
                if (STRIP == 8) {
                    rows8(a, start, n, panels, p, m, out, i, row);
                } else {
                    rows4(a, start, n, panels, p, m, out, i, row);
                }
            }
        }
        for (; i + 4 <= to; i += 4) {
            for (int p = p0; p < p1; p++) {
                rows4(a, start, n, panels, p, m, out, i, row);
            }
        }
        for (; i < to; i++) {
            for (int p = p0; p < p1; p++) {
                rows1(a, start, n, panels, p, m, out, i, row);
            }
        }
    }

    /** The one-panel, one-vector case (m ≤ lanes): eight rows at a time, then one. */
    private static void narrow(double[] a, int start, int n, double[] panel, int m, double[] out, int from, int to) {
        double[] row = ROW.get();
        int i = from;
        for (; i + 8 <= to; i += 8) {
            narrow8(a, start, n, panel, m, out, i, row);
        }
        for (; i < to; i++) {
            int l = D.length();
            DoubleVector s = DoubleVector.zero(D);
            int r0 = start + i * n;
            for (int k = 0, q = 0; k < n; k++, q += l) {
                s = DoubleVector.broadcast(D, a[r0 + k]).fma(DoubleVector.fromArray(D, panel, q), s);
            }
            store(s, m, n, out, i, row);
        }
    }

    /** Rows i … i + 7 times the single one-vector panel. */
    private static void narrow8(double[] a, int start, int n, double[] panel, int m,
                                double[] out, int i, double[] row) {
        int l = D.length();
        int r0 = start + i * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        int r4 = r3 + n;
        int r5 = r4 + n;
        int r6 = r5 + n;
        int r7 = r6 + n;
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        for (int k = 0, q = 0; k < n; k++, q += l) {
            DoubleVector b = DoubleVector.fromArray(D, panel, q);
            s0 = DoubleVector.broadcast(D, a[r0 + k]).fma(b, s0);
            s1 = DoubleVector.broadcast(D, a[r1 + k]).fma(b, s1);
            s2 = DoubleVector.broadcast(D, a[r2 + k]).fma(b, s2);
            s3 = DoubleVector.broadcast(D, a[r3 + k]).fma(b, s3);
            s4 = DoubleVector.broadcast(D, a[r4 + k]).fma(b, s4);
            s5 = DoubleVector.broadcast(D, a[r5 + k]).fma(b, s5);
            s6 = DoubleVector.broadcast(D, a[r6 + k]).fma(b, s6);
            s7 = DoubleVector.broadcast(D, a[r7 + k]).fma(b, s7);
        }
        store(s0, m, n, out, i, row);
        store(s1, m, n, out, i + 1, row);
        store(s2, m, n, out, i + 2, row);
        store(s3, m, n, out, i + 3, row);
        store(s4, m, n, out, i + 4, row);
        store(s5, m, n, out, i + 5, row);
        store(s6, m, n, out, i + 6, row);
        store(s7, m, n, out, i + 7, row);
    }

    /** Rows i … i + 7 times panel p. */
    private static void rows8(double[] a, int start, int n, double[] panels, int p, int m,
                              double[] out, int i, double[] row) {
        int l = D.length();
        int q = p * n * WIDTH;
        int r0 = start + i * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        int r4 = r3 + n;
        int r5 = r4 + n;
        int r6 = r5 + n;
        int r7 = r6 + n;
        DoubleVector s00 = DoubleVector.zero(D);
        DoubleVector s01 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s40 = s00;
        DoubleVector s41 = s00;
        DoubleVector s50 = s00;
        DoubleVector s51 = s00;
        DoubleVector s60 = s00;
        DoubleVector s61 = s00;
        DoubleVector s70 = s00;
        DoubleVector s71 = s00;
        for (int k = 0; k < n; k++, q += WIDTH) {
            DoubleVector b0 = DoubleVector.fromArray(D, panels, q);
            DoubleVector b1 = DoubleVector.fromArray(D, panels, q + l);
            DoubleVector x = DoubleVector.broadcast(D, a[r0 + k]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = DoubleVector.broadcast(D, a[r1 + k]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = DoubleVector.broadcast(D, a[r2 + k]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = DoubleVector.broadcast(D, a[r3 + k]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = DoubleVector.broadcast(D, a[r4 + k]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = DoubleVector.broadcast(D, a[r5 + k]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            x = DoubleVector.broadcast(D, a[r6 + k]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            x = DoubleVector.broadcast(D, a[r7 + k]);
            s70 = x.fma(b0, s70);
            s71 = x.fma(b1, s71);
        }
        store(s00, s01, p, m, n, out, i, row);
        store(s10, s11, p, m, n, out, i + 1, row);
        store(s20, s21, p, m, n, out, i + 2, row);
        store(s30, s31, p, m, n, out, i + 3, row);
        store(s40, s41, p, m, n, out, i + 4, row);
        store(s50, s51, p, m, n, out, i + 5, row);
        store(s60, s61, p, m, n, out, i + 6, row);
        store(s70, s71, p, m, n, out, i + 7, row);
    }

    /** Rows i … i + 3 times panel p. */
    private static void rows4(double[] a, int start, int n, double[] panels, int p, int m,
                              double[] out, int i, double[] row) {
        int l = D.length();
        int q = p * n * WIDTH;
        int r0 = start + i * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        DoubleVector s00 = DoubleVector.zero(D);
        DoubleVector s01 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        for (int k = 0; k < n; k++, q += WIDTH) {
            DoubleVector b0 = DoubleVector.fromArray(D, panels, q);
            DoubleVector b1 = DoubleVector.fromArray(D, panels, q + l);
            DoubleVector x = DoubleVector.broadcast(D, a[r0 + k]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = DoubleVector.broadcast(D, a[r1 + k]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = DoubleVector.broadcast(D, a[r2 + k]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = DoubleVector.broadcast(D, a[r3 + k]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        store(s00, s01, p, m, n, out, i, row);
        store(s10, s11, p, m, n, out, i + 1, row);
        store(s20, s21, p, m, n, out, i + 2, row);
        store(s30, s31, p, m, n, out, i + 3, row);
    }

    /** Row i times panel p. */
    private static void rows1(double[] a, int start, int n, double[] panels, int p, int m,
                              double[] out, int i, double[] row) {
        int l = D.length();
        int q = p * n * WIDTH;
        int r0 = start + i * n;
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        for (int k = 0; k < n; k++, q += WIDTH) {
            DoubleVector x = DoubleVector.broadcast(D, a[r0 + k]);
            s0 = x.fma(DoubleVector.fromArray(D, panels, q), s0);
            s1 = x.fma(DoubleVector.fromArray(D, panels, q + l), s1);
        }
        store(s0, s1, p, m, n, out, i, row);
    }

    /** Row i's entries of the one-vector panel (columns below m) into the column-major output. */
    private static void store(DoubleVector v, int m, int n, double[] out, int i, double[] row) {
        v.intoArray(row, 0);
        for (int j = 0; j < m; j++) {
            out[j * n + i] = row[j];
        }
    }

    /** Row i's entries of panel p's columns (those below m) into the column-major output. */
    private static void store(DoubleVector v0, DoubleVector v1, int p, int m, int n, double[] out, int i, double[] row) {
        v0.intoArray(row, 0);
        v1.intoArray(row, D.length());
        int c0 = p * WIDTH;
        int count = Math.min(WIDTH, m - c0);
        for (int j = 0; j < count; j++) {
            out[(c0 + j) * n + i] = row[j];
        }
    }
}
