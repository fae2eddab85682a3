package org.chaoslab.sim;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.FixedInDegreeMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * Draws one realization of sparse fixed in-degree couplings of a multi-population network: the sparse form of the
 * same network as {@link PopulationCouplingSampler}'s dense one. Every unit of population k receives from K_kl distinct
 * units of population l (drawn uniformly without replacement, no self-coupling; {@link PopulationInDegrees}: a total K
 * shared out as K_l = max(1, round(K·N_l/N)) for every k, or K_kl per block); a unit of population k weights an input
 * from population l by
 * <pre>
 *   w = J̄_kl N_l/(N K_kl) + g_kl √(N_l/(N K_kl)) z,   z standard normal,
 * </pre>
 * so that the summed input from population l has the dense network's mean J̄_kl (N_l/N)⟨φ_l⟩ and random variance
 * g_kl² (N_l/N)⟨φ_l²⟩ exactly (Kadmon &amp; Sompolinsky 2015's sparse networks with the block statistics of the dense
 * ones). What differs at finite K: which K_l units are read is random, so the mean part adds the variance
 * (J̄_kl N_l/N)² Var(φ_l)(1 − K_kl/N_l)/K_kl across units — O(1/K) against the Gaussian part, and the mean-field theory's
 * large-K assumption.
 *
 * <p>Row i uses only its own stream {@code couplings/i}: per population l in order, K_kl column draws (Floyd's
 * algorithm, as {@link SparseCouplingSampler}), then the Σ_l K_kl normals in the order of the sorted columns. Rows are
 * drawn in parallel over the fixed blocks of {@link CouplingMatrix#blockRows}: the matrix depends on the seed only.
 */
public final class SparsePopulationCouplingSampler {

    private SparsePopulationCouplingSampler() {
    }

    /** K_l for a total in-degree K: max(1, round(K·N_l/N)) per population. */
    public static int[] inDegrees(PopulationNetwork net, int k) {
        int p = net.populations();
        int[] kl = new int[p];
        for (int l = 0; l < p; l++) {
            kl[l] = (int) Math.max(1, Math.round((double) k * net.populationSize(l) / net.size()));
        }
        return kl;
    }

    /** The largest total in-degree K whose K_l every population can give (0 if none). */
    public static int maxInDegree(PopulationNetwork net) {
        for (int k = net.size() - 1; k >= 1; k--) {
            int[] kl = inDegrees(net, k);
            boolean fits = true;
            for (int l = 0; l < kl.length && fits; l++) {
                fits = kl[l] <= net.populationSize(l) - 1;
            }
            if (fits) {
                return k;
            }
        }
        return 0;
    }

    /**
     * Samples the sparse matrix with total in-degree about K (K_l per population, {@link #inDegrees}).
     *
     * @throws IllegalArgumentException if some K_l exceeds the units population l can give (N_l, less the unit itself),
     *                                  or the matrix and the state would not fit the heap
     */
    public static FixedInDegreeMatrix sample(PopulationNetwork net, int k, StreamSeeds seeds, ParallelRows pool) {
        return sample(net, PopulationInDegrees.total(k), seeds, pool);
    }

    /**
     * Samples the sparse matrix with in-degrees K_kl per block ({@link PopulationInDegrees#resolve}). A unit of population
     * k weights an input from population l by w = J̄_kl N_l/(N K_kl) + g_kl √(N_l/(N K_kl)) z (the block statistics of
     * the dense network whatever K_kl). The matrix stores the same number of entries per row, the largest total
     * Σ_l K_kl; the rows of a population with fewer are padded with weight-0 entries in their last column (they add an
     * exact 0 to the product). With the proportional form every row has the same total and nothing is padded.
     *
     * @throws IllegalArgumentException if some K_kl exceeds the units population l can give, or the matrix and the state
     *                                  would not fit the heap
     */
    public static FixedInDegreeMatrix sample(PopulationNetwork net, PopulationInDegrees inDegrees, StreamSeeds seeds,
                                             ParallelRows pool) {
        int n = net.size();
        int p = net.populations();
        int[][] kkl = inDegrees.resolve(net);
        int[] start = new int[p + 1];
        for (int l = 0; l < p; l++) {
            start[l + 1] = start[l] + net.populationSize(l);
        }
        int width = PopulationInDegrees.width(kkl);
        SparseCouplingSampler.requireMemory(n, width, 1);
        int[] pop = PopulationCouplingSampler.populationOf(net);
        double[][] mean = new double[p][p];
        double[][] scale = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int l = 0; l < p; l++) {
                double share = (double) net.populationSize(l) / n;
                mean[a][l] = net.meanCouplings()[a][l] * share / kkl[a][l];
                scale[a][l] = net.gains()[a][l] * Math.sqrt(share / kkl[a][l]);
            }
        }
        FixedInDegreeMatrix m = new FixedInDegreeMatrix(n, width);
        StreamSeeds rows = seeds.child(StreamSeeds.COUPLINGS);
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> {
            int maxSize = Arrays.stream(start).max().orElse(n);
            long[] taken = new long[(maxSize + 63) >>> 6];
            int[] pick = new int[width];
            int[] from_ = new int[width];
            float[] w = new float[width];
            for (int i = from; i < to; i++) {
                UniformRandomProvider rng = rows.child(i).provider();
                int a = pop[i];
                int q = 0;
                for (int l = 0; l < p; l++) {
                    boolean own = a == l;
                    int candidates = net.populationSize(l) - (own ? 1 : 0);
                    int self = i - start[l];
                    SparseCouplingSampler.distinct(rng, candidates, kkl[a][l], taken, pick, q);
                    for (int c = q; c < q + kkl[a][l]; c++) {
                        int u = pick[c];
                        pick[c] = start[l] + (own && u >= self ? u + 1 : u);
                    }
                    q += kkl[a][l];
                }
                // one row: columns sorted, each with its population for the weight's statistics
                int total = q;
                Arrays.sort(pick, 0, total);
                for (int c = 0; c < total; c++) {
                    from_[c] = pop[pick[c]];
                }
                ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
                for (int c = 0; c < total; c++) {
                    w[c] = (float) (mean[a][from_[c]] + scale[a][from_[c]] * z.sample());
                }
                for (int c = total; c < width; c++) {
                    pick[c] = pick[total - 1];     // padding: weight 0 in the last column
                    w[c] = 0f;
                }
                m.setRow(i, pick, w);
            }
        });
        return m;
    }
}
