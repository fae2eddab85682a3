package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AlignedStartTest {

    @Test
    void padBringsTheHeaderToTheNextCacheLine() {
        assertThat(AlignedStart.pad(16, Float.BYTES)).isEqualTo(12);    // compressed class pointers: 16 + 48 = 64
        assertThat(AlignedStart.pad(12, Float.BYTES)).isEqualTo(13);    // compact object headers: 12 + 52 = 64
        assertThat(AlignedStart.pad(20, Float.BYTES)).isEqualTo(11);    // uncompressed class pointers
        assertThat(AlignedStart.pad(64, Float.BYTES)).isZero();
        assertThat(AlignedStart.pad(18, Float.BYTES)).isZero();         // no whole number of floats reaches a line
        assertThat(AlignedStart.FLOAT).isBetween(0, 15);
        assertThat(AlignedStart.pad(16, Double.BYTES)).isEqualTo(6);
        assertThat(AlignedStart.pad(24, Double.BYTES)).isEqualTo(5);
        assertThat(AlignedStart.DOUBLE).isBetween(0, 7);
    }

    @Test
    void allocatedMatricesStartThereAndWrappedOnesAtZero() {
        assertThat(Float32Matrix.zeros(40).offset()).isEqualTo(AlignedStart.FLOAT);
        assertThat(Float32Matrix.zeros(40).backing()).hasSize(AlignedStart.FLOAT + 40 * 40);
        assertThat(new Float32Matrix(3, new float[9]).offset()).isZero();
        assertThat(Float64Matrix.zeros(40).offset()).isEqualTo(AlignedStart.DOUBLE);
        assertThat(new Float64Matrix(3, new double[9]).offset()).isZero();
        // data() means entries from index 0: refused where they start further in, rather than read shifted
        assertThat(new Float64Matrix(3, new double[9]).data()).hasSize(9);
        if (AlignedStart.DOUBLE != 0) {
            assertThatThrownBy(() -> Float64Matrix.zeros(8).data()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("offset()");
        }
        if (AlignedStart.FLOAT != 0) {
            assertThatThrownBy(() -> Float32Matrix.zeros(8).data()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("offset()");
        }
    }

    /** The same products, bit for bit, from entries at index 0 and at {@link AlignedStart#DOUBLE}; rowMajor reads them back. */
    @Test
    void float64ProductsDoNotDependOnWhereTheEntriesStart() {
        int n = 203;   // rows of four and a remainder; one vector, and 5 vectors through the panel kernel
        SplittableRandom rng = new SplittableRandom(3);
        double[] dense = new double[n * n];
        Float64Matrix shifted = Float64Matrix.zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = rng.nextGaussian() / Math.sqrt(n);
                dense[i * n + j] = v;
                shifted.backing()[shifted.offset() + i * n + j] = v;
            }
        }
        Float64Matrix wrapped = new Float64Matrix(n, dense);
        assertThat(shifted.rowMajor()).isEqualTo(dense);
        assertThat(shifted.get(n - 1, 7)).isEqualTo(dense[(n - 1) * n + 7]);
        for (int replicas : new int[] {1, 5}) {
            double[] x = new double[replicas * n];
            for (int k = 0; k < x.length; k++) {
                x[k] = Math.tanh(rng.nextGaussian());
            }
            for (int threads : new int[] {1, 2}) {
                double[] a = new double[x.length];
                double[] b = new double[x.length];
                try (ParallelRows pool = new ParallelRows(threads)) {
                    wrapped.multiply(x, a, replicas, pool);
                    shifted.multiply(x, b, replicas, pool);
                }
                assertThat(b).as("%d vectors, %d threads", replicas, threads).isEqualTo(a);
            }
        }
    }
}
