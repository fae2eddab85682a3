package org.chaoslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

class UnitTransfersTest {

    private static final TransferFunction TANH = new TransferFunctions.Tanh();
    private static final TransferFunction RELU = new TransferFunctions.Relu();
    private static final TransferFunction SIGMOID = TransferFunctions.parse("sigmoid");

    @Test
    void populationsInUnitOrderWithEqualNeighboursMerged() {
        PopulationNetwork three = new PopulationNetwork(10, new double[] {0.3, 0.5, 0.2}, new double[3][3], new double[3][3],
                new double[3], List.of(TANH, RELU, SIGMOID));
        UnitTransfers t = UnitTransfers.of(three);
        assertThat(t.units()).isEqualTo(10);
        assertThat(t.blockCount()).isEqualTo(3);
        int[] pop = PopulationCouplingSampler.populationOf(three);
        for (int i = 0; i < 10; i++) {
            assertThat(t.of(i)).isEqualTo(three.transfers().get(pop[i]));
        }
        // populations sharing phi: one block, the simulators' one-phi path
        PopulationNetwork ei = new PopulationNetwork(10, new double[] {0.8, 0.2}, new double[2][2], new double[2][2],
                new double[2], List.of(RELU, RELU));
        assertThat(UnitTransfers.of(ei).isUniform()).isTrue();
        assertThat(UnitTransfers.of(ei)).isEqualTo(UnitTransfers.uniform(RELU, 10));
        assertThat(UnitTransfers.blocks(new int[] {3, 0, 4, 2}, List.of(TANH, RELU, TANH, RELU)).blockCount()).isEqualTo(2);
    }

    @Test
    void segmentsOfAReplicaMajorStateGiveEveryElementItsUnitsPhi() {
        UnitTransfers t = UnitTransfers.blocks(new int[] {4, 2, 5}, List.of(TANH, RELU, SIGMOID));
        int n = t.units();
        int replicas = 3;
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = rnd.doubles(n * replicas, -3, 3).toArray();
        double[] expected = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            expected[k] = t.of(k % n).phi(x[k]);     // element k is unit k mod N
        }
        double[] all = new double[x.length];
        t.applyScalar(x, all, x.length);
        assertThat(all).isEqualTo(expected);
        // any slice [from, to), split into runs of one block each, covers it exactly once and in order
        for (int trial = 0; trial < 200; trial++) {
            int from = rnd.nextInt(x.length);
            int to = from + rnd.nextInt(x.length - from + 1);
            double[] out = new double[x.length];
            int[] next = {from};
            t.forSegments(from, to, (phi, a, b) -> {
                assertThat(a).isEqualTo(next[0]);
                assertThat(b).isGreaterThan(a);
                for (int k = a; k < b; k++) {
                    assertThat(phi).isEqualTo(t.of(k % n));
                    out[k] = phi.phi(x[k]);
                }
                next[0] = b;
            });
            assertThat(next[0]).isEqualTo(to);
            for (int k = from; k < to; k++) {
                assertThat(out[k]).isEqualTo(expected[k]);
            }
        }
    }
}
