package org.chaoslab.sim;

import java.util.Locale;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.BFloat16Matrix;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.FixedInDegreeMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.Float64Matrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.Precision;
import org.chaoslab.random.StreamSeeds;

/**
 * Draws one realization of a dense Gaussian coupling matrix, J_ij = J0/N + (g/√N)·z_ij.
 *
 * <p>Row i uses its own stream {@code couplings/i}, so the matrix depends only on the seed, never on
 * the thread count. With symmetry η, row i draws the pairs (i, j &gt; i):
 * z_ij = a, z_ji = η a + √(1−η²) b with a, b independent standard normals, so corr(J_ij, J_ji) = η.
 */
public final class CouplingSampler {

    private CouplingSampler() {
    }

    /**
     * Samples an N×N matrix of the ensemble {@code c} from the stream {@code seeds.child("couplings")}; sparse
     * couplings ({@code c.inDegree() ≥ 1}) are drawn by {@link SparseCouplingSampler}. The draws are float64 in every
     * precision and rounded once when stored (float32: Java's cast, nearest-even; bfloat16: {@link
     * org.chaoslab.linalg.BFloat16#round(double)}, nearest-even from the float64), so the networks of one seed in the
     * three precisions are the same network up to the rounding of each coupling. Float64 is one array (N ≤ 46 340);
     * float32 and bfloat16 are allocated once, in chunks of whole rows beyond one array.
     */
    public static CouplingMatrix sample(Couplings c, int n, StreamSeeds seeds, ParallelRows pool) {
        if (c.sparse()) {
            return SparseCouplingSampler.sample(c, n, seeds, pool);
        }
        if (c.precision() == Precision.FLOAT64 && (long) n * n > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("n must be <= 46340 for float64 dense couplings (N^2 entries in one array; "
                    + "float32 and bfloat16 are chunked; got " + n + ")");
        }
        requireMemory(n, c.precision(), 1);
        return sample(c, n, seeds, pool, switch (c.precision()) {
            case FLOAT64 -> Float64Matrix.zeros(n);
            case FLOAT32 -> Float32Matrix.zeros(n);
            case BFLOAT16 -> new BFloat16Matrix(n);
        });
    }

    /** Bytes of a dense N×N matrix stored in {@code p} (bfloat16 rows padded as {@link BFloat16Matrix} stores them). */
    public static double couplingBytes(long n, Precision p) {
        return p == Precision.BFLOAT16 && n <= Integer.MAX_VALUE ? BFloat16Matrix.bytes((int) n) : (double) p.bytes() * n * n;
    }

    /**
     * Memory of a dense network of N units in precision {@code p} run as {@code replicas} trajectories: the couplings
     * ({@link #couplingBytes}) and {@value SparseCouplingSampler#STATE_BYTES_PER_UNIT} bytes per unit and replica of state.
     */
    public static double memoryEstimate(long n, Precision p, long replicas) {
        return couplingBytes(n, p) + (double) SparseCouplingSampler.STATE_BYTES_PER_UNIT * n * replicas;
    }

    /**
     * The largest N whose {@link #memoryEstimate} in precision {@code p} fits {@code bytes} (the positive root of
     * b·N² + s·N = bytes, b the bytes per coupling, s the state's bytes per unit).
     */
    public static long largestN(double bytes, Precision p, long replicas) {
        double b = p.bytes();
        double s = (double) SparseCouplingSampler.STATE_BYTES_PER_UNIT * replicas;
        long n = (long) Math.floor((-s + Math.sqrt(s * s + 4 * b * Math.max(0.0, bytes))) / (2 * b));
        while (n > 0 && memoryEstimate(n, p, replicas) > bytes) {
            n--;                                     // the bfloat16 padding, rounding of the root
        }
        return n;
    }

    /**
     * Refuses, before anything is allocated, a dense network whose {@link #memoryEstimate} exceeds 90 % of the heap the
     * JVM may still allocate (its maximum, {@code -Xmx}, less what is in use), in one line naming n and precision and
     * the largest n that would fit.
     */
    public static void requireMemory(long n, Precision p, long replicas) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        double need = memoryEstimate(n, p, replicas);
        if (!(need <= 0.9 * available)) {
            System.gc();                             // "in use" counts garbage not yet collected: ask once more after a GC
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (!(need <= 0.9 * available)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "n = %d with precision %s needs about %.1f GB of "
                    + "memory for the dense couplings (%d bytes per coupling) and the network state, more than the %.1f GB "
                    + "of heap available (JVM maximum %.1f GB); the largest n that fits is %d (raise the heap with -Xmx, or "
                    + "reduce n or the precision)", n, p, need / 1e9, p.bytes(), available / 1e9, rt.maxMemory() / 1e9,
                    largestN(0.9 * available, p, replicas)));
        }
    }

    /**
     * Fills {@code target} (all zero, N×N, dense) with the draw of {@link #sample(Couplings, int, StreamSeeds,
     * ParallelRows)}: the same values for any storage and chunking of the same precision (tests force small chunks).
     */
    public static CouplingMatrix sample(Couplings c, int n, StreamSeeds seeds, ParallelRows pool, CouplingMatrix target) {
        if (target.size() != n) {
            throw new IllegalArgumentException("target must be " + n + " x " + n + " (got " + target.size() + ")");
        }
        StreamSeeds rows = seeds.child(StreamSeeds.COUPLINGS);
        double scale = c.g() / Math.sqrt(n);
        double mean = c.meanCoupling() / n;
        double eta = c.symmetry();
        double etaPerp = Math.sqrt(Math.max(0.0, 1.0 - eta * eta));
        Sink sink = switch (target) {
            case Float64Matrix f -> new Sink(f.backing(), f.offset(), null, null, n);
            case Float32Matrix f -> new Sink(null, 0, f, null, n);
            case BFloat16Matrix b -> new Sink(null, 0, null, b, n);
            case FixedInDegreeMatrix f -> throw new IllegalArgumentException("target must be a dense matrix (got sparse)");
        };
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> {
            double[] row = eta == 0.0 && sink.d64 == null ? new double[n] : null;
            for (int i = from; i < to; i++) {
                ZigguratSampler.NormalizedGaussian z = rows.child(i).gaussian();
                if (eta == 0.0) {
                    if (row == null) {
                        int o = sink.start + i * n;
                        for (int j = 0; j < n; j++) {
                            sink.d64[o + j] = mean + scale * z.sample();
                        }
                        if (c.zeroDiagonal()) {
                            sink.d64[o + i] = 0.0;
                        }
                    } else {
                        for (int j = 0; j < n; j++) {
                            row[j] = mean + scale * z.sample();
                        }
                        if (c.zeroDiagonal()) {
                            row[i] = 0.0;
                        }
                        sink.putRow(i, row);
                    }
                } else {
                    sink.put(i, i, mean + scale * z.sample());
                    for (int j = i + 1; j < n; j++) {
                        double a = z.sample();
                        double b = z.sample();
                        sink.put(i, j, mean + scale * a);
                        sink.put(j, i, mean + scale * (eta * a + etaPerp * b));
                    }
                    if (c.zeroDiagonal()) {
                        sink.put(i, i, 0.0);
                    }
                }
            }
        });
        return target;
    }

    /**
     * Where the draws go: the float64 array (entry (0, 0) at {@code start}), or a float32 or bfloat16 matrix (rounded
     * there).
     */
    private record Sink(double[] d64, int start, Float32Matrix f32, BFloat16Matrix bf16, int n) {

        void put(int i, int j, double v) {
            if (d64 != null) {
                d64[start + i * n + j] = v;
            } else if (f32 != null) {
                f32.set(i, j, (float) v);
            } else {
                bf16.set(i, j, v);
            }
        }

        void putRow(int i, double[] row) {
            if (f32 != null) {
                f32.setRow(i, row);
            } else {
                bf16.setRow(i, row);
            }
        }
    }
}
