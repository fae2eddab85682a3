package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Chunked float32 storage (the layout of N above 46 340, forced here with small chunks) computes the same product bits
 * as the single array, for one vector and for a batch, whatever the chunk size: row groups of the kernels that straddle
 * a chunk boundary are copied together, so the arithmetic is unchanged.
 */
class Float32MatrixChunkTest {

    @Test
    void chunkedProductsAreBitIdenticalToTheSingleArray() {
        int n = 437;                                     // blocks of 16 rows (blockRows), 64 rows for batches
        SplittableRandom rng = new SplittableRandom(1);
        float[] data = new float[n * n];
        for (int k = 0; k < data.length; k++) {
            data[k] = (float) (rng.nextGaussian() / Math.sqrt(n));
        }
        Float32Matrix whole = new Float32Matrix(n, data);
        int replicas = 5;
        double[] r = new double[replicas * n];
        for (int k = 0; k < r.length; k++) {
            r[k] = Math.tanh(2 * rng.nextGaussian());
        }
        double[] single = new double[n];
        double[] batch = new double[replicas * n];
        try (ParallelRows one = new ParallelRows(1)) {
            whole.multiply(r, single, 1, one);
            whole.multiply(r, batch, replicas, one);
        }
        // 1, 3, 7 and 13 rows straddle the groups of four and the pairs; 16 and 48 are whole blocks (the default's rule)
        for (int rows : new int[] {1, 3, 7, 13, 16, 48}) {
            Float32Matrix chunked = new Float32Matrix(n, rows);   // entries from AlignedStart.FLOAT, the whole from 0
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    row[j] = data[i * n + j];
                }
                chunked.setRow(i, row);
            }
            assertThat(chunked.get(n - 1, n - 2)).isEqualTo(data[(n - 1) * n + n - 2]);
            assertThatThrownBy(chunked::data).isInstanceOf(IllegalStateException.class);
            for (int threads : new int[] {1, 2}) {
                try (ParallelRows pool = new ParallelRows(threads)) {
                    for (int call = 0; call < 30; call++) {
                        double[] a = new double[n];
                        chunked.multiply(r, a, 1, pool);
                        assertThat(a).as("chunks of %d rows, threads %d, call %d", rows, threads, call).isEqualTo(single);
                    }
                    double[] b = new double[replicas * n];
                    chunked.multiply(r, b, replicas, pool);
                    if (Blas.isNative()) {
                        // native sgemm per chunk part: the same products up to its own float rounding
                        for (int k = 0; k < b.length; k++) {
                            assertThat(b[k]).isCloseTo(batch[k], org.assertj.core.data.Offset.offset(1e-4));
                        }
                    } else {
                        assertThat(b).as("batch, chunks of %d rows, threads %d", rows, threads).isEqualTo(batch);
                    }
                }
            }
        }
    }

    @Test
    void defaultChunksAreWholeBlocksBeyondOneArray() {
        assertThat(CouplingMatrix.denseRowsPerChunk(46_340, 46_340)).isEqualTo(46_340);
        int n = 50_000;
        int rows = CouplingMatrix.denseRowsPerChunk(n, n);
        assertThat(rows % CouplingMatrix.blockRows(n)).isZero();
        assertThat((long) rows * n).isLessThanOrEqualTo(CouplingMatrix.CHUNK_ELEMENTS);
        assertThat((long) (rows + CouplingMatrix.blockRows(n)) * n).isGreaterThan(CouplingMatrix.CHUNK_ELEMENTS);
        // bfloat16 rows of 50 000 columns are 25 008 ints: one array of 1.25e9 ints
        assertThat(CouplingMatrix.denseRowsPerChunk(n, BFloat16Matrix.paddedColumns(n) / 2)).isEqualTo(n);
    }
}
