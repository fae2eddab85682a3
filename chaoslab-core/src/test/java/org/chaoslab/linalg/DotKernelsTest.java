package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The row kernels against exactly rounded dot products (BigDecimal), for sizes that hit every tail. */
class DotKernelsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 16, 33, 67, 130, 257})
    void rowsAgreeWithExactDotProductsInBothPrecisions(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        double[] a = new double[n * n];
        double[] b = new double[n];
        float[] af = new float[n * n];
        float[] bf = new float[n];
        for (int i = 0; i < a.length; i++) {
            af[i] = (float) (rng.nextDouble() - 0.5);
            a[i] = af[i];
        }
        for (int i = 0; i < n; i++) {
            bf[i] = (float) (rng.nextDouble() - 0.5);
            b[i] = bf[i];
        }
        double[] out = new double[n];
        double[] outF = new double[n];
        // an odd block boundary: rows [0, 5) and [5, n) as two blocks, so both kernels and both tails run
        int split = Math.min(5, n);
        DotKernels.rows(a, 0, n, b, out, 0, split);
        DotKernels.rows(a, 0, n, b, out, split, n);
        DotKernels.rows(af, 0, 0, n, bf, outF, 0, split);
        DotKernels.rows(af, 0, 0, n, bf, outF, split, n);
        for (int i = 0; i < n; i++) {
            BigDecimal exact = BigDecimal.ZERO;
            double scale = 0;
            for (int k = 0; k < n; k++) {
                exact = exact.add(new BigDecimal(a[i * n + k]).multiply(new BigDecimal(b[k])), MathContext.DECIMAL128);
                scale += Math.abs(a[i * n + k] * b[k]);
            }
            double e = exact.doubleValue();
            // float64: standard dot-product error bound n·u·Σ|a_k b_k| (u = 2^-53)
            assertThat(Math.abs(out[i] - e)).as("f64 row %d", i).isLessThanOrEqualTo(n * 0x1p-53 * scale + 1e-300);
            // float32 lanes accumulate in float: n·u_f·Σ|a_k b_k| (u_f = 2^-24); the products are exact in double
            assertThat(Math.abs(outF[i] - e)).as("f32 row %d", i).isLessThanOrEqualTo(n * 0x1p-24 * scale + 1e-300);
        }
    }

    /**
     * The multi-column kernel (the pure-Java batched product) against exactly rounded dot products, for sizes and
     * column counts that hit every tail (rows odd, columns not a multiple of 4); each entry within n·ε·Σ|a b| of exact.
     * Split into two odd row blocks, as the fixed partition does.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 16, 33, 130})
    void columnsAgreeWithExactDotProducts(int n) {
        SplittableRandom rng = new SplittableRandom(31 + n);
        for (int m : new int[] {1, 2, 4, 5, 9}) {
            double[] a = new double[n * n];
            double[] b = new double[n * m];
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextDouble() - 0.5;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextDouble() - 0.5;
            }
            double[] out = new double[n * m];
            int split = Math.min(3, n);
            DotKernels.columns(a, n, b, m, out, 0, split);
            DotKernels.columns(a, n, b, m, out, split, n);
            float[] af = new float[a.length];
            float[] bf = new float[b.length];
            for (int i = 0; i < a.length; i++) {
                af[i] = (float) a[i];
            }
            for (int i = 0; i < b.length; i++) {
                bf[i] = (float) b[i];
            }
            double[] outF = new double[n * m];
            DotKernels.columns(af, n, bf, m, outF, 0, split);
            DotKernels.columns(af, n, bf, m, outF, split, n);
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < n; i++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    double abs = 0;
                    for (int k = 0; k < n; k++) {
                        exact = exact.add(new BigDecimal(a[i * n + k]).multiply(new BigDecimal(b[c * n + k])));
                        abs += Math.abs(a[i * n + k] * b[c * n + k]);
                    }
                    assertThat(Math.abs(out[c * n + i] - exact.doubleValue())).as("n=%d m=%d (%d,%d)", n, m, i, c)
                            .isLessThanOrEqualTo(n * 1.2e-16 * abs + 1e-300);
                    BigDecimal exactF = BigDecimal.ZERO;
                    for (int k = 0; k < n; k++) {
                        exactF = exactF.add(new BigDecimal(af[i * n + k]).multiply(new BigDecimal(bf[c * n + k])));
                    }
                    // float lanes: each partial sum rounds to float (ε = 6e-8), the lane total in double
                    assertThat(Math.abs(outF[c * n + i] - exactF.doubleValue())).as("float n=%d m=%d (%d,%d)", n, m, i, c)
                            .isLessThanOrEqualTo(n * 6e-8 * abs + 1e-30);
                }
            }
        }
    }

    /**
     * The float rows' lane sum is one fixed tree, whether the kernel runs interpreted or compiled: each of 60 000 calls
     * (enough for C1 and then C2 to compile {@code foldLanes} during the loop) equals, bit for bit, a scalar model of the
     * same rotations — v_i ← v_i + v_{(i + s) mod l} for s = l/2, l/4, …, 1, in float — on lanes of magnitudes spread
     * over 2^±20 so that any other order rounds differently. {@code reduceLanes(ADD)} in its place fails here (its
     * interpreted fallback adds the lanes in order, its C2 intrinsic pairwise).
     */
    @Test
    void foldedLanesAreOneFixedTreeCompiledOrInterpreted() {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        int l = species.length();
        SplittableRandom rng = new SplittableRandom(2026);
        float[] lanes = new float[l];
        float[] model = new float[l];
        float[] rotated = new float[l];
        for (int call = 0; call < 60_000; call++) {
            for (int j = 0; j < l; j++) {
                lanes[j] = (float) ((rng.nextDouble() - 0.5) * Math.scalb(1.0, rng.nextInt(-20, 21)));
            }
            System.arraycopy(lanes, 0, model, 0, l);
            for (int s = l / 2; s >= 1 && l <= 16; s /= 2) {
                for (int j = 0; j < l; j++) {
                    rotated[j] = model[(j + s) % l];
                }
                for (int j = 0; j < l; j++) {
                    model[j] += rotated[j];
                }
            }
            double expected = l <= 16 ? model[0] : inOrder(lanes);
            double folded = DotKernels.foldLanes(FloatVector.fromArray(species, lanes, 0));
            if (Double.doubleToRawLongBits(folded) != Double.doubleToRawLongBits(expected)) {
                throw new AssertionError("call " + call + ": folded " + folded + ", the fixed tree gives " + expected);
            }
        }
    }

    private static double inOrder(float[] lanes) {
        double sum = 0.0;
        for (float v : lanes) {
            sum += v;
        }
        return sum;
    }

    /**
     * The four-row float kernel folds its accumulators with the rotations of {@link DotKernels#foldLanes} written out
     * (so that C2 need not inline four calls): each row equals, bit for bit, the two-accumulator chain (even and odd
     * vectors of the row, fma in float lanes) folded by {@code foldLanes} — for widths a multiple of two vectors, where
     * no tail runs.
     */
    @Test
    void fourRowKernelFoldsAsFoldLanesDoes() {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        int l = species.length();
        SplittableRandom rng = new SplittableRandom(7);
        for (int n : new int[] {2 * l, 6 * l, 64 * l}) {
            float[] a = new float[4 * n];
            float[] b = new float[n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ((rng.nextDouble() - 0.5) * Math.scalb(1.0, rng.nextInt(-8, 9)));
            }
            for (int k = 0; k < n; k++) {
                b[k] = (float) (rng.nextDouble() - 0.5);
            }
            double[] out = new double[4];
            DotKernels.rows(a, 0, 0, n, b, out, 0, 4);
            for (int r = 0; r < 4; r++) {
                FloatVector p = FloatVector.zero(species);
                FloatVector q = FloatVector.zero(species);
                for (int k = 0; k < n; k += 2 * l) {
                    p = FloatVector.fromArray(species, a, r * n + k).fma(FloatVector.fromArray(species, b, k), p);
                    q = FloatVector.fromArray(species, a, r * n + k + l).fma(FloatVector.fromArray(species, b, k + l), q);
                }
                double expected = DotKernels.foldLanes(p.add(q));
                assertThat(Double.doubleToRawLongBits(out[r])).as("n=%d row %d", n, r)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }
}
