package org.chaoslab.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 twin of {@link PanelProduct} for wide batches: C ← α·J·B + β·C with J row-major N×N and B, C column-major,
 * all float32, accumulated in float (as sgemm does). The Lyapunov spectrum's float32 tangent products without a native
 * BLAS ({@code --tangent-precision float32}), where netlib's Java sgemm made them 2.7× slower than the float64 ones
 * (106 against 39.6 ms per step at N = k = 1000 on two cores) instead of faster.
 *
 * <p>B is packed into panels of {@link #WIDTH} = two float vectors of columns, row by row, and each output row is an
 * outer-product accumulation, eight rows of J at a time where their 16 accumulators fit the vector registers (four
 * otherwise): the register-blocked micro-kernel of {@link PanelProduct}. Every entry is the chain
 * s ← fma(J_ik, B_kc, s) in float for k = 0 … N − 1 from s = 0, then fma(α, s, β·c): the same bits whichever kernel,
 * tile or thread computes it.
 */
public final class FloatPanelProduct {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Columns per panel: two vectors. */
    public static final int WIDTH = 2 * F.length();
    /** Rows per strip of the main kernel: eight where 16 accumulators fit the 32 vector registers, else four. */
    private static final int STRIP = F.length() >= 16 ? 8 : 4;

    private static final ThreadLocal<float[]> PANELS = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[WIDTH]);

    private FloatPanelProduct() {
    }

    /**
     * One tile of C ← α·J·B + β·C on the calling thread: rows [from, to), columns [c0, c0 + w) (β = 0: C is not
     * read). A fixed grid of tiles gives the same bits for any number of threads. J's entry (i, k) is
     * {@code j[start + i·n + k]} (a matrix whose entries start on a cache line, {@link AlignedStart}).
     */
    public static void tile(float[] j, int start, int n, int from, int to, float alpha, float[] b, int c0, int w,
                            float beta, float[] c) {
        float[] panels = pack(b, c0 * n, n, w);
        float[] s = TILE.get();
        if (s.length < n * w) {
            s = new float[n * w];
            TILE.set(s);
        }
        multiply(j, start, n, panels, w, s, from, to);
        for (int col = 0; col < w; col++) {
            int o = (c0 + col) * n;
            int t = col * n;
            for (int i = from; i < to; i++) {
                c[o + i] = beta == 0f ? alpha * s[t + i] : Math.fma(alpha, s[t + i], beta * c[o + i]);
            }
        }
    }

    /** The m columns of b from b[bOff] (column c at bOff + c·n) as panels: (k, j) of panel p at [(p·n + k)·W + j]. */
    static float[] pack(float[] b, int bOff, int n, int m) {
        int panels = (m + WIDTH - 1) / WIDTH;
        int need = panels * n * WIDTH;
        float[] p = PANELS.get();
        if (p.length < need) {
            p = new float[need];
            PANELS.set(p);
        }
        for (int panel = 0; panel < panels; panel++) {
            int base = panel * n * WIDTH;
            for (int j = 0; j < WIDTH; j++) {
                int c = panel * WIDTH + j;
                int col = bOff + c * n;
                for (int k = 0; k < n; k++) {
                    p[base + k * WIDTH + j] = c < m ? b[col + k] : 0f;
                }
            }
        }
        return p;
    }

    /** out[c·n + i] = Σ_k a[start + i·n + k]·b[c·n + k] for rows [from, to) and the m packed columns. */
    static void multiply(float[] a, int start, int n, float[] panels, int m, float[] out, int from, int to) {
        float[] row = ROW.get();
        int count = (m + WIDTH - 1) / WIDTH;
        int i = from;
        for (; i + STRIP <= to; i += STRIP) {
            for (int p = 0; p < count; p++) {
                if (STRIP == 8) {
                    rows8(a, start, n, panels, p, m, out, i, row);
                } else {
                    rows4(a, start, n, panels, p, m, out, i, row);
                }
            }
        }
        for (; i + 4 <= to; i += 4) {
            for (int p = 0; p < count; p++) {
                rows4(a, start, n, panels, p, m, out, i, row);
            }
        }
        for (; i < to; i++) {
            for (int p = 0; p < count; p++) {
                rows1(a, start, n, panels, p, m, out, i, row);
            }
        }
    }

    /** Rows i … i + 7 times panel p. */
    private static void rows8(float[] a, int start, int n, float[] panels, int p, int m, float[] out, int i, float[] row) {
        int l = F.length();
        int q = p * n * WIDTH;
        int r0 = start + i * n;
        FloatVector s00 = FloatVector.zero(F);
        FloatVector s01 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s40 = s00;
        FloatVector s41 = s00;
        FloatVector s50 = s00;
        FloatVector s51 = s00;
        FloatVector s60 = s00;
        FloatVector s61 = s00;
        FloatVector s70 = s00;
        FloatVector s71 = s00;
        for (int k = 0; k < n; k++, q += WIDTH) {
            FloatVector b0 = FloatVector.fromArray(F, panels, q);
            FloatVector b1 = FloatVector.fromArray(F, panels, q + l);
            FloatVector x = FloatVector.broadcast(F, a[r0 + k]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(F, a[r0 + n + k]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(F, a[r0 + 2 * n + k]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(F, a[r0 + 3 * n + k]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = FloatVector.broadcast(F, a[r0 + 4 * n + k]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = FloatVector.broadcast(F, a[r0 + 5 * n + k]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
            x = FloatVector.broadcast(F, a[r0 + 6 * n + k]);
            s60 = x.fma(b0, s60);
            s61 = x.fma(b1, s61);
            x = FloatVector.broadcast(F, a[r0 + 7 * n + k]);
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
    private static void rows4(float[] a, int start, int n, float[] panels, int p, int m, float[] out, int i, float[] row) {
        int l = F.length();
        int q = p * n * WIDTH;
        int r0 = start + i * n;
        FloatVector s00 = FloatVector.zero(F);
        FloatVector s01 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        for (int k = 0; k < n; k++, q += WIDTH) {
            FloatVector b0 = FloatVector.fromArray(F, panels, q);
            FloatVector b1 = FloatVector.fromArray(F, panels, q + l);
            FloatVector x = FloatVector.broadcast(F, a[r0 + k]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(F, a[r0 + n + k]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(F, a[r0 + 2 * n + k]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(F, a[r0 + 3 * n + k]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        store(s00, s01, p, m, n, out, i, row);
        store(s10, s11, p, m, n, out, i + 1, row);
        store(s20, s21, p, m, n, out, i + 2, row);
        store(s30, s31, p, m, n, out, i + 3, row);
    }

    /** Row i times panel p. */
    private static void rows1(float[] a, int start, int n, float[] panels, int p, int m, float[] out, int i, float[] row) {
        int l = F.length();
        int q = p * n * WIDTH;
        int r0 = start + i * n;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        for (int k = 0; k < n; k++, q += WIDTH) {
            FloatVector x = FloatVector.broadcast(F, a[r0 + k]);
            s0 = x.fma(FloatVector.fromArray(F, panels, q), s0);
            s1 = x.fma(FloatVector.fromArray(F, panels, q + l), s1);
        }
        store(s0, s1, p, m, n, out, i, row);
    }

    /** Row i's entries of panel p's columns (those below m) into the column-major output. */
    private static void store(FloatVector v0, FloatVector v1, int p, int m, int n, float[] out, int i, float[] row) {
        v0.intoArray(row, 0);
        v1.intoArray(row, F.length());
        int c0 = p * WIDTH;
        int count = Math.min(WIDTH, m - c0);
        for (int j = 0; j < count; j++) {
            out[(c0 + j) * n + i] = row[j];
        }
    }
}
