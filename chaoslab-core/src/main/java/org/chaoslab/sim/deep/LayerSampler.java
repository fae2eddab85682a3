package org.chaoslab.sim.deep;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.random.StreamSeeds;

/**
 * Draws one layer: W_ij ~ N(0, σ_w²/N) row by row (row i from stream {@code weights/layer/l/i}, so the
 * matrix never depends on the thread count), b_i ~ N(0, σ_b²) from {@code biases/layer/l}, and the
 * dropout masks, column m of layer l from {@code dropout/layer/l/m}. Buffers are reused across layers.
 */
final class LayerSampler {

    static final String WEIGHTS = "weights";
    static final String BIASES = "biases";
    static final String DROPOUT = "dropout";
    static final String LAYER = "layer";

    private final int n;
    private final double weightSd;
    private final double biasSd;
    private final ParallelRows pool;
    /** Row-major W (= column-major Wᵀ). */
    final double[] weights;
    final double[] biases;
    /** s_j = Σ_i W_ij², for the Frobenius norm of W·diag(d). */
    final double[] columnSquares;

    LayerSampler(int n, double weightVariance, double biasVariance, ParallelRows pool) {
        this.n = n;
        this.weightSd = Math.sqrt(weightVariance / n);
        this.biasSd = Math.sqrt(biasVariance);
        this.pool = pool;
        this.weights = new double[n * n];
        this.biases = new double[n];
        this.columnSquares = new double[n];
    }

    /** Draws layer l of the realization with streams under {@code realization}. */
    void draw(StreamSeeds realization, int layer) {
        StreamSeeds rows = realization.child(WEIGHTS).child(LAYER).child(layer);
        pool.run(n, rowBlock(n), (from, to) -> {
            for (int i = from; i < to; i++) {
                ZigguratSampler.NormalizedGaussian z = rows.child(i).gaussian();
                int off = i * n;
                for (int j = 0; j < n; j++) {
                    weights[off + j] = weightSd * z.sample();
                }
            }
        });
        ZigguratSampler.NormalizedGaussian zb = realization.child(BIASES).child(LAYER).child(layer).gaussian();
        for (int i = 0; i < n; i++) {
            biases[i] = biasSd * zb.sample();
        }
        java.util.Arrays.fill(columnSquares, 0.0);
        for (int i = 0; i < n; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                double w = weights[off + j];
                columnSquares[j] += w * w;
            }
        }
    }

    /**
     * Multiplies in place the columns [from, to) of {@code x} (N × M, column-major) by Bernoulli(ρ)/ρ
     * masks of layer l, and stores the mask factors in {@code mask}.
     */
    static void dropout(StreamSeeds realization, int layer, double keep, double[] x, double[] mask, int n, int from, int to) {
        StreamSeeds cols = realization.child(DROPOUT).child(LAYER).child(layer);
        double inv = 1.0 / keep;
        for (int m = from; m < to; m++) {
            UniformRandomProvider u = cols.child(m).provider();
            int off = m * n;
            for (int i = 0; i < n; i++) {
                double f = u.nextDouble() < keep ? inv : 0.0;
                mask[off + i] = f;
                x[off + i] *= f;
            }
        }
    }

    /** Rows per block: about 64 blocks, at least 16 rows each. */
    static int rowBlock(int n) {
        return Math.max(16, (n + 63) / 64);
    }
}
