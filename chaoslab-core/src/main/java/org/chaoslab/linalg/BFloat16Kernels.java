package org.chaoslab.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row kernels of the bfloat16 matrix–vector product ({@link BFloat16Matrix}): J in bfloat16, x and the accumulation in
 * float32 lanes, each row's lanes summed in float64 (as {@link DotKernels} does for the float32 batched product).
 *
 * <p><b>Widening in registers.</b> A row is stored as ints, each holding two bfloat16 (see {@link BFloat16Matrix}): in a
 * segment of 2L columns (L float lanes per vector), int lane k holds column k in its low half and column L + k in its
 * high half. One vector load of L ints then gives two float vectors without any lane shuffle: {@code v << 16} is
 * columns [0, L) as float32 (a bfloat16 is the upper half of a float32), {@code v & 0xFFFF0000} columns [L, 2L); each
 * is multiplied with x loaded as it is. Per 2L couplings: one load, a shift, an and, two fma. The alternative, bfloat16
 * in column order loaded as a half-width short vector and widened by {@code convertShape(S2I)} then shifted, needs a
 * lane-widening conversion per L couplings; measured slower here (docs/dense-large.md).
 *
 * <p><b>Fixed arithmetic per row.</b> Every row is computed by the same sequence of operations whichever kernel runs it
 * (four rows at a time or one): two accumulators (low and high halves), fma in float in segment order, the two added
 * lane-wise, the lanes summed in double in lane order. So a row's bits depend neither on the row blocks nor on the
 * chunks nor on the thread count, and a batch of vectors gives each vector the bits of its single product.
 */
final class BFloat16Kernels {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    /** Float lanes per vector, L; a segment is 2L columns, L ints. */
    static final int L = F.length();
    private static final int HIGH = 0xFFFF0000;

    static {
        if (I.length() != L) {
            throw new IllegalStateException("int and float vectors differ in lanes: " + I.length() + " and " + L);
        }
    }

    /** Per-thread scratch for the accumulators (four vectors of F), summed by scalar code. */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[4 * L]);

    private BFloat16Kernels() {
    }

    /**
     * Rows [from, to) of a chunk whose row 0 is row {@code first}, for {@code replicas} vectors: out[m·n + i] = Σ_k
     * J_ik x[m·stride + k], J row i at a[(i − first)·rowInts], {@code rowInts} = stride/2 ints per row (stride a multiple of
     * 2L, the columns beyond n zero in a and in x). Rows four at a time, each group once per vector (its rows stay in
     * L1/L2 across the vectors), the rest one at a time.
     */
    static void rows(int[] a, int first, int rowInts, int n, float[] x, int stride, int replicas, double[] out, int from,
                     int to) {
        float[] lanes = LANES.get();
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int off = (i - first) * rowInts;
            for (int m = 0; m < replicas; m++) {
                dot4(a, off, rowInts, x, m * stride, out, m * n + i, lanes);
            }
        }
        for (; i < to; i++) {
            int off = (i - first) * rowInts;
            for (int m = 0; m < replicas; m++) {
                out[m * n + i] = dot(a, off, rowInts, x, m * stride, lanes);
            }
        }
    }

    /** Rows at a[off], a[off + rowInts], … (four): out[o + r] = Σ over the row's segments, see the class comment. */
    private static void dot4(int[] a, int off, int rowInts, float[] x, int xOff, double[] out, int o, float[] lanes) {
        int o1 = off + rowInts;
        int o2 = off + 2 * rowInts;
        int o3 = off + 3 * rowInts;
        FloatVector p0 = FloatVector.zero(F);
        FloatVector q0 = FloatVector.zero(F);
        FloatVector p1 = FloatVector.zero(F);
        FloatVector q1 = FloatVector.zero(F);
        FloatVector p2 = FloatVector.zero(F);
        FloatVector q2 = FloatVector.zero(F);
        FloatVector p3 = FloatVector.zero(F);
        FloatVector q3 = FloatVector.zero(F);
        for (int k = 0, c = xOff; k < rowInts; k += L, c += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(F, x, c);
            FloatVector x1 = FloatVector.fromArray(F, x, c + L);
            IntVector v0 = IntVector.fromArray(I, a, off + k);
            IntVector v1 = IntVector.fromArray(I, a, o1 + k);
            IntVector v2 = IntVector.fromArray(I, a, o2 + k);
            IntVector v3 = IntVector.fromArray(I, a, o3 + k);
            p0 = v0.lanewise(VectorOperators.LSHL, 16).viewAsFloatingLanes().fma(x0, p0);
            q0 = v0.and(HIGH).viewAsFloatingLanes().fma(x1, q0);
            p1 = v1.lanewise(VectorOperators.LSHL, 16).viewAsFloatingLanes().fma(x0, p1);
            q1 = v1.and(HIGH).viewAsFloatingLanes().fma(x1, q1);
            p2 = v2.lanewise(VectorOperators.LSHL, 16).viewAsFloatingLanes().fma(x0, p2);
            q2 = v2.and(HIGH).viewAsFloatingLanes().fma(x1, q2);
            p3 = v3.lanewise(VectorOperators.LSHL, 16).viewAsFloatingLanes().fma(x0, p3);
            q3 = v3.and(HIGH).viewAsFloatingLanes().fma(x1, q3);
        }
        p0.add(q0).intoArray(lanes, 0);
        p1.add(q1).intoArray(lanes, L);
        p2.add(q2).intoArray(lanes, 2 * L);
        p3.add(q3).intoArray(lanes, 3 * L);
        out[o] = DotKernels.sumLanes(lanes, 0, L);
        out[o + 1] = DotKernels.sumLanes(lanes, L, L);
        out[o + 2] = DotKernels.sumLanes(lanes, 2 * L, L);
        out[o + 3] = DotKernels.sumLanes(lanes, 3 * L, L);
    }

    /** One row at a[off]: the arithmetic of one row of {@link #dot4}. */
    private static double dot(int[] a, int off, int rowInts, float[] x, int xOff, float[] lanes) {
        FloatVector p = FloatVector.zero(F);
        FloatVector q = FloatVector.zero(F);
        for (int k = 0, c = xOff; k < rowInts; k += L, c += 2 * L) {
            IntVector v = IntVector.fromArray(I, a, off + k);
            p = v.lanewise(VectorOperators.LSHL, 16).viewAsFloatingLanes().fma(FloatVector.fromArray(F, x, c), p);
            q = v.and(HIGH).viewAsFloatingLanes().fma(FloatVector.fromArray(F, x, c + L), q);
        }
        p.add(q).intoArray(lanes, 0);
        return DotKernels.sumLanes(lanes, 0, L);
    }
}
