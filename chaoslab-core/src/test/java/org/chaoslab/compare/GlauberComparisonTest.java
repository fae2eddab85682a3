package org.chaoslab.compare;

import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.sim.binary.GlauberSimulator;
import org.chaoslab.theory.glauber.GlauberMeanField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Glauber network (N = 2000, J̄ = −2, g = 1, x = 0.5, θ = 0), deterministic and with threshold noise σ = 0.5:
 * the population rate of 3 realizations (seeds 1–3, 40 τ after 10 τ) against the mean field. The allowance
 * beyond 3 standard errors is O(1/√N) relative (2.2 %): the self-coupling J_ii and the finite-N correlations
 * the mean field neglects.
 */
class GlauberComparisonTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5})
    void populationRateMatchesTheMeanField(double noise) {
        GlauberNetwork net = new GlauberNetwork(2000, -2.0, 1.0, 0.5, 0.0, noise, 1.0);
        double theory = GlauberMeanField.solve(net).m();
        RunningStatistics sim = new RunningStatistics();
        for (long seed = 1; seed <= 3; seed++) {
            sim.add(GlauberSimulator.run(net, 40, 10, 0.1, seed).meanRate());
        }
        double allowance = theory / Math.sqrt(net.n());
        assertAgrees(String.format("Glauber sigma=%.1f population rate", noise), sim.estimate(), theory, 3, allowance);
    }
}
