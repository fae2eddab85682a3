package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.binary.BalancedGraph;
import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.sim.binary.BalancedSimulator;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.chaoslab.theory.balanced.BalancedSolution;
import org.junit.jupiter.api.Test;

/**
 * The stability condition of the balanced state (van Vreeswijk &amp; Sompolinsky 1998, section 4) against simulation:
 * N_E = 8000, N_I = 2000, K = 200, m0 = 0.1 (predicted critical τ_I/τ_E ≈ 4.46), τ_I/τ_E at half and at 1.5 times
 * the prediction, seeds 1 and 2, 100 τ_E after 20 τ_E. Below the critical ratio the population rates fluctuate
 * around the fixed point (finite-size noise, amplified near the bifurcation: measured SD 0.007–0.008 ≈ 0.24 m_E at
 * half the ratio); above it the fixed point is unstable and the rates run into large relaxation oscillations
 * (measured: m_E reaching 0.94, SD 0.28–0.31). The criteria sit between the two with a margin of ≥ 2 on each side:
 * stable — SD of m_E(t) below 0.5 m_E and max m_E(t) below 3 m_E; unstable — max m_E(t) above 10 m_E.
 */
class BalancedStabilityTest {

    @Test
    void populationRatesOscillateAboveThePredictedCriticalTauRatioOnly() {
        BalancedNetwork base = BalancedNetwork.paper(8000, 2000, 200, 0.1);
        BalancedSolution theory = new BalancedMeanField().solve(base);
        double critical = theory.tauRatioCritical();
        assertThat(critical).isBetween(1.0, 100.0);
        double mE = theory.mE();
        for (double factor : new double[] {0.5, 1.5}) {
            BalancedNetwork net = base.withTaus(1.0, factor * critical);
            assertThat(new BalancedMeanField().solve(net).stable()).isEqualTo(factor < 1);
            for (long seed = 1; seed <= 2; seed++) {
                double[] rate = BalancedSimulator.run(net, BalancedGraph.realize(net, seed), BalancedRun.of(100, 20, seed),
                        ProgressListener.NONE).rateE();
                RunningStatistics s = RunningStatistics.of(rate);
                double max = java.util.Arrays.stream(rate).max().orElseThrow();
                System.out.printf("tau_I/tau_E = %.3f (critical %.3f), seed %d: m_E mean %.4f SD %.4f max %.4f (theory m_E %.4f)%n",
                        factor * critical, critical, seed, s.mean(), s.standardDeviation(), max, mE);
                if (factor < 1) {
                    assertThat(s.standardDeviation()).isLessThan(0.5 * mE);
                    assertThat(max).isLessThan(3 * mE);
                } else {
                    assertThat(max).isGreaterThan(10 * mE);
                }
            }
        }
    }
}
