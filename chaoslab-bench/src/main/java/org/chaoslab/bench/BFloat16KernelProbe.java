package org.chaoslab.bench;

import java.util.Locale;
import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.chaoslab.linalg.BFloat16;
import org.chaoslab.linalg.BFloat16Matrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.ParallelRows;

/**
 * The bfloat16 widening alternatives measured for docs/dense-large.md: ms per product J·x (one vector) of
 * <ul>
 *   <li>{@code packed}: {@link BFloat16Matrix} (two bfloat16 per int, halves arranged so that one int load widens to
 *       two float vectors by a shift and a mask, x read as it lies);</li>
 *   <li>{@code s2i}: bfloat16 in column order in a short[], a half-width ShortVector load widened by
 *       {@code convertShape(S2I)} and shifted left by 16 (four rows at a time, two accumulators per row, as the
 *       packed kernel);</li>
 *   <li>{@code f32}: {@link Float32Matrix} for reference (twice the bytes).</li>
 * </ul>
 * Run: {@code java --add-modules jdk.incubator.vector -cp chaoslab-bench.jar org.chaoslab.bench.BFloat16KernelProbe
 * [N] [threads]}.
 */
public final class BFloat16KernelProbe {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> S = VectorSpecies.of(short.class, jdk.incubator.vector.VectorShape.forBitSize(
            F.vectorBitSize() / 2));

    private BFloat16KernelProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        SplittableRandom rng = new SplittableRandom(1);
        BFloat16Matrix packed = new BFloat16Matrix(n);
        Float32Matrix f32 = Float32Matrix.zeros(n);
        int l = F.length();
        int stride = (n + 2 * l - 1) / (2 * l) * (2 * l);
        short[] col = new short[n * stride];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian() / Math.sqrt(n);
                col[i * stride + j] = (short) BFloat16.round(row[j]);
            }
            packed.setRow(i, row);
            f32.setRow(i, row);
        }
        double[] x = new double[n];
        float[] xf = new float[stride];
        for (int j = 0; j < n; j++) {
            x[j] = Math.tanh(rng.nextGaussian());
            xf[j] = (float) x[j];
        }
        double[] out = new double[n];
        double[] out2 = new double[n];
        try (ParallelRows pool = new ParallelRows(threads)) {
            for (int round = 0; round < 3; round++) {
                double a = time(() -> packed.multiply(x, out, 1, pool));
                double b = time(() -> pool.run(n, Math.max(16, (n + 63) / 64), (from, to) -> s2iRows(col, stride, xf, out2, from, to)));
                double c = time(() -> f32.multiply(x, out, 1, pool));
                System.out.printf(Locale.ROOT, "N=%d threads=%d: packed %.3f ms, s2i %.3f ms, f32 %.3f ms per product (%d lanes)%n",
                        n, threads, a, b, c, l);
            }
        }
        packed.multiply(x, out, 1, new ParallelRows(1));
        double diff = 0;
        for (int i = 0; i < n; i++) {
            diff = Math.max(diff, Math.abs(out[i] - out2[i]));
        }
        System.out.printf(Locale.ROOT, "largest |packed - s2i| = %.2e (different summation order)%n", diff);
    }

    private static double time(Runnable r) {
        for (int w = 0; w < 5; w++) {
            r.run();
        }
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 7; rep++) {
            int calls = 0;
            long t0 = System.nanoTime();
            long t;
            do {
                r.run();
                calls++;
                t = System.nanoTime();
            } while (t - t0 < 300_000_000L);
            best = Math.min(best, (t - t0) * 1e-6 / calls);
        }
        return best;
    }

    private static void s2iRows(short[] a, int stride, float[] x, double[] out, int from, int to) {
        float[] lanes = new float[4 * F.length()];
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s2i4(a, i * stride, stride, x, out, i, lanes);
        }
        for (; i < to; i++) {
            FloatVector p = FloatVector.zero(F);
            for (int k = 0; k < stride; k += F.length()) {
                p = widen(a, i * stride + k).fma(FloatVector.fromArray(F, x, k), p);
            }
            p.intoArray(lanes, 0);
            double s = 0;
            for (int j = 0; j < F.length(); j++) {
                s += lanes[j];
            }
            out[i] = s;
        }
    }

    private static FloatVector widen(short[] a, int off) {
        return ((IntVector) ShortVector.fromArray(S, a, off).convertShape(VectorOperators.S2I, I, 0))
                .lanewise(VectorOperators.LSHL, 16).viewAsFloatingLanes();
    }

    private static void s2i4(short[] a, int off, int stride, float[] x, double[] out, int o, float[] lanes) {
        int l = F.length();
        FloatVector p0 = FloatVector.zero(F);
        FloatVector q0 = FloatVector.zero(F);
        FloatVector p1 = FloatVector.zero(F);
        FloatVector q1 = FloatVector.zero(F);
        FloatVector p2 = FloatVector.zero(F);
        FloatVector q2 = FloatVector.zero(F);
        FloatVector p3 = FloatVector.zero(F);
        FloatVector q3 = FloatVector.zero(F);
        for (int k = 0; k < stride; k += 2 * l) {
            FloatVector x0 = FloatVector.fromArray(F, x, k);
            FloatVector x1 = FloatVector.fromArray(F, x, k + l);
            p0 = widen(a, off + k).fma(x0, p0);
            q0 = widen(a, off + k + l).fma(x1, q0);
            p1 = widen(a, off + stride + k).fma(x0, p1);
            q1 = widen(a, off + stride + k + l).fma(x1, q1);
            p2 = widen(a, off + 2 * stride + k).fma(x0, p2);
            q2 = widen(a, off + 2 * stride + k + l).fma(x1, q2);
            p3 = widen(a, off + 3 * stride + k).fma(x0, p3);
            q3 = widen(a, off + 3 * stride + k + l).fma(x1, q3);
        }
        FloatVector[] s = {p0.add(q0), p1.add(q1), p2.add(q2), p3.add(q3)};
        for (int r = 0; r < 4; r++) {
            s[r].intoArray(lanes, 0);
            double sum = 0;
            for (int j = 0; j < l; j++) {
                sum += lanes[j];
            }
            out[o + r] = sum;
        }
    }
}
