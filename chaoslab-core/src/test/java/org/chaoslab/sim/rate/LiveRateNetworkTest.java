package org.chaoslab.sim.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * The live network (the explorer's): the same trajectory as the rate simulator for the same seed (couplings drawn at
 * unit gain and scaled by g, J0 and the input added in the drive), a retune that continues from the state, and λ_max by
 * two trajectories where it is known in closed form (the circular law at a fixed point).
 */
class LiveRateNetworkTest {

    private static RateNetwork network(int n, double g, double j0, double input) {
        return new RateNetwork(n, new Couplings(g, j0, 0.0, false, org.chaoslab.model.Precision.FLOAT64),
                new TransferFunctions.Tanh(), new ExternalInput.Constant(input).withNoise(new Noise.None()));
    }

    @Test
    void followsTheRateSimulatorsTrajectoryForTheSameSeed() {
        RateNetwork net = network(200, 1.7, 0.4, 0.2);
        double t = 5.0;
        RateRun run = RateSimulator.run(net, RateSimulation.of(0.1, t, 0.0, 7).withIntegrator(IntegratorKind.RK4), List.of(),
                ProgressListener.NONE);
        try (LiveRateNetwork live = LiveRateNetwork.start(net, 7, 0.1, IntegratorKind.RK4, 1)) {
            assertThat(live.advance((int) Math.round(t / 0.1))).isTrue();
            double[] x = live.state();
            // J = J0/N + g z/sqrt(N) against g (z/sqrt(N)) + J0/N Σφ: equal up to rounding, grown by 5 time units of
            // (weakly) chaotic dynamics: far below 1e-9 of the O(1) state
            for (int i = 0; i < 200; i++) {
                assertThat(x[i]).isCloseTo(run.finalState()[i], within(1e-9));
            }
            assertThat(live.time()).isCloseTo(t, within(1e-12));
        }
    }

    @Test
    void aRetuneContinuesFromTheStateAndLambdaMaxFollowsTheCircularLaw() {
        try (LiveRateNetwork live = LiveRateNetwork.start(network(400, 2.0, 0.0, 0.0), 3, 0.1, IntegratorKind.RK4, 1)) {
            live.advance(100);
            double before = live.unit(5);
            live.retune(network(400, 0.5, 0.0, 0.0));
            assertThat(live.unit(5)).as("a retune keeps the state").isEqualTo(before);
            live.advance(200);   // relax towards the fixed point x = 0
            for (int k = 0; k < 5; k++) {
                live.advance(10);
                live.renormalize();
            }
            double sum = 0.0;
            int intervals = 20;
            for (int k = 0; k < intervals; k++) {
                live.advance(10);
                sum += live.renormalize();
            }
            // at x* = 0 the Jacobian is -1 + g J1, whose rightmost eigenvalue is -1 + g (1 + O(N^{-1/2}) edge
            // fluctuations, ~0.05 at N = 400): lambda_max = -0.5 within 0.05
            assertThat(sum / (intervals * 1.0)).isCloseTo(-0.5, within(0.05));
        }
    }

    @Test
    void refusesAnotherSizeAndWhatItCannotRetune() {
        try (LiveRateNetwork live = LiveRateNetwork.start(network(50, 1.0, 0.0, 0.0), 1, 0.1, IntegratorKind.RK4, 1)) {
            assertThatThrownBy(() -> live.retune(network(60, 1.0, 0.0, 0.0))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("n must stay 50");
            RateNetwork symmetric = new RateNetwork(50, new Couplings(1.0, 0.0, 0.5, false, org.chaoslab.model.Precision.FLOAT64),
                    new TransferFunctions.Tanh(), new ExternalInput.Constant(0.0));
            assertThatThrownBy(() -> live.retune(symmetric)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("eta = 0");
        }
    }
}
