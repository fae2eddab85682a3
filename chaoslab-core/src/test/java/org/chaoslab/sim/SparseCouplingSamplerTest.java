package org.chaoslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.FixedInDegreeMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.random.StreamSeeds;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The sparse fixed in-degree sampler against the ensemble it claims: exactly K distinct, sorted presynaptic units per
 * row, never the unit itself, drawn uniformly (chi-square tests of the out-degrees and of the offsets j − i), weights
 * with mean J0/K and variance g²/K, and the same matrix for any thread count and chunking.
 */
class SparseCouplingSamplerTest {

    private static FixedInDegreeMatrix draw(Couplings c, int n, long seed, int threads, int rowsPerChunk) {
        try (ParallelRows pool = new ParallelRows(threads)) {
            return SparseCouplingSampler.sample(c, n, StreamSeeds.of(seed), pool, rowsPerChunk, ProgressListener.NONE);
        }
    }

    private static FixedInDegreeMatrix draw(Couplings c, int n, long seed, int threads) {
        return draw(c, n, seed, threads, FixedInDegreeMatrix.defaultRowsPerChunk(c.inDegree()));
    }

    /** The chi-square quantile at probability p for d degrees of freedom. */
    private static double chi2(int d, double p) {
        return new ChiSquaredDistribution(d).inverseCumulativeProbability(p);
    }

    @Test
    void everyRowHasKDistinctSortedPresynapticUnitsOtherThanItself() {
        int n = 3000;
        int k = 300;
        FixedInDegreeMatrix m = draw(Couplings.sparse(2.0, k), n, 3, 2);
        assertThat(m.entriesPerRow()).isEqualTo(k);
        assertThat(m.bytes()).isEqualTo(8L * n * k);
        for (int i = 0; i < n; i++) {
            int previous = -1;
            for (int q = 0; q < k; q++) {
                int j = m.column(i, q);
                assertThat(j).isBetween(0, n - 1).isNotEqualTo(i);
                assertThat(j).isGreaterThan(previous);   // strictly increasing: sorted and distinct
                previous = j;
            }
        }
    }

    @Test
    void extremeInDegrees() {
        // K = N − 1: every other unit, each once
        int n = 50;
        FixedInDegreeMatrix all = draw(Couplings.sparse(1.0, n - 1), n, 9, 2);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < n - 1; q++) {
                assertThat(all.column(i, q)).isEqualTo(q < i ? q : q + 1);
            }
        }
        // K = 1
        FixedInDegreeMatrix one = draw(Couplings.sparse(1.0, 1), n, 9, 2);
        for (int i = 0; i < n; i++) {
            assertThat(one.column(i, 0)).isNotEqualTo(i);
        }
        assertThatThrownBy(() -> draw(Couplings.sparse(1.0, n), n, 9, 1))
                .hasMessageStartingWith("inDegree (K, presynaptic units per unit) must be in [1, n - 1] = [1, 49]");
        assertThatThrownBy(() -> RateNetwork.scs(n, 1.0, new TransferFunctions.Tanh()).withCouplings(Couplings.sparse(1.0, n)))
                .hasMessageStartingWith("inDegree (K, presynaptic units per unit) must be in [1, n - 1] = [1, 49]");
        assertThatThrownBy(() -> Couplings.sparse(1.0, 10).withSymmetry(0.5))
                .hasMessageStartingWith("eta (coupling symmetry) must be 0 for sparse couplings");
    }

    @Test
    void presynapticUnitsAreUniform() {
        int n = 3000;
        int k = 300;
        FixedInDegreeMatrix m = draw(Couplings.sparse(2.0, k), n, 4, 2);
        // Out-degrees: column j is chosen by each of the N − 1 other rows independently with p = K/(N − 1), so its
        // count c_j is Binomial(N − 1, p) with mean K and variance K(1 − p); Σ_j (c_j − K)²/(K(1 − p)) is then close to
        // chi-square with N − 1 degrees of freedom (one lost to Σ_j c_j = N·K fixed). Two-sided at 1e-6: a sampler
        // that favoured some units (too large) or spread them deterministically (too small) fails.
        long[] count = new long[n];
        // offsets d = (j − i − 1) mod N in [0, N − 2]: uniform if the candidates skip the unit itself without bias
        int bins = 30;
        long[] offset = new long[bins];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
                int j = m.column(i, q);
                count[j]++;
                int d = Math.floorMod(j - i - 1, n);
                offset[(int) ((long) d * bins / (n - 1))]++;
            }
        }
        double p = (double) k / (n - 1);
        double stat = 0;
        for (long c : count) {
            stat += (c - k) * (double) (c - k) / (k * (1 - p));
        }
        System.out.printf("out-degree chi2 %.1f (dof %d, 1e-6 quantiles %.1f .. %.1f)%n", stat, n - 1, chi2(n - 1, 1e-6),
                chi2(n - 1, 1 - 1e-6));
        assertThat(stat).isBetween(chi2(n - 1, 1e-6), chi2(n - 1, 1 - 1e-6));
        // Offsets: multinomial counts over 30 bins of (nearly) equal width, expected total·width/(N − 1). Draws within a
        // row are without replacement (slightly negatively correlated), which only lowers the statistic: the upper
        // quantile of chi-square with 29 degrees of freedom stays a valid bound.
        double total = (double) n * k;
        double offsetStat = 0;
        for (int b = 0; b < bins; b++) {
            long lo = ((long) b * (n - 1) + bins - 1) / bins;
            long hi = ((long) (b + 1) * (n - 1) + bins - 1) / bins;
            double expected = total * (hi - lo) / (n - 1);
            offsetStat += (offset[b] - expected) * (offset[b] - expected) / expected;
        }
        System.out.printf("offset chi2 %.1f (dof %d, 1e-6 quantile %.1f)%n", offsetStat, bins - 1, chi2(bins - 1, 1 - 1e-6));
        assertThat(offsetStat).isLessThan(chi2(bins - 1, 1 - 1e-6));
    }

    @Test
    void weightsHaveMeanJ0OverKAndVarianceGSquaredOverK() {
        int n = 3000;
        int k = 300;
        double g = 2.0;
        double j0 = 1.5;
        FixedInDegreeMatrix m = draw(Couplings.sparse(g, k).withMean(j0), n, 5, 2);
        double mean = j0 / k;
        double var = g * g / k;
        double s = 0;
        double s2 = 0;
        long count = (long) n * k;
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
                double v = m.weight(i, q) - mean;
                s += v;
                s2 += v * v;
            }
        }
        // M = 9e5 i.i.d. Gaussian weights (float32 rounding, relative 6e-8, is far below the tolerances):
        // the sample mean has standard error √(var/M) = 1.2e-4 and the second moment about the true mean the relative
        // standard error √(2/M) = 1.5e-3; 5 standard errors each (two-sided p ≈ 6e-7).
        double seMean = Math.sqrt(var / count);
        System.out.printf("weights: mean %.3e (expected %.3e, SE %.1e), variance/expected %.5f (SE %.1e)%n", s / count + mean,
                mean, seMean, s2 / count / var, Math.sqrt(2.0 / count));
        assertThat(s / count).isBetween(-5 * seMean, 5 * seMean);
        assertThat(s2 / count / var).isBetween(1 - 5 * Math.sqrt(2.0 / count), 1 + 5 * Math.sqrt(2.0 / count));
        // the dense view: J_ij = w at the stored columns, 0 elsewhere, J_ii = 0
        assertThat(m.get(7, 7)).isZero();
        assertThat(m.get(7, m.column(7, 3))).isEqualTo(m.weight(7, 3));
    }

    @Test
    void sameSeedSameMatrixForAnyThreadCountAndChunking() {
        int n = 2000;
        int k = 150;
        Couplings c = Couplings.sparse(1.3, k).withMean(0.4);
        FixedInDegreeMatrix one = draw(c, n, 21, 1);
        FixedInDegreeMatrix two = draw(c, n, 21, 2);
        FixedInDegreeMatrix chunked = draw(c, n, 21, 2, 7);   // 286 chunks of 7 rows, the last of 5
        assertThat(chunked.rowsPerChunk()).isEqualTo(7);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
                assertThat(two.column(i, q)).isEqualTo(one.column(i, q));
                assertThat(chunked.column(i, q)).isEqualTo(one.column(i, q));
                assertThat(Float.floatToRawIntBits(two.weight(i, q))).isEqualTo(Float.floatToRawIntBits(one.weight(i, q)));
                assertThat(Float.floatToRawIntBits(chunked.weight(i, q))).isEqualTo(Float.floatToRawIntBits(one.weight(i, q)));
            }
        }
        // another seed, another matrix; row i depends on its own stream only (the same row in a larger network
        // draws from N − 1 other candidates, so only the stream is shared, not the row)
        FixedInDegreeMatrix other = draw(c, n, 22, 2);
        int same = 0;
        for (int q = 0; q < k; q++) {
            same += other.column(0, q) == one.column(0, q) ? 1 : 0;
        }
        assertThat(same).isLessThan(k / 2);
        // the general entry point dispatches sparse ensembles here
        try (ParallelRows pool = new ParallelRows(2)) {
            CouplingMatrix viaDense = CouplingSampler.sample(c, n, StreamSeeds.of(21), pool);
            assertThat(viaDense).isInstanceOf(FixedInDegreeMatrix.class);
            assertThat(((FixedInDegreeMatrix) viaDense).column(n - 1, k - 1)).isEqualTo(one.column(n - 1, k - 1));
        }
    }

    @Test
    void progressReportsRowsDrawnIncreasingToN() {
        int n = 5000;
        java.util.List<Long> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        FixedInDegreeMatrix withBar;
        try (ParallelRows pool = new ParallelRows(2)) {
            withBar = SparseCouplingSampler.sample(Couplings.sparse(1.0, 20), n, StreamSeeds.of(8), pool,
                    FixedInDegreeMatrix.defaultRowsPerChunk(20), (done, total) -> {
                        assertThat(total).isEqualTo(n);
                        seen.add(done);
                    });
        }
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(seen.getLast()).isEqualTo(n);
        // a listener changes nothing in the draw
        FixedInDegreeMatrix without = draw(Couplings.sparse(1.0, 20), n, 8, 2);
        for (int c = 0; c * without.rowsPerChunk() < n; c++) {
            assertThat(withBar.chunk(c)).isEqualTo(without.chunk(c));
        }
    }

    @Test
    void refusesWhatCannotFitBeforeAllocating() {
        // N·K = 1e11 synapses, 800 GB: far beyond any test heap; refused before a single array is allocated
        Couplings c = Couplings.sparse(2.0, 10_000);
        assertThatThrownBy(() -> draw(c, 10_000_000, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("n = 10000000 and inDegree = 10000 need about 801.0 GB of memory for the sparse "
                        + "couplings (8 bytes per synapse, N·K = 1.00e+11 synapses)")
                .hasMessageContaining("of heap available (JVM maximum ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
