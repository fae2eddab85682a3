package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pure-Java level-3 kernels of the Lyapunov QR ({@link DotKernels#gemmTN}, {@link TriangularSolve}) against exact
 * arithmetic (BigDecimal) and their own scalar paths, for shapes that hit every tail (odd rows, columns not a multiple
 * of four, row counts below and above two vectors) and operands inside larger arrays (offsets, leading dimensions).
 */
class TriangularSolveTest {

    private static double[] random(int len, SplittableRandom rng) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = rng.nextDouble() - 0.5;
        }
        return a;
    }

    /** A well-conditioned upper triangle: diagonal 1 + |u|, off-diagonal entries of size 1/k (lower part NaN). */
    private static double[] upper(int k, int ld, int off, SplittableRandom rng) {
        double[] r = new double[off + ld * k];
        Arrays.fill(r, Double.NaN);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i <= j; i++) {
                r[off + j * ld + i] = i == j ? 1 + Math.abs(rng.nextDouble()) : (rng.nextDouble() - 0.5) / k;
            }
        }
        return r;
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "7, 5, 3", "33, 9, 17", "130, 67, 40", "61, 130, 130"})
    void gemmTransposedAgreesWithExactDotProductsAndLeavesTheLowerTriangle(int len, int m, int cols) {
        SplittableRandom rng = new SplittableRandom(len * 1000L + m);
        int lda = len + 3;
        int ldc = m + 2;
        double[] a = random(5 + lda * m, rng);
        double[] b = random(2 + lda * cols, rng);
        double[] c0 = random(1 + ldc * cols, rng);
        for (boolean upper : new boolean[] {false, true}) {
            double[] c = c0.clone();
            // two calls with fixed bounds, as CholeskyQr's column blocks: rows from 1, columns [0, 4) and [4, cols)
            int split = Math.min(4, cols);
            DotKernels.gemmTN(1, m, 0, split, len, -0.75, a, 5, lda, b, 2, lda, 1.5, c, 1, ldc, upper);
            DotKernels.gemmTN(1, m, split, cols, len, -0.75, a, 5, lda, b, 2, lda, 1.5, c, 1, ldc, upper);
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < m; i++) {
                    int at = 1 + j * ldc + i;
                    if (i == 0 || upper && i > j) {
                        assertThat(c[at]).as("untouched (%d, %d)", i, j).isEqualTo(c0[at]);
                        continue;
                    }
                    BigDecimal exact = BigDecimal.ZERO;
                    double scale = 0;
                    for (int p = 0; p < len; p++) {
                        double x = a[5 + i * lda + p];
                        double y = b[2 + j * lda + p];
                        exact = exact.add(new BigDecimal(x).multiply(new BigDecimal(y)), MathContext.DECIMAL128);
                        scale += Math.abs(x * y);
                    }
                    double want = -0.75 * exact.doubleValue() + 1.5 * c0[at];
                    // the dot product's n·u·Σ|a b| (u = 2^-53), scaled by |α|, plus the final fma's rounding
                    double bound = 0.75 * len * 0x1p-53 * scale + 0x1p-52 * Math.abs(want) + 1e-300;
                    assertThat(Math.abs(c[at] - want)).as("(%d, %d)", i, j).isLessThanOrEqualTo(bound);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "5, 3", "16, 7", "37, 64", "131, 130"})
    void rightSolveUndoesTheProductAndEveryRowHasTheScalarPathsBits(int m, int k) {
        SplittableRandom rng = new SplittableRandom(m * 31L + k);
        int ldb = m + 5;
        int ldr = k + 1;
        double[] r = upper(k, ldr, 2, rng);
        double[] b = random(3 + ldb * k, rng);
        double[] x = b.clone();
        TriangularSolve.rightUpper(0, m, k, r, 2, ldr, x, 3, ldb);
        // each row alone goes through the scalar path: the same chain of operations, so the same bits
        double[] rowByRow = b.clone();
        for (int row = 0; row < m; row++) {
            TriangularSolve.rightUpper(row, row + 1, k, r, 2, ldr, rowByRow, 3, ldb);
        }
        assertThat(x).isEqualTo(rowByRow);
        // X·R = B: backward stable, residual within k·u·|X|·|R| per entry (with room for the 2k roundings)
        for (int row = 0; row < m; row++) {
            for (int j = 0; j < k; j++) {
                double sum = 0;
                double scale = 0;
                for (int i = 0; i <= j; i++) {
                    double t = x[3 + i * ldb + row] * r[2 + j * ldr + i];
                    sum += t;
                    scale += Math.abs(t);
                }
                assertThat(Math.abs(sum - b[3 + j * ldb + row])).as("(%d, %d)", row, j)
                        .isLessThanOrEqualTo(4 * (k + 1) * 0x1p-53 * scale + 1e-300);
            }
        }
        // what lies outside the rows and columns solved is untouched
        assertThat(Arrays.copyOfRange(x, 0, 3)).isEqualTo(Arrays.copyOfRange(b, 0, 3));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 5", "9, 16", "40, 130"})
    void leftTransposedSolveUndoesTheProduct(int cols, int k) {
        SplittableRandom rng = new SplittableRandom(cols * 17L + k);
        int ld = k + 2;
        double[] r = upper(k, ld, 1, rng);
        double[] b = random(4 + ld * (cols + 1), rng);
        double[] x = b.clone();
        // columns [1, cols + 1) of B, k rows from offset 4
        TriangularSolve.leftUpperTransposed(1, cols + 1, k, r, 1, ld, x, 4, ld);
        for (int j = 1; j <= cols; j++) {
            for (int i = 0; i < k; i++) {
                double sum = 0;
                double scale = 0;
                for (int p = 0; p <= i; p++) {
                    double t = r[1 + i * ld + p] * x[4 + j * ld + p];
                    sum += t;
                    scale += Math.abs(t);
                }
                assertThat(Math.abs(sum - b[4 + j * ld + i])).as("(%d, %d)", i, j)
                        .isLessThanOrEqualTo(4 * (k + 1) * 0x1p-53 * scale + 1e-300);
            }
        }
        assertThat(Arrays.copyOfRange(x, 4, 4 + ld)).as("column 0").isEqualTo(Arrays.copyOfRange(b, 4, 4 + ld));
    }
}
