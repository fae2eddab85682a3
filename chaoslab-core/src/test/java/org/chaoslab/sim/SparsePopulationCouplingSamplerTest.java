package org.chaoslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chaoslab.linalg.FixedInDegreeMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;

class SparsePopulationCouplingSamplerTest {

    private static PopulationNetwork net(int n) {
        return new PopulationNetwork(n, new double[] {0.8, 0.2}, new double[][] {{1.0, -3.0}, {1.0, -2.5}},
                new double[][] {{2.7, 4.8}, {1.8, 3.0}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Tanh()));
    }

    private static FixedInDegreeMatrix sample(PopulationNetwork net, int k, int threads) {
        try (ParallelRows pool = new ParallelRows(threads)) {
            return SparsePopulationCouplingSampler.sample(net, k, StreamSeeds.of(7), pool);
        }
    }

    @Test
    void everyUnitReadsKlDistinctOtherUnitsOfEachPopulationWithTheBlockStatistics() {
        int n = 1000;
        PopulationNetwork net = net(n);
        int[] kl = SparsePopulationCouplingSampler.inDegrees(net, 100);
        assertThat(kl).containsExactly(80, 20);
        FixedInDegreeMatrix m = sample(net, 100, 2);
        int[] pop = PopulationCouplingSampler.populationOf(net);
        // per block (k receiving, l sending): sum and sum of squares of the weights
        double[][] sum = new double[2][2];
        double[][] sum2 = new double[2][2];
        long[][] count = new long[2][2];
        for (int i = 0; i < n; i++) {
            int[] per = new int[2];
            int last = -1;
            for (int q = 0; q < 100; q++) {
                int j = m.column(i, q);
                assertThat(j).isNotEqualTo(i).isGreaterThan(last);      // no self-coupling, distinct, sorted
                last = j;
                int l = pop[j];
                per[l]++;
                double w = m.weight(i, q);
                sum[pop[i]][l] += w;
                sum2[pop[i]][l] += w * w;
                count[pop[i]][l]++;
            }
            assertThat(per).containsExactly(80, 20);
        }
        // weight mean jBar N_l/(N K_l) and variance g^2 N_l/(N K_l); the sample mean of c weights has SE sqrt(var/c) and
        // the sample variance a relative SE sqrt(2/c): 5 SE each (float32 rounding of the weights, 1e-7 relative, is
        // far below)
        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) {
                double share = net.populationSize(l) / (double) n;
                double mean = net.meanCouplings()[k][l] * share / kl[l];
                double var = net.gains()[k][l] * net.gains()[k][l] * share / kl[l];
                double c = count[k][l];
                double m1 = sum[k][l] / c;
                double v = sum2[k][l] / c - m1 * m1;
                assertThat(Math.abs(m1 - mean)).as("mean %d%d", k, l).isLessThan(5 * Math.sqrt(var / c));
                assertThat(Math.abs(v / var - 1)).as("variance %d%d", k, l).isLessThan(5 * Math.sqrt(2 / c));
            }
        }
    }

    @Test
    void theMatrixDependsOnTheSeedOnlyNotOnTheThreads() {
        PopulationNetwork net = net(600);
        FixedInDegreeMatrix one = sample(net, 60, 1);
        FixedInDegreeMatrix two = sample(net, 60, 2);
        for (int i = 0; i < 600; i += 7) {
            for (int q = 0; q < 60; q++) {
                assertThat(two.column(i, q)).isEqualTo(one.column(i, q));
                assertThat(two.weight(i, q)).isEqualTo(one.weight(i, q));
            }
        }
    }

    @Test
    void anInDegreeAPopulationCannotGiveIsRefusedNamingTheOption() {
        // N = 100 (80 + 20 units): K = 100 asks population 1 for 80 (more than its 79 others); the largest K that every
        // population can give is 97 (K_2 = round(19.4) = 19; K = 98 would ask for round(19.6) = 20)
        assertThat(SparsePopulationCouplingSampler.maxInDegree(net(100))).isEqualTo(97);
        assertThatThrownBy(() -> sample(net(100), 100, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--k-in must be in [1, 97] for these population sizes (K_l = round(K N_l/N) distinct units of "
                        + "population l other than the unit itself; got 100, which asks population 1 (80 units) for 80)");
    }

    private static FixedInDegreeMatrix sample(PopulationNetwork net, int[][] kkl, int threads) {
        try (ParallelRows pool = new ParallelRows(threads)) {
            return SparsePopulationCouplingSampler.sample(net, PopulationInDegrees.blocks(kkl), StreamSeeds.of(7), pool);
        }
    }

    @Test
    void inDegreesPerBlockWithPaddedRowsAndTheBlockStatistics() {
        // K_kl = [[160, 40], [60, 90]]: E units read 200, I units 150 (padded to 200 with weight-0 entries)
        int n = 1000;
        PopulationNetwork net = net(n);
        int[][] kkl = {{160, 40}, {60, 90}};
        FixedInDegreeMatrix m = sample(net, kkl, 2);
        assertThat(m.entriesPerRow()).isEqualTo(200);
        int[] pop = PopulationCouplingSampler.populationOf(net);
        double[][] sum = new double[2][2];
        double[][] sum2 = new double[2][2];
        long[][] count = new long[2][2];
        for (int i = 0; i < n; i++) {
            int a = pop[i];
            int total = kkl[a][0] + kkl[a][1];
            int[] per = new int[2];
            int last = -1;
            for (int q = 0; q < total; q++) {
                int j = m.column(i, q);
                assertThat(j).isNotEqualTo(i).isGreaterThan(last);
                last = j;
                per[pop[j]]++;
                double w = m.weight(i, q);
                sum[a][pop[j]] += w;
                sum2[a][pop[j]] += w * w;
                count[a][pop[j]]++;
            }
            assertThat(per).containsExactly(kkl[a][0], kkl[a][1]);
            for (int q = total; q < 200; q++) {
                // the padding adds an exact 0 to the product
                assertThat(m.weight(i, q)).isZero();
                assertThat(m.column(i, q)).isEqualTo(last);
            }
        }
        // weight mean jBar N_l/(N K_kl), variance g^2 N_l/(N K_kl): the dense block statistics of the summed input
        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) {
                double share = net.populationSize(l) / (double) n;
                double mean = net.meanCouplings()[k][l] * share / kkl[k][l];
                double var = net.gains()[k][l] * net.gains()[k][l] * share / kkl[k][l];
                double c = count[k][l];
                double m1 = sum[k][l] / c;
                double v = sum2[k][l] / c - m1 * m1;
                assertThat(Math.abs(m1 - mean)).as("mean %d%d", k, l).isLessThan(5 * Math.sqrt(var / c));
                assertThat(Math.abs(v / var - 1)).as("variance %d%d", k, l).isLessThan(5 * Math.sqrt(2 / c));
            }
        }
        // the same bits on one thread
        FixedInDegreeMatrix one = sample(net, kkl, 1);
        for (int i = 0; i < n; i += 13) {
            for (int q = 0; q < 200; q++) {
                assertThat(one.column(i, q)).isEqualTo(m.column(i, q));
                assertThat(one.weight(i, q)).isEqualTo(m.weight(i, q));
            }
        }
        // the proportional form is the block form with equal rows: the same matrix
        FixedInDegreeMatrix prop = sample(net, 100, 1);
        FixedInDegreeMatrix blocks = sample(net, new int[][] {{80, 20}, {80, 20}}, 1);
        for (int i = 0; i < n; i += 11) {
            for (int q = 0; q < 100; q++) {
                assertThat(blocks.weight(i, q)).isEqualTo(prop.weight(i, q));
                assertThat(blocks.column(i, q)).isEqualTo(prop.column(i, q));
            }
        }
    }

    @Test
    void blocksAPopulationCannotGiveAreRefusedNamingTheEntry() {
        assertThatThrownBy(() -> sample(net(100), new int[][] {{80, 10}, {10, 10}}, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--k-matrix entry (1, 1) = 80 exceeds the 79 distinct units population 1 can give (other than the "
                        + "unit itself)");
        assertThatThrownBy(() -> sample(net(100), new int[][] {{10, 10}, {10, 21}}, 1)).hasMessageContaining("(2, 2) = 21");
        assertThatThrownBy(() -> PopulationInDegrees.blocks(new int[][] {{1, 2}, {3}})).hasMessageContaining("square");
        assertThatThrownBy(() -> PopulationInDegrees.blocks(new int[][] {{1, 0}, {3, 4}})).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> sample(net(100), new int[][] {{10}}, 1)).hasMessageContaining("1 rows for 2 populations");
    }
}
