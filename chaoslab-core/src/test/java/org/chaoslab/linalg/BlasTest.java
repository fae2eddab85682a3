package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BlasTest {

    /**
     * CI runs the suite once as a new user (CHAOSLAB_BLAS=java) and the backend-sensitive tests once more with
     * native OpenBLAS installed, setting CHAOSLAB_EXPECT_BLAS to what it expects: a machine that silently fell
     * back to Java would otherwise pass twice with the same backend.
     */
    @Test
    void backendIsTheOneExpected() {
        String expected = System.getenv("CHAOSLAB_EXPECT_BLAS");
        if ("native".equals(expected)) {
            assertThat(Blas.isNative()).as(Blas.backend()).isTrue();
        } else if ("java".equals(expected) || "java".equals(System.getenv(Blas.BACKEND_ENV))) {
            assertThat(Blas.isNative()).as(Blas.backend()).isFalse();
        }
        assertThat(Blas.backend()).startsWith("blas=").contains("lapack=");
    }

    /**
     * The product layout of every hot path (dgemm "T", "N" on row blocks of a row-major matrix) gives the same bits
     * on its first, interpreted call and after the JIT has compiled it: the property that makes results independent
     * of the thread count. (This small check alone did not catch netlib's VectorBLAS — measured: 0 differing entries
     * — while LyapunovAnalyzerTest, run with VectorBLAS, differs between thread counts in the 15th digit; it guards
     * the layout, the Lyapunov test the whole run.) Checked against a naive triple loop to round-off:
     * |error| ≤ n·ε·Σ|a||b| with n = 300, entries O(1): ≤ 300 · 1.1e-16 · 300 ≈ 1e-11.
     */
    @Test
    void transposedProductIsTheSameColdAndCompiled() {
        int n = 300;
        int m = 5;
        SplittableRandom rng = new SplittableRandom(7);
        double[] a = new double[n * n];
        double[] b = new double[n * m];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble(-1, 1);
        }
        double[] cold = new double[n * m];
        Blas.blas().dgemm("T", "N", n, m, n, 1.0, a, 0, n, b, 0, n, 0.0, cold, 0, n);
        double[] warm = new double[n * m];
        for (int rep = 0; rep < 3000; rep++) {
            Blas.blas().dgemm("T", "N", n, m, n, 1.0, a, 0, n, b, 0, n, 0.0, warm, 0, n);
        }
        assertThat(warm).as(Blas.backend()).isEqualTo(cold);
        double[] naive = new double[n * m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[j * n + k];
                }
                naive[j * n + i] = s;
            }
        }
        assertThat(cold).containsExactly(naive, within(1e-11));
    }
}
