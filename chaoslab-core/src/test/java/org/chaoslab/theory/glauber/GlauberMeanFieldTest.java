package org.chaoslab.theory.glauber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.GlauberNetwork;
import org.junit.jupiter.api.Test;

class GlauberMeanFieldTest {

    @Test
    void rootSatisfiesTheSelfConsistency() {
        GlauberNetwork net = new GlauberNetwork(1000, -2.0, 1.0, 0.5, 0.0, 0.0, 1.0);
        GlauberMeanField.Solution s = GlauberMeanField.solve(net);
        assertThat(s.roots()).hasSize(1); // inhibition-dominated: F(m) decreasing, a single crossing
        assertThat(GlauberMeanField.transfer(net, s.m())).isCloseTo(s.m(), within(1e-12));
        assertThat(s.variance()).isCloseTo(s.m(), within(1e-15)); // Q = g² m with g = 1
    }

    @Test
    void thresholdNoiseAddsToTheInputVariance() {
        // with noise σ the transfer is H(−μ/√(g²m + σ²)): g = 0, σ = 1 gives the erfc gain of μ alone
        GlauberNetwork net = new GlauberNetwork(1000, 0.0, 0.0, 0.3, 0.0, 1.0, 1.0);
        assertThat(GlauberMeanField.solve(net).m()).isCloseTo(0.5 * org.apache.commons.numbers.gamma.Erfc.value(-0.3 / Math.sqrt(2)),
                within(1e-12));
    }
}
