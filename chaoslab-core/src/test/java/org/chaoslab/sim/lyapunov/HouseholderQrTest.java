package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholderQrTest {

    private static double[] gaussian(int len, long seed) {
        ZigguratSampler.NormalizedGaussian z = StreamSeeds.of(seed).child("test").gaussian();
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = z.sample();
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource({"50, 1", "50, 31", "50, 50", "200, 33", "200, 150", "300, 300"})
    void blockedParallelQrAgreesWithLapackAndReconstructs(int n, int k) {
        int off = 2 * n; // the system sits after x and x′, as in TangentSystem
        double[] a = new double[HouseholderQr.paddedLength(n, k, off)];
        System.arraycopy(gaussian(n * k, n + k), 0, a, off, n * k);
        double[] original = a.clone();
        double[] ref = a.clone();
        double[] logR = new double[k];
        double[] logRef = new double[k];
        try (ParallelRows pool = new ParallelRows(2)) {
            assertThat(new HouseholderQr(n, k).orthonormalize(a, off, logR, pool)).isTrue();
        }
        assertThat(new HouseholderQr(n, k).referenceLapack(ref, off, logRef)).isTrue();
        // same algorithm as LAPACK up to the block size and summation order: agreement to a few ulps·√(n k)
        for (int i = 0; i < k; i++) {
            assertThat(logR[i]).isCloseTo(logRef[i], within(1e-12));
        }
        for (int p = off; p < off + n * k; p++) {
            assertThat(a[p]).isCloseTo(ref[p], within(1e-12));
        }
        // orthonormal columns: ‖QᵀQ − I‖_max at round-off (Householder QR is backward stable, ~n·ε)
        for (int c = 0; c < k; c++) {
            for (int e = 0; e <= c; e++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += a[off + c * n + i] * a[off + e * n + i];
                }
                assertThat(dot).isCloseTo(c == e ? 1.0 : 0.0, within(1e-13));
            }
        }
        // R = QᵀA is upper triangular with diagonal e^{logR} > 0 (signs fixed)
        for (int c = 0; c < Math.min(k, 8); c++) {
            for (int r = 0; r < k; r++) {
                double rij = 0;
                for (int i = 0; i < n; i++) {
                    rij += a[off + r * n + i] * original[off + c * n + i];
                }
                if (r > c) {
                    assertThat(rij).isCloseTo(0.0, within(1e-12));
                } else if (r == c) {
                    assertThat(rij).isCloseTo(Math.exp(logR[c]), within(1e-11 * Math.exp(logR[c])));
                }
            }
        }
        // x and x′ columns untouched
        for (int p = 0; p < off; p++) {
            assertThat(a[p]).isEqualTo(original[p]);
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        int n = 300;
        int k = 260;
        double[] a1 = java.util.Arrays.copyOf(gaussian(n * k, 5), HouseholderQr.paddedLength(n, k, 0));
        double[] a3 = a1.clone();
        double[] l1 = new double[k];
        double[] l3 = new double[k];
        try (ParallelRows pool = new ParallelRows(1)) {
            new HouseholderQr(n, k).orthonormalize(a1, 0, l1, pool);
        }
        try (ParallelRows pool = new ParallelRows(3)) {
            new HouseholderQr(n, k).orthonormalize(a3, 0, l3, pool);
        }
        // fixed column blocks: bit-identical
        assertThat(a3).isEqualTo(a1);
        assertThat(l3).isEqualTo(l1);
    }

    @Test
    void rankLossIsReported() {
        int n = 20;
        int k = 3;
        double[] a = java.util.Arrays.copyOf(gaussian(n * k, 2), HouseholderQr.paddedLength(n, k, 0));
        System.arraycopy(a, 0, a, n, n); // column 1 = column 0
        double[] logR = new double[k];
        try (ParallelRows pool = new ParallelRows(1)) {
            boolean ok = new HouseholderQr(n, k).orthonormalize(a, 0, logR, pool);
            // R_11 is exactly 0 or at round-off level (~1e-16·‖a‖): log R_11 < −30
            assertThat(!ok || logR[1] < -30).isTrue();
        }
    }
}
