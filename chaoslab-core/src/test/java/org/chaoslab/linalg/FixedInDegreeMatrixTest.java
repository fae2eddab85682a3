package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compressed-row product against a dense double-precision reference built from the same entries, the bound on
 * its float rounding reasoned below; and its bit-identity across thread counts, chunkings and replica batches.
 */
class FixedInDegreeMatrixTest {

    /** A matrix with random columns (repeats allowed: a CSR row may name a column twice) and N(0, 1/K) weights. */
    private static FixedInDegreeMatrix random(int n, int k, int rowsPerChunk, long seed) {
        FixedInDegreeMatrix m = new FixedInDegreeMatrix(n, k, rowsPerChunk);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] c = new int[k];
        float[] w = new float[k];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
                c[q] = rng.nextInt(n);
                w[q] = (float) (rng.nextGaussian() / Math.sqrt(k));
            }
            m.setRow(i, c, w);
        }
        return m;
    }

    private static double[] vector(int len, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r = new double[len];
        for (int i = 0; i < len; i++) {
            r[i] = Math.tanh(2 * rng.nextGaussian());
        }
        return r;
    }

    /**
     * Rounding bound of one row. The product rounds the vector to float (part of its contract, as {@link Float32Matrix})
     * and the reference uses those floats too, so the difference is the float accumulation alone. The scalar kernel's
     * four accumulators are chains of ⌊K/4⌋ FMAs; the gather kernel's lanes chains of K/(2·lanes) FMAs plus one add
     * (lanes ≥ 4 here): at most m = ⌊K/4⌋ + 2 roundings of unit u = 2⁻²⁴ along any chain, so (Higham, Accuracy and
     * Stability of Numerical Algorithms, eq. 3.5) |error| ≤ γ_m·Σ_k |w_k x_k|, γ_m = m·u/(1 − m·u). The lane sums and
     * the tail are in double (relative 2⁻⁵³ per add over at most K + 16 adds): covered by a further (K + 16)·2⁻⁵²·Σ|w x|.
     */
    private static double bound(int k, double absSum) {
        double u = 0x1p-24;
        int m = k / 4 + 2;
        return (m * u / (1 - m * u) + (k + 16) * 0x1p-52) * absSum;
    }

    @ParameterizedTest(name = "K = {0}")
    @ValueSource(ints = {1, 3, 37, 100, 500})
    void productMatchesTheDenseReferenceWithinTheFloatRoundingBound(int k) {
        int n = 1000;
        FixedInDegreeMatrix m = random(n, k, FixedInDegreeMatrix.defaultRowsPerChunk(k), 11 + k);
        double[] r = vector(n, 5);
        float[] xf = new float[n];
        for (int j = 0; j < n; j++) {
            xf[j] = (float) r[j];
        }
        double[] out = new double[n];
        try (ParallelRows pool = new ParallelRows(2)) {
            m.multiply(r, out, 1, pool);
        }
        float[] lanes = new float[SparseKernels.lanes()];
        double worst = 0;
        for (int i = 0; i < n; i++) {
            // the dense reference: row i of J as an array (repeated columns add up), times the float-rounded vector
            double[] row = new double[n];
            for (int q = 0; q < k; q++) {
                row[m.column(i, q)] += m.weight(i, q);
            }
            double exact = 0;
            double abs = 0;
            for (int j = 0; j < n; j++) {
                exact += row[j] * xf[j];
                abs += Math.abs(row[j] * xf[j]);
            }
            double b = bound(k, abs) + 1e-300;
            assertThat(Math.abs(out[i] - exact)).as("row %d", i).isLessThanOrEqualTo(b);
            worst = Math.max(worst, Math.abs(out[i] - exact) / b);
            // both kernels, whichever the product uses
            int c = m.chunkOf(i);
            double gather = SparseKernels.gatherRow(m.chunk(c), m.offsetOf(i), k, xf, 0, lanes);
            double scalar = SparseKernels.scalarRow(m.chunk(c), m.offsetOf(i), k, xf, 0);
            assertThat(Math.abs(gather - exact)).as("gather row %d", i).isLessThanOrEqualTo(b);
            assertThat(Math.abs(scalar - exact)).as("scalar row %d", i).isLessThanOrEqualTo(b);
            assertThat(out[i]).isEqualTo(SparseKernels.GATHER ? gather : scalar);
            assertThat(m.get(i, m.column(i, 0))).isEqualTo(row[m.column(i, 0)], org.assertj.core.data.Offset.offset(1e-12));
        }
        System.out.printf("K = %d (%s kernel, %d lanes): largest error %.3f of the rounding bound%n", k, SparseKernels.kernel(),
                SparseKernels.lanes(), worst);
    }

    @Test
    void bitIdenticalForAnyThreadCountChunkingAndReplicaBatch() {
        int n = 1500;
        int k = 70;
        FixedInDegreeMatrix whole = random(n, k, FixedInDegreeMatrix.defaultRowsPerChunk(k), 3);
        FixedInDegreeMatrix chunked = new FixedInDegreeMatrix(n, k, 13);   // the same entries in chunks of 13 rows
        int[] cols = new int[k];
        float[] ws = new float[k];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
                cols[q] = whole.column(i, q);
                ws[q] = whole.weight(i, q);
            }
            chunked.setRow(i, cols, ws);
        }
        int replicas = 3;
        double[] r = vector(replicas * n, 9);
        double[] reference = new double[n];
        try (ParallelRows one = new ParallelRows(1)) {
            whole.multiply(r, reference, 1, one);
        }
        for (int threads : new int[] {1, 2, 3}) {
            try (ParallelRows pool = new ParallelRows(threads)) {
                for (int call = 0; call < 50; call++) {
                    double[] a = new double[n];
                    double[] b = new double[n];
                    whole.multiply(r, a, 1, pool);
                    chunked.multiply(r, b, 1, pool);
                    assertThat(a).as("threads %d call %d", threads, call).isEqualTo(reference);
                    assertThat(b).as("chunked, threads %d call %d", threads, call).isEqualTo(reference);
                }
                // replica m of a batch is the single product of its own vector
                double[] batch = new double[replicas * n];
                whole.multiply(r, batch, replicas, pool);
                for (int m = 0; m < replicas; m++) {
                    double[] single = new double[n];
                    double[] in = java.util.Arrays.copyOfRange(r, m * n, m * n + n);
                    whole.multiply(in, single, 1, pool);
                    assertThat(java.util.Arrays.copyOfRange(batch, m * n, m * n + n)).as("replica %d", m).isEqualTo(single);
                }
            }
        }
    }

    @Test
    void storageAndValidation() {
        FixedInDegreeMatrix m = new FixedInDegreeMatrix(10, 3, 4);
        assertThat(m.rowsPerChunk()).isEqualTo(4);
        assertThat(m.chunk(2)).hasSize(2 * 2 * 3);   // rows 8, 9: 3 indices and 3 weights each
        assertThat(m.chunkOf(9)).isEqualTo(2);
        assertThat(m.offsetOf(9)).isEqualTo(6);
        // the interleaved layout: K = 37 is two groups of 16 (indices, then weights) and 5 (indices, then weights)
        int k = 37;
        FixedInDegreeMatrix big = new FixedInDegreeMatrix(40, k, 2);
        int[] cols = new int[k];
        float[] ws = new float[k];
        for (int q = 0; q < k; q++) {
            cols[q] = q + 1;
            ws[q] = 0.5f * q;
        }
        big.setRow(3, cols, ws);
        int[] d = big.chunk(1);
        int o = big.offsetOf(3);
        assertThat(o).isEqualTo(2 * k);
        assertThat(d[o]).isEqualTo(1);
        assertThat(Float.intBitsToFloat(d[o + 16])).isEqualTo(0.0f);
        assertThat(d[o + 32]).isEqualTo(17);
        assertThat(Float.intBitsToFloat(d[o + 48 + 15])).isEqualTo(0.5f * 31);
        assertThat(d[o + 64]).isEqualTo(33);                                  // the last 5: indices ...
        assertThat(Float.intBitsToFloat(d[o + 64 + 5])).isEqualTo(0.5f * 32);  // ... then weights
        for (int q = 0; q < k; q++) {
            assertThat(big.column(3, q)).isEqualTo(q + 1);
            assertThat(big.weight(3, q)).isEqualTo(0.5f * q);
        }
        assertThat(m.bytes()).isEqualTo(8L * 10 * 3);
        assertThat(FixedInDegreeMatrix.bytes(1_000_000, 1000)).isEqualTo(8_000_000_000L);
        assertThat(FixedInDegreeMatrix.defaultRowsPerChunk(1000)).isEqualTo((1 << 27) / 1000);
        assertThatThrownBy(() -> new FixedInDegreeMatrix(10, 11)).hasMessageStartingWith("k (entries per row) must be in [1, n]");
        assertThatThrownBy(() -> new FixedInDegreeMatrix(10, 0)).hasMessageStartingWith("k (entries per row) must be in [1, n]");
    }
}
