package org.chaoslab.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Hand-written SIMD dot products (JDK Vector API) for the matrix–vector product of one trajectory,
 * the hot loop of the simulator. BLAS gemv would do the same arithmetic, but its threading splits
 * rows differently with the thread count; here each row is one dot product with a fixed reduction
 * order, so results never depend on the number of threads. Four independent accumulators hide the
 * FMA latency. Benchmarked in chaoslab-bench.
 */
final class DotKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private DotKernels() {
    }

    /** Σ_k a[aOff + k]·b[k] for k &lt; n. */
    static double dot(double[] a, int aOff, double[] b, int n) {
        int l = D.length();
        int step = 4 * l;
        int bound = n - n % step;
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        DoubleVector s2 = DoubleVector.zero(D);
        DoubleVector s3 = DoubleVector.zero(D);
        int k = 0;
        for (; k < bound; k += step) {
            s0 = DoubleVector.fromArray(D, a, aOff + k).fma(DoubleVector.fromArray(D, b, k), s0);
            s1 = DoubleVector.fromArray(D, a, aOff + k + l).fma(DoubleVector.fromArray(D, b, k + l), s1);
            s2 = DoubleVector.fromArray(D, a, aOff + k + 2 * l).fma(DoubleVector.fromArray(D, b, k + 2 * l), s2);
            s3 = DoubleVector.fromArray(D, a, aOff + k + 3 * l).fma(DoubleVector.fromArray(D, b, k + 3 * l), s3);
        }
        for (; k <= n - l; k += l) {
            s0 = DoubleVector.fromArray(D, a, aOff + k).fma(DoubleVector.fromArray(D, b, k), s0);
        }
        double sum = sumLanes(s0.add(s1).add(s2.add(s3)));
        for (; k < n; k++) {
            sum = Math.fma(a[aOff + k], b[k], sum);
        }
        return sum;
    }

    /**
     * The lanes summed in lane order. {@code reduceLanes} is not used on purpose: its JIT intrinsic adds
     * pairwise while the interpreter's fallback adds in order, so a run would depend on when the JIT
     * compiled the kernel. Element-wise add and fma round identically in both.
     */
    private static double sumLanes(DoubleVector v) {
        double sum = 0.0;
        for (int lane = 0; lane < v.length(); lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }

    /** Σ_k a[aOff + k]·b[k] for k &lt; n, float storage with float lanes, summed in double at the end. */
    static double dot(float[] a, int aOff, float[] b, int n) {
        int l = F.length();
        int step = 4 * l;
        int bound = n - n % step;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F);
        FloatVector s3 = FloatVector.zero(F);
        int k = 0;
        for (; k < bound; k += step) {
            s0 = FloatVector.fromArray(F, a, aOff + k).fma(FloatVector.fromArray(F, b, k), s0);
            s1 = FloatVector.fromArray(F, a, aOff + k + l).fma(FloatVector.fromArray(F, b, k + l), s1);
            s2 = FloatVector.fromArray(F, a, aOff + k + 2 * l).fma(FloatVector.fromArray(F, b, k + 2 * l), s2);
            s3 = FloatVector.fromArray(F, a, aOff + k + 3 * l).fma(FloatVector.fromArray(F, b, k + 3 * l), s3);
        }
        for (; k <= n - l; k += l) {
            s0 = FloatVector.fromArray(F, a, aOff + k).fma(FloatVector.fromArray(F, b, k), s0);
        }
        double sum = 0.0;
        FloatVector s = s0.add(s1).add(s2.add(s3));
        for (int lane = 0; lane < l; lane++) {
            sum += s.lane(lane);
        }
        for (; k < n; k++) {
            sum += (double) a[aOff + k] * b[k];
        }
        return sum;
    }

    /** Σ_k a[k] over a float array, for bandwidth measurements. */
    static double sum(float[] a, int from, int to) {
        int l = F.length();
        int k = from;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        for (; k <= to - 2 * l; k += 2 * l) {
            s0 = s0.add(FloatVector.fromArray(F, a, k));
            s1 = s1.add(FloatVector.fromArray(F, a, k + l));
        }
        double sum = 0.0;
        FloatVector s = s0.add(s1);
        for (int lane = 0; lane < s.length(); lane++) {
            sum += s.lane(lane);
        }
        for (; k < to; k++) {
            sum += a[k];
        }
        return sum;
    }
}
