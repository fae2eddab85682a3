package org.chaoslab.sim;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float64Matrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * Draws one realization of the block couplings of a multi-population network: J_ij = J̄_kl/N + (g_kl/√N)·z_ij for i
 * in population k and j in population l, populations in index order (units 0 … N_1 − 1 are population 1, …). Row i
 * uses its own stream {@code couplings/i}, as {@link CouplingSampler}, so the matrix depends only on the seed.
 */
public final class PopulationCouplingSampler {

    private PopulationCouplingSampler() {
    }

    /** The population of every unit. */
    public static int[] populationOf(PopulationNetwork net) {
        int[] pop = new int[net.size()];
        int i = 0;
        for (int k = 0; k < net.populations(); k++) {
            for (int c = 0; c < net.populationSize(k); c++) {
                pop[i++] = k;
            }
        }
        return pop;
    }

    /** Samples the N×N matrix (float64) from the stream {@code seeds.child("couplings")}. */
    public static CouplingMatrix sample(PopulationNetwork net, StreamSeeds seeds, ParallelRows pool) {
        int n = net.size();
        if ((long) n * n > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("n must be <= 46340 for dense couplings (got " + n + ")");
        }
        int[] pop = populationOf(net);
        double[][] mean = net.meanCouplings();
        double[][] g = net.gains();
        double sqrtN = Math.sqrt(n);
        StreamSeeds rows = seeds.child(StreamSeeds.COUPLINGS);
        Float64Matrix m = Float64Matrix.zeros(n);   // rows on cache-line boundaries (Float64Matrix.zeros)
        double[] d = m.backing();
        int start = m.offset();
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> {
            for (int i = from; i < to; i++) {
                ZigguratSampler.NormalizedGaussian z = rows.child(i).gaussian();
                int k = pop[i];
                for (int j = 0; j < n; j++) {
                    int l = pop[j];
                    d[start + i * n + j] = mean[k][l] / n + g[k][l] / sqrtN * z.sample();
                }
            }
        });
        return m;
    }
}
