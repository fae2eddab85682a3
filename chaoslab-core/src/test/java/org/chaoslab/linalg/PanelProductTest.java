package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packed-panel batched product: its bits, its accuracy, and its independence of partition and batch. */
class PanelProductTest {

    private static double[] random(SplittableRandom rng, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        return v;
    }

    /** The product over the row blocks [0, split) and [split, n), as two calls of the fixed partition would. */
    private static double[] product(double[] a, int n, double[] b, int m, int split) {
        double[] out = new double[n * m];
        double[] panels = PanelProduct.pack(b, n, m);
        PanelProduct.multiply(a, 0, n, panels, m, out, 0, split);
        PanelProduct.multiply(a, 0, n, panels, m, out, split, n);
        return out;
    }

    /**
     * Every entry is exactly the sequential chain s ← fma(a_ik, b_kc, s), k ascending from s = 0 (the documented
     * bits), for sizes and column counts that hit every kernel (8, 4 and 1 rows; full and partial panels); and it is
     * within the sequential dot product's bound N·u·Σ|a_ik b_kc| (u = 2⁻⁵³, Higham §3.1) of the exact sum.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 16, 33, 130})
    void everyEntryIsTheSequentialFmaChain(int n) {
        SplittableRandom rng = new SplittableRandom(17 + n);
        for (int m : new int[] {2, 3, 8, 17, 40}) {
            double[] a = random(rng, n * n);
            double[] b = random(rng, n * m);
            double[] out = product(a, n, b, m, Math.min(5, n));
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < n; i++) {
                    double s = 0.0;
                    BigDecimal exact = BigDecimal.ZERO;
                    double abs = 0.0;
                    for (int k = 0; k < n; k++) {
                        s = Math.fma(a[i * n + k], b[c * n + k], s);
                        exact = exact.add(new BigDecimal(a[i * n + k]).multiply(new BigDecimal(b[c * n + k])));
                        abs += Math.abs(a[i * n + k] * b[c * n + k]);
                    }
                    assertThat(out[c * n + i]).as("n=%d m=%d (%d,%d)", n, m, i, c).isEqualTo(s);
                    assertThat(Math.abs(out[c * n + i] - exact.doubleValue())).isLessThanOrEqualTo(n * 0x1p-53 * abs + 1e-300);
                }
            }
        }
    }

    /**
     * A column's result depends on nothing but J and that column: the same bits in a batch of 1 or 21 columns, at
     * any position, whatever the row split (the property the gain sweep's frozen columns and thread counts rely on).
     */
    @ParameterizedTest
    @ValueSource(ints = {9, 64, 101})
    void aColumnsBitsDoNotDependOnItsBatchOrTheRowSplit(int n) {
        SplittableRandom rng = new SplittableRandom(5 * n);
        double[] a = random(rng, n * n);
        int m = 21;
        double[] b = random(rng, n * m);
        double[] all = product(a, n, b, m, 3);
        double[] allOtherSplit = product(a, n, b, m, n - 1);
        assertThat(allOtherSplit).isEqualTo(all);
        for (int c : new int[] {0, 7, 16, 20}) {
            double[] alone = product(a, n, java.util.Arrays.copyOfRange(b, c * n, (c + 1) * n), 1, n / 2);
            // m = 1 is not a product the matrix sends here, but the kernel computes it the same way
            assertThat(java.util.Arrays.copyOfRange(all, c * n, (c + 1) * n)).as("column %d", c).isEqualTo(alone);
        }
    }

    /** Float64Matrix's pure-Java batched product is this kernel: the same bits on one and on two threads. */
    @ParameterizedTest
    @ValueSource(ints = {2, 5, 16, 33})
    void matrixProductIsThreadCountIndependent(int m) {
        int n = 300;
        SplittableRandom rng = new SplittableRandom(m);
        Float64Matrix j = new Float64Matrix(n, random(rng, n * n));
        double[] b = random(rng, n * m);
        double[] one = new double[n * m];
        double[] two = new double[n * m];
        try (ParallelRows p1 = new ParallelRows(1); ParallelRows p2 = new ParallelRows(2)) {
            j.multiply(b, one, m, p1);
            j.multiply(b, two, m, p2);
        }
        assertThat(two).isEqualTo(one);
        if (!Blas.isNative()) {
            assertThat(one).isEqualTo(product(j.data(), n, b, m, n));
        }
    }
    /**
     * A tile of C ← α·J·B + β·C in each precision ({@link PanelProduct#tile}, {@link FloatPanelProduct#tile}): every
     * entry of the tile is exactly fma(α, s, β·c) with s the sequential fma chain in its precision, the rows and columns
     * outside the tile are untouched, and the tile's bits do not depend on the row split (as the fixed grid of
     * TiledProduct uses them). Sizes hit the 8-, 4- and 1-row kernels and partial panels.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 5, 13, 40})
    void aTileIsTheFmaChainScaledAndLeavesTheRestInBothPrecisions(int n) {
        SplittableRandom rng = new SplittableRandom(99 + n);
        int cols = 2 * FloatPanelProduct.WIDTH + 3;
        double[] a = random(rng, n * n);
        double[] b = random(rng, n * cols);
        double[] c0 = random(rng, n * cols);
        float[] af = new float[a.length];
        float[] bf = new float[b.length];
        float[] cf0 = new float[c0.length];
        for (int i = 0; i < a.length; i++) {
            af[i] = (float) a[i];
        }
        for (int i = 0; i < b.length; i++) {
            bf[i] = (float) b[i];
            cf0[i] = (float) c0[i];
        }
        int first = 2;
        int w = cols - 4;
        int rowSplit = Math.min(n, 3);
        double[] c = c0.clone();
        float[] cf = cf0.clone();
        PanelProduct.tile(a, 0, n, 0, rowSplit, 0.5, b, first, w, -1.25, c);
        PanelProduct.tile(a, 0, n, rowSplit, n, 0.5, b, first, w, -1.25, c);
        FloatPanelProduct.tile(af, 0, n, 0, rowSplit, 0.5f, bf, first, w, -1.25f, cf);
        FloatPanelProduct.tile(af, 0, n, rowSplit, n, 0.5f, bf, first, w, -1.25f, cf);
        for (int col = 0; col < cols; col++) {
            for (int i = 0; i < n; i++) {
                int at = col * n + i;
                if (col < first || col >= first + w) {
                    assertThat(c[at]).isEqualTo(c0[at]);
                    assertThat(cf[at]).isEqualTo(cf0[at]);
                    continue;
                }
                double s = 0.0;
                float sf = 0f;
                for (int k = 0; k < n; k++) {
                    s = Math.fma(a[i * n + k], b[col * n + k], s);
                    sf = Math.fma(af[i * n + k], bf[col * n + k], sf);
                }
                assertThat(c[at]).as("f64 (%d, %d)", i, col).isEqualTo(Math.fma(0.5, s, -1.25 * c0[at]));
                assertThat(cf[at]).as("f32 (%d, %d)", i, col).isEqualTo(Math.fma(0.5f, sf, -1.25f * cf0[at]));
            }
        }
    }
    /**
     * Panels beyond {@link PanelProduct#PANELS_IN_CACHE_BYTES} are taken one at a time for all the rows: every entry is
     * still exactly the sequential fma chain (8-, 4- and 1-row kernels; a partial last panel; two row blocks).
     */
    @org.junit.jupiter.api.Test
    void panelByPanelKeepsEveryEntrysFmaChain() {
        int n = 701;
        int m = (int) (PanelProduct.PANELS_IN_CACHE_BYTES / (8L * n)) + 5;
        assertThat((long) PanelProduct.panels(m) * n * PanelProduct.width(m) * 8).isGreaterThan(PanelProduct.PANELS_IN_CACHE_BYTES);
        SplittableRandom rng = new SplittableRandom(5);
        double[] a = random(rng, n * n);
        double[] b = random(rng, n * m);
        double[] out = product(a, n, b, m, 203);
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int k = 0; k < n; k++) {
                    s = Math.fma(a[i * n + k], b[c * n + k], s);
                }
                assertThat(out[c * n + i]).as("(%d, %d)", i, c).isEqualTo(s);
            }
        }
    }
}
