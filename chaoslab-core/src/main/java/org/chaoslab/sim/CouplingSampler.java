package org.chaoslab.sim;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.CouplingMatrix;
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
     * couplings ({@code c.inDegree() ≥ 1}) are drawn by {@link SparseCouplingSampler}.
     */
    public static CouplingMatrix sample(Couplings c, int n, StreamSeeds seeds, ParallelRows pool) {
        if (c.sparse()) {
            return SparseCouplingSampler.sample(c, n, seeds, pool);
        }
        if ((long) n * n > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("n must be <= 46340 for dense couplings (N^2 entries in one array; got " + n + ")");
        }
        StreamSeeds rows = seeds.child(StreamSeeds.COUPLINGS);
        double scale = c.g() / Math.sqrt(n);
        double mean = c.meanCoupling() / n;
        double eta = c.symmetry();
        double etaPerp = Math.sqrt(Math.max(0.0, 1.0 - eta * eta));
        boolean f32 = c.precision() == Precision.FLOAT32;
        double[] d64 = f32 ? null : new double[n * n];
        float[] d32 = f32 ? new float[n * n] : null;
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> {
            for (int i = from; i < to; i++) {
                ZigguratSampler.NormalizedGaussian z = rows.child(i).gaussian();
                if (eta == 0.0) {
                    for (int j = 0; j < n; j++) {
                        put(d64, d32, i * n + j, mean + scale * z.sample());
                    }
                } else {
                    put(d64, d32, i * n + i, mean + scale * z.sample());
                    for (int j = i + 1; j < n; j++) {
                        double a = z.sample();
                        double b = z.sample();
                        put(d64, d32, i * n + j, mean + scale * a);
                        put(d64, d32, j * n + i, mean + scale * (eta * a + etaPerp * b));
                    }
                }
                if (c.zeroDiagonal()) {
                    put(d64, d32, i * n + i, 0.0);
                }
            }
        });
        return f32 ? new Float32Matrix(n, d32) : new Float64Matrix(n, d64);
    }

    private static void put(double[] d64, float[] d32, int k, double v) {
        if (d64 != null) {
            d64[k] = v;
        } else {
            d32[k] = (float) v;
        }
    }
}
