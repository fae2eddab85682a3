package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.Float64Matrix;

/**
 * The couplings as the tangent products read them: the N×N matrix row-major in float64, entry (i, k) at
 * {@code j[start + i·N + k]}, and for mixed-precision tangent products the same in float32 ({@code j32} from
 * {@code start32}; null in float64 mode). A matrix already stored in that precision is read in place, whatever index
 * its entries start at (the sampler starts them on a cache line, {@code AlignedStart}): no second N×N copy.
 */
record DenseCouplings(double[] j, int start, float[] j32, int start32) {

    /** Float64 entries from index 0, no float32 copy. */
    static DenseCouplings float64(double[] j) {
        return new DenseCouplings(j, 0, null, 0);
    }

    /**
     * The couplings for the tangent products: float64 storage in place, others widened into a float64 copy; with
     * {@code float32Tangents} also float32 entries (float32 storage in one array in place, others rounded or widened).
     */
    static DenseCouplings of(CouplingMatrix m, boolean float32Tangents) {
        double[] j;
        int start;
        if (m instanceof Float64Matrix f) {
            j = f.backing();
            start = f.offset();
        } else {
            j = LyapunovAnalyzer.float64(m);
            start = 0;
        }
        if (!float32Tangents) {
            return new DenseCouplings(j, start, null, 0);
        }
        if (m instanceof Float32Matrix f && f.chunks() == 1) {
            return new DenseCouplings(j, start, f.backing(), f.offset());
        }
        return new DenseCouplings(j, start, LyapunovAnalyzer.float32(m), 0);
    }

    /**
     * Checks that the arrays hold an n×n matrix from their starts.
     *
     * @throws IllegalArgumentException if one is too short
     */
    void requireSize(int n) {
        long entries = (long) n * n;
        if (j.length < start + entries) {
            throw new IllegalArgumentException("coupling matrix must have n*n entries");
        }
        if (j32 != null && j32.length < start32 + entries) {
            throw new IllegalArgumentException("float32 coupling matrix must have n*n entries");
        }
    }

    /** Entry (i, k) of the float64 matrix of size n. */
    double get(int n, int i, int k) {
        return j[start + i * n + k];
    }
}
