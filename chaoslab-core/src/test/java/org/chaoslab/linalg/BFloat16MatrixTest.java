package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The bfloat16 matrix: storage (layout, padding, chunks) and its product against the float64 product of the same
 * bfloat16-rounded matrix, and bit-identity across chunkings, thread counts and replica batches.
 */
class BFloat16MatrixTest {

    private static double[][] gaussian(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian() / Math.sqrt(n);
            }
        }
        return a;
    }

    private static BFloat16Matrix fill(BFloat16Matrix m, double[][] a) {
        for (int i = 0; i < a.length; i++) {
            m.setRow(i, a[i]);
        }
        return m;
    }

    private static double[] vector(int len, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[len];
        for (int k = 0; k < len; k++) {
            v[k] = Math.tanh(2 * rng.nextGaussian());
        }
        return v;
    }

    /**
     * The product against Σ_j b(J_ij)·x_j in float64, b the bfloat16 rounding and x rounded to float as the product
     * does. Error bound: each row is two float32 fma chains of m = ⌈n/(2L)⌉ steps (J·x of a bfloat16 and a float32 is
     * exact in an fma; each step rounds the partial sum once, relative u = 2⁻²⁴), the two chains added in float (one more
     * rounding), the lanes summed in double (negligible): |error| ≤ (m + 1)·u·Σ_j |b(J_ij) x_j| to first order; asserted
     * with (m + 2). Sizes hit the padding (n not a multiple of 2L) and rows left over after groups of four.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17, 33, 100, 257, 1000})
    void productMatchesTheRoundedMatrixInDoubleWithinTheFloatAccumulationBound(int n) {
        double[][] a = gaussian(n, n);
        BFloat16Matrix m = fill(new BFloat16Matrix(n), a);
        double[] x = vector(n, 2 * n + 1);
        double[] out = new double[n];
        try (ParallelRows pool = new ParallelRows(2)) {
            for (int call = 0; call < 20; call++) {            // interpreted and compiled kernels
                m.multiply(x, out, 1, pool);
                double chains = Math.ceil(n / (2.0 * BFloat16Kernels.L));
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    double exact = 0;
                    double abs = 0;
                    for (int j = 0; j < n; j++) {
                        double bij = BFloat16.toFloat(BFloat16.round(a[i][j]));
                        assertThat(m.get(i, j)).isEqualTo(bij);
                        double xf = (float) x[j];
                        exact += bij * xf;            // the products are exact in double, the sum to 1e-16
                        abs += Math.abs(bij * xf);
                    }
                    double bound = (chains + 2) * 0x1p-24 * abs + 1e-300;
                    assertThat(Math.abs(out[i] - exact)).as("n %d row %d", n, i).isLessThanOrEqualTo(bound);
                    worst = Math.max(worst, Math.abs(out[i] - exact) / bound);
                }
                if (call == 19) {
                    System.out.printf("bf16 product n = %d (%d lanes): largest error %.3f of the bound%n", n,
                            BFloat16Kernels.L, worst);
                }
            }
        }
    }

    @Test
    void layoutRoundTripsEveryEntryAndRowWidening() {
        int n = 45;                                          // padded to 64 columns with 16 lanes: both halves, padding
        double[][] a = gaussian(n, 5);
        BFloat16Matrix byRow = fill(new BFloat16Matrix(n), a);
        BFloat16Matrix byEntry = new BFloat16Matrix(n, 7);
        for (int i = n - 1; i >= 0; i--) {
            for (int j = n - 1; j >= 0; j--) {
                byEntry.set(i, j, a[i][j]);
            }
        }
        float[] row = new float[n + 3];
        for (int i = 0; i < n; i++) {
            byRow.row(i, row, 3);
            for (int j = 0; j < n; j++) {
                int b = BFloat16.round(a[i][j]);
                assertThat(byRow.bits(i, j)).isEqualTo(b);
                assertThat(byEntry.bits(i, j)).isEqualTo(b);
                assertThat(row[3 + j]).isEqualTo(BFloat16.toFloat(b));
            }
        }
        assertThat(byRow.bytes()).isEqualTo(BFloat16Matrix.bytes(n)).isEqualTo(2L * n * BFloat16Matrix.paddedColumns(n));
        assertThat(BFloat16Matrix.paddedColumns(n) % (2 * BFloat16Kernels.L)).isZero();
    }

    /**
     * Chunks of 1, 5 and 13 rows (blocks of the product straddle them), 1–3 threads, 50 calls (interpreted and
     * compiled), and a batch of 3 replicas: every product bit-identical to the one-array, one-thread single product.
     */
    @Test
    void bitIdenticalForAnyChunkingThreadCountAndReplicaBatch() {
        int n = 611;
        double[][] a = gaussian(n, 9);
        BFloat16Matrix whole = fill(new BFloat16Matrix(n), a);
        assertThat(whole.chunks()).isEqualTo(1);
        int replicas = 3;
        double[] r = vector(replicas * n, 4);
        double[] reference = new double[n];
        try (ParallelRows one = new ParallelRows(1)) {
            whole.multiply(r, reference, 1, one);
        }
        for (int rows : new int[] {1, 5, 13}) {
            BFloat16Matrix chunked = fill(new BFloat16Matrix(n, rows), a);
            assertThat(chunked.chunks()).isEqualTo((n - 1) / rows + 1);
            for (int threads : new int[] {1, 2, 3}) {
                try (ParallelRows pool = new ParallelRows(threads)) {
                    for (int call = 0; call < 50; call++) {
                        double[] b = new double[n];
                        chunked.multiply(r, b, 1, pool);
                        assertThat(b).as("chunks of %d, threads %d, call %d", rows, threads, call).isEqualTo(reference);
                    }
                    double[] batch = new double[replicas * n];
                    chunked.multiply(r, batch, replicas, pool);
                    for (int m = 0; m < replicas; m++) {
                        double[] single = new double[n];
                        whole.multiply(Arrays.copyOfRange(r, m * n, m * n + n), single, 1, pool);
                        assertThat(Arrays.copyOfRange(batch, m * n, m * n + n)).as("replica %d", m).isEqualTo(single);
                    }
                }
            }
        }
    }

    /**
     * Two bfloat16 entries share one int (columns k and k + L of a group); the symmetric coupling sampler sets single
     * entries from several threads (row i's stream writes J_ij and the mirror J_ji), so {@link BFloat16Matrix#set} must
     * keep a write to the other half of its int made meanwhile by another thread. Two threads set the low and the high
     * halves of the ints of a 4 × 2L matrix over and over at the same time, each ending with its own last value; both
     * last values must be there. A plain read-modify-write loses one (the other thread writes back the half it read
     * before): found as a zero coupling in CI (CouplingSamplerTest, symmetric bfloat16 on two threads).
     */
    @Test
    void concurrentSetsOfTheTwoHalvesOfAnIntAreBothKept() throws Exception {
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        int n = 2 * lanes;
        int rows = 4;
        int sweeps = 20_000;
        for (int round = 0; round < 20; round++) {
            BFloat16Matrix m = new BFloat16Matrix(n);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            Thread[] writers = new Thread[2];
            for (int w = 0; w < 2; w++) {
                int half = w;
                writers[w] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int sweep = 1; sweep <= sweeps; sweep++) {
                        for (int i = 0; i < rows; i++) {
                            for (int k = 0; k < lanes; k++) {
                                m.set(i, half * lanes + k, sweep);
                            }
                        }
                    }
                });
                writers[w].start();
            }
            for (Thread t : writers) {
                t.join();
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(m.bits(i, j)).as("round %d, entry (%d, %d)", round, i, j).isEqualTo(BFloat16.round(sweeps));
                }
            }
        }
    }
}
