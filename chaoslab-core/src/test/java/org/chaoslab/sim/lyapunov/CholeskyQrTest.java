package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cholesky QR against Householder QR (the reference: LAPACK's algorithm, tested against dgeqrf+dorgqr in
 * {@link HouseholderQrTest}) on systems of prescribed condition number: Q = U·diag(s)·V with U, V
 * orthonormal and s spread geometrically over [1/κ, 1] — the shape of a tangent system after one
 * re-orthonormalization interval.
 */
class CholeskyQrTest {

    private static double[] gaussian(int len, long seed) {
        ZigguratSampler.NormalizedGaussian z = StreamSeeds.of(seed).child("test").gaussian();
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = z.sample();
        }
        return a;
    }

    /** n×k column-major matrix with singular values geometrically spread over [1/kappa, 1], padded. */
    private static double[] conditioned(int n, int k, double kappa, long seed) {
        double[] u = Arrays.copyOf(gaussian(n * k, seed), HouseholderQr.paddedLength(n, k, 0));
        double[] v = Arrays.copyOf(gaussian(k * k, seed + 1), HouseholderQr.paddedLength(k, k, 0));
        double[] scratch = new double[k];
        try (ParallelRows pool = new ParallelRows(1)) {
            new HouseholderQr(n, k).orthonormalize(u, 0, scratch, pool);
            new HouseholderQr(k, k).orthonormalize(v, 0, scratch, pool);
        }
        double[] a = new double[HouseholderQr.paddedLength(n, k, 0)];
        for (int c = 0; c < k; c++) {
            for (int m = 0; m < k; m++) {
                double s = Math.pow(kappa, -(double) m / Math.max(1, k - 1));
                double w = s * v[c * k + m]; // (diag(s) V)_{m,c}
                for (int i = 0; i < n; i++) {
                    a[c * n + i] += u[m * n + i] * w;
                }
            }
        }
        return a;
    }

    private static double orthogonalityError(double[] q, int n, int k) {
        double worst = 0;
        for (int c = 0; c < k; c++) {
            for (int e = 0; e <= c; e++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[c * n + i] * q[e * n + i];
                }
                worst = Math.max(worst, Math.abs(dot - (c == e ? 1.0 : 0.0)));
            }
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({"200, 200, 5, false", "300, 120, 50, false", "300, 300, 1e4, true", "400, 257, 2e4, true"})
    void agreesWithHouseholderQr(int n, int k, double kappa, boolean secondPass) {
        double[] a = conditioned(n, k, kappa, n + k);
        double[] ref = a.clone();
        double[] logR = new double[k];
        double[] logRef = new double[k];
        CholeskyQr chol = new CholeskyQr(n, k);
        try (ParallelRows pool = new ParallelRows(2)) {
            assertThat(chol.orthonormalize(a, 0, logR, pool)).isTrue();
            assertThat(new HouseholderQr(n, k).orthonormalize(ref, 0, logRef, pool)).isTrue();
        }
        // one pass leaves ‖QᵀQ − I‖ ≈ κ²u: 3e-15 (κ = 5) and 3e-13 (50) pass the 1e-10 probe; 1e-8 and 4e-8
        // (κ = 1e4, 2e4) do not, and a second pass runs
        assertThat(chol.secondPasses()).isEqualTo(secondPass ? 1 : 0);
        // both compute the unique QR factorization with R_ii > 0. Perturbation theory: R's relative error
        // is O(κ u) for Householder and O(κ² u) for one Cholesky pass (O(κ u) after two), u = 1.1e-16;
        // the largest case (2e4, two passes) allows 2e-10 for log R_ii and Q.
        double tol = 1e-14 * Math.max(kappa * (secondPass ? 1 : kappa), 100);
        for (int i = 0; i < k; i++) {
            assertThat(logR[i]).isCloseTo(logRef[i], within(tol));
        }
        for (int p = 0; p < n * k; p++) {
            assertThat(a[p]).isCloseTo(ref[p], within(tol));
        }
        // orthonormal to round-off either way: one pass κ²u ≤ 2.5e-13 here, two passes O(u)·k
        assertThat(orthogonalityError(a, n, k)).isLessThan(secondPass ? 1e-13 : 1e-12);
    }

    @Test
    void refusesSystemsTooIllConditionedAndLeavesThemUntouched() {
        int n = 120;
        int k = 60;
        double[] a = conditioned(n, k, 1e10, 3);
        double[] original = a.clone();
        double[] logR = new double[k];
        try (ParallelRows pool = new ParallelRows(2)) {
            assertThat(new CholeskyQr(n, k).orthonormalize(a, 0, logR, pool)).isFalse();
        }
        assertThat(a).isEqualTo(original);
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        int n = 500;
        int k = 430;
        double[] a1 = conditioned(n, k, 20, 9);
        double[] a3 = a1.clone();
        double[] l1 = new double[k];
        double[] l3 = new double[k];
        try (ParallelRows pool = new ParallelRows(1)) {
            new CholeskyQr(n, k).orthonormalize(a1, 0, l1, pool);
        }
        try (ParallelRows pool = new ParallelRows(3)) {
            new CholeskyQr(n, k).orthonormalize(a3, 0, l3, pool);
        }
        assertThat(a3).isEqualTo(a1);
        assertThat(l3).isEqualTo(l1);
    }
}
