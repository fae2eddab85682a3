package org.chaoslab.sim.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fields of binary states as column sums: h_i(c) = Σ_{j active in c} J_ij, from J stored column-major
 * ({@code jCol[j·N + i] = J_ij}) so that each active j adds one contiguous column. Rows are processed in tiles of
 * four SIMD vectors held in registers; the J tile of one row block (N × tile floats) stays in cache while every
 * column's active list runs over it. Adds in ascending j, in float: a fixed order, independent of threads.
 */
final class ColumnSumKernel {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private ColumnSumKernel() {
    }

    /** Rows per tile (four vectors): the row block of the fixed partition. */
    static int tileRows() {
        return 4 * F.length();
    }

    /**
     * {@code out[c·N + i] = Σ_k jCol[active[c·N + k]·N + i]} for k &lt; count[c], rows i ∈ [from, to), all columns.
     */
    static void fields(float[] jCol, int n, int[] active, int[] count, int columns, float[] out, int from, int to) {
        int l = F.length();
        int tile = 4 * l;
        int i0 = from;
        for (; i0 + tile <= to; i0 += tile) {
            for (int c = 0; c < columns; c++) {
                tile(jCol, n, active, c * n, count[c], out, c * n + i0, i0);
            }
        }
        for (; i0 + l <= to; i0 += l) {
            for (int c = 0; c < columns; c++) {
                int a0 = c * n;
                FloatVector s0 = FloatVector.zero(F);
                for (int k = 0, m = count[c]; k < m; k++) {
                    s0 = s0.add(FloatVector.fromArray(F, jCol, active[a0 + k] * n + i0));
                }
                s0.intoArray(out, c * n + i0);
            }
        }
        if (i0 < to) {
            scalarRows(jCol, n, active, count, columns, out, i0, to);
        }
    }

    /**
     * One tile of four vectors for one column: {@code out[o ..) = Σ_k jCol[active[a0 + k]·N + i0 ..)}. A method of its
     * own so that the JIT compiles it (and its vector intrinsics) after a few thousand calls, early in the first step.
     */
    private static void tile(float[] jCol, int n, int[] active, int a0, int m, float[] out, int o, int i0) {
        int l = F.length();
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F);
        FloatVector s3 = FloatVector.zero(F);
        for (int k = 0; k < m; k++) {
            int base = active[a0 + k] * n + i0;
            s0 = s0.add(FloatVector.fromArray(F, jCol, base));
            s1 = s1.add(FloatVector.fromArray(F, jCol, base + l));
            s2 = s2.add(FloatVector.fromArray(F, jCol, base + 2 * l));
            s3 = s3.add(FloatVector.fromArray(F, jCol, base + 3 * l));
        }
        s0.intoArray(out, o);
        s1.intoArray(out, o + l);
        s2.intoArray(out, o + 2 * l);
        s3.intoArray(out, o + 3 * l);
    }

    /** The same for fewer rows than one vector, scalar (same order of adds per row as the vector loops). */
    private static void scalarRows(float[] jCol, int n, int[] active, int[] count, int columns, float[] out, int from, int to) {
        int w = to - from;
        float[] acc = new float[w];
        for (int c = 0; c < columns; c++) {
            java.util.Arrays.fill(acc, 0f);
            int a0 = c * n;
            for (int k = 0, m = count[c]; k < m; k++) {
                int base = active[a0 + k] * n + from;
                for (int r = 0; r < w; r++) {
                    acc[r] += jCol[base + r];
                }
            }
            System.arraycopy(acc, 0, out, c * n + from, w);
        }
    }
}
