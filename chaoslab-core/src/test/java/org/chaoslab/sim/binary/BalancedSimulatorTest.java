package org.chaoslab.sim.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Test;

class BalancedSimulatorTest {

    private static final BalancedNetwork NET = BalancedNetwork.paper(4000, 1000, 100, 0.1);

    @Test
    void bernoulliInDegreesAverageK() {
        BalancedGraph g = BalancedGraph.realize(NET, 7);
        double sumE = 0;
        double sumI = 0;
        for (int i = 0; i < NET.size(); i++) {
            sumE += g.inDegreeE(i);
            sumI += g.inDegreeI(i);
        }
        int n = NET.size();
        // in-degree ~ Binomial(N_l, K/N_l): the mean over n units has SD √(K(1 − p)/n); allow 5 SD
        assertThat(sumE / n).isCloseTo(100, within(5 * Math.sqrt(100 * 0.975 / n)));
        assertThat(sumI / n).isCloseTo(100, within(5 * Math.sqrt(100 * 0.9 / n)));
        assertThat(g.synapseCount()).isEqualTo((long) (sumE + sumI));
        // out-lists: sorted, E targets first
        int[] t = g.targetsOf(17);
        for (int k = 1; k < t.length; k++) {
            assertThat(t[k]).isGreaterThan(t[k - 1]);
        }
    }

    @Test
    void fixedInDegreeIsExactAndTheGraphIsReproducible() {
        BalancedNetwork f = NET.withConnectivity(BalancedConnectivity.FIXED_INDEGREE);
        BalancedGraph g = BalancedGraph.realize(f, 3);
        for (int i = 0; i < f.size(); i++) {
            assertThat(g.inDegreeE(i)).isEqualTo(100);
            assertThat(g.inDegreeI(i)).isEqualTo(100);
        }
        assertThat(BalancedGraph.realize(f, 3).targetsOf(4321)).containsExactly(g.targetsOf(4321));
        assertThat(BalancedGraph.realize(f, 4).targetsOf(4321)).isNotEqualTo(g.targetsOf(4321));
    }

    @Test
    void incrementalInputCountsEqualRecomputedOnes() {
        BalancedGraph g = BalancedGraph.realize(NET, 1);
        BinaryState s = new BinaryState(NET, g);
        var rng = org.chaoslab.random.StreamSeeds.of(9).provider();
        for (int i = 0; i < NET.size(); i++) {
            if (rng.nextDouble() < 0.3) {
                s.set(i, (byte) 1);
            }
        }
        for (int e = 0; e < 200_000; e++) {
            s.update(rng.nextInt(NET.size()));
        }
        int[] ce = new int[NET.size()];
        int[] ci = new int[NET.size()];
        int activeE = 0;
        for (int j = 0; j < NET.size(); j++) {
            if (s.sigma[j] == 1) {
                activeE += j < NET.nE() ? 1 : 0;
                for (int t : g.targetsOf(j)) {
                    if (j < NET.nE()) {
                        ce[t]++;
                    } else {
                        ci[t]++;
                    }
                }
            }
        }
        assertThat(s.countE).containsExactly(ce);
        assertThat(s.countI).containsExactly(ci);
        assertThat(s.activeE).isEqualTo(activeE);
    }

    @Test
    void poissonUpdateCountAndReproducibility() {
        BalancedGraph g = BalancedGraph.realize(NET, 2);
        BalancedRun run = BalancedRun.of(20, 5, 2);
        BalancedRecording a = BalancedSimulator.run(NET, g, run, ProgressListener.NONE);
        BalancedRecording b = BalancedSimulator.run(NET, g, run, ProgressListener.NONE);
        assertThat(a.rateE()).containsExactly(b.rateE());
        assertThat(a.meanUnitRates()).containsExactly(b.meanUnitRates());
        // updates ~ Poisson((N_E/τ_E + N_I/τ_I)·25): allow 5 SD
        double expected = (4000 / 1.0 + 1000 / 0.9) * 25;
        assertThat((double) a.updates()).isCloseTo(expected, within(5 * Math.sqrt(expected)));
        // time-averaged unit rates average to the time average of the population rate (sampling every 0.1 τ; the
        // two differ by the discretisation of the time integral, a few 10⁻³ of m over 200 samples)
        double sampled = 0;
        for (double r : a.rateE()) {
            sampled += r / a.rateE().length;
        }
        double exact = 0;
        double[] rates = a.meanUnitRates();
        for (int i = 0; i < 4000; i++) {
            exact += rates[i] / 4000;
        }
        assertThat(exact).isCloseTo(sampled, within(0.05 * sampled));
    }

    @Test
    void inputDecompositionAddsUp() {
        BalancedGraph g = BalancedGraph.realize(NET, 2);
        BalancedRecording r = BalancedSimulator.run(NET, g, BalancedRun.of(5, 2, 2), ProgressListener.NONE);
        double[][] c = r.inputs()[0];
        for (int s = 0; s < c[0].length; s++) {
            assertThat(c[3][s]).isCloseTo(c[0][s] + c[1][s] + c[2][s] - NET.thetaE(), within(1e-12));
            assertThat(c[4][s]).isIn(0.0, 1.0);
        }
        // external input √K E m0 = 10·0.1 = 1
        assertThat(c[2][0]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oneFlippedUnitStartsTheReplicaDistance() {
        BalancedGraph g = BalancedGraph.realize(NET, 5);
        BalancedRecording r = BalancedSimulator.run(NET, g, BalancedRun.of(10, 5, 5).withReplicas(2, true), ProgressListener.NONE);
        assertThat(r.distanceE()[0]).isEqualTo(1.0 / 4000);
        assertThat(r.distanceI()[0]).isZero();
    }

    @Test
    void fixedOrderScheduleUpdatesEveryUnitOncePerTau() {
        BalancedNetwork equal = NET.withTaus(1.0, 1.0);
        BalancedGraph g = BalancedGraph.realize(equal, 2);
        BalancedRecording r = BalancedSimulator.run(equal, g, BalancedRun.of(10, 0, 2).withSchedule(UpdateSchedule.FIXED_ORDER),
                ProgressListener.NONE);
        assertThat(r.updates()).isBetween(10L * 5000 - 1, 10L * 5000);
        assertThatThrownBy(() -> BalancedSimulator.run(NET, g, BalancedRun.of(10, 0, 2).withSchedule(UpdateSchedule.FIXED_ORDER),
                ProgressListener.NONE)).hasMessageContaining("schedule fixed-order needs tauE = tauI");
    }
}
