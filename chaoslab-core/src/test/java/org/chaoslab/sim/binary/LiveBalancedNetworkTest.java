package org.chaoslab.sim.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * The live balanced network (the explorer's): the trajectory of {@link BalancedSimulator} with one replica for the same
 * seed, an input decomposition that adds up, and a retune of m0 that keeps the state and moves the rates the way the
 * balance condition says (linearly in m0).
 */
class LiveBalancedNetworkTest {

    private static final BalancedNetwork NET = BalancedNetwork.paper(800, 200, 50, 0.1);

    @Test
    void followsTheBalancedSimulatorsTrajectoryForTheSameSeed() {
        double transientTime = 3.0;
        BalancedRun run = new BalancedRun(5.0, transientTime, 0.1, 11, UpdateSchedule.POISSON, 1, false, 0.1, 1, new int[] {0},
                0, 0, 0.0);
        BalancedRecording rec = BalancedSimulator.run(NET, BalancedGraph.realize(NET, 11), run, ProgressListener.NONE);
        LiveBalancedNetwork live = LiveBalancedNetwork.start(NET, 11, 0.1);
        for (int s = 0; s < rec.time().length; s++) {
            live.advanceTo(transientTime + s * run.sampleInterval(), null);
            assertThat(live.rate(BalancedNetwork.E)).as("m_E at sample %d", s).isEqualTo(rec.rateE()[s]);
            assertThat(live.rate(BalancedNetwork.I)).as("m_I at sample %d", s).isEqualTo(rec.rateI()[s]);
            assertThat(live.excitatoryInput(0)).isEqualTo(rec.inputs()[0][0][s]);
            assertThat(live.inhibitoryInput(0)).isEqualTo(rec.inputs()[0][1][s]);
            assertThat(live.externalInput(0)).isEqualTo(rec.inputs()[0][2][s]);
            assertThat(live.input(0)).isEqualTo(rec.inputs()[0][3][s]);
        }
        assertThat(live.time()).isCloseTo(transientTime + (rec.time().length - 1) * 0.1, within(1e-12));
    }

    @Test
    void theTransitionsReportedAreTheStateChanges() {
        LiveBalancedNetwork live = LiveBalancedNetwork.start(NET, 2, 0.1);
        live.advanceTo(2.0, null);
        boolean[] before = new boolean[NET.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = live.active(i);
        }
        double[] last = {2.0};
        live.advanceTo(4.0, (i, t, active) -> {
            assertThat(active).as("unit %d flips", i).isNotEqualTo(before[i]);
            assertThat(t).isBetween(last[0], 4.0);
            last[0] = t;
            before[i] = active;
        });
        for (int i = 0; i < before.length; i++) {
            assertThat(live.active(i)).isEqualTo(before[i]);
        }
        double u = live.excitatoryInput(5) + live.inhibitoryInput(5) + live.externalInput(5) - live.threshold(5);
        assertThat(live.input(5)).isCloseTo(u, within(1e-12));
    }

    @Test
    void aRetuneOfM0KeepsTheStateAndTheRatesFollowTheDrive() {
        BalancedNetwork big = BalancedNetwork.paper(2000, 500, 100, 0.2);
        LiveBalancedNetwork live = LiveBalancedNetwork.start(big, 5, 0.1);
        live.advanceTo(10.0, null);
        double low = averageRateE(live, 10.0, 30.0);
        double before = live.rate(BalancedNetwork.E);
        live.retune(big.withM0(0.3));
        assertThat(live.rate(BalancedNetwork.E)).as("a retune keeps the state").isEqualTo(before);
        assertThat(live.externalInput(0)).isCloseTo(Math.sqrt(100) * 0.3, within(1e-12));
        live.advanceTo(40.0, null);
        double high = averageRateE(live, 40.0, 60.0);
        // balance: the rates follow m0 (m_E = m0 as K -> infinity for these couplings); the finite-K mean field at K = 100
        // gives m_E = 0.1006 at m0 = 0.2 and 0.1967 at m0 = 0.3, a ratio of 1.96
        assertThat(high / low).as("m_E at m0 = 0.3 over m_E at m0 = 0.2").isBetween(1.5, 2.6);
        assertThatThrownBy(() -> live.retune(big.withSize(2000, 500, 80))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("new network");
    }

    private static double averageRateE(LiveBalancedNetwork live, double from, double to) {
        double sum = 0.0;
        int count = 0;
        for (double t = from + 0.1; t <= to; t += 0.1) {
            live.advanceTo(t, null);
            sum += live.rate(BalancedNetwork.E);
            count++;
        }
        return sum / count;
    }
}
