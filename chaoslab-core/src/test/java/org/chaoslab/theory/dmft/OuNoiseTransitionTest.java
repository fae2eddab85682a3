package org.chaoslab.theory.dmft;

import static org.assertj.core.api.Assertions.assertThat;

import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The transition to chaos with OU noise and its limits (slow: each transition is ~20 DMFT solves). */
@Tag("slow")
class OuNoiseTransitionTest {

    private static final DmftOptions OPTIONS = DmftOptions.defaults().withTauMax(40);

    private static Transition ou(double sigma, double tauN) {
        return new OuNoiseDmft(OPTIONS).transition(OuNoiseDmftTest.ou(1.5, new TransferFunctions.Tanh(), sigma, tauN));
    }

    private static Transition white(double sigma) {
        return new WhiteNoiseDmft(OPTIONS).transition(RateNetwork.scs(100, 1.5, new TransferFunctions.Tanh())
                .withInput(ExternalInput.NONE.withNoise(new Noise.White(sigma))));
    }

    @Test
    void shortCorrelationTimeRecoversTheWhiteNoiseTransition() {
        Transition w = white(1.0);
        double previous = Double.POSITIVE_INFINITY;
        for (double tn : new double[] {0.1, 0.05}) {
            Transition o = ou(1.0, tn);
            double gap = Math.abs(o.gCritical() - w.gCritical()) + Math.abs(o.gLocal() - w.gLocal());
            System.out.printf("tau_n=%.2f: gCritical %.5f gLocal %.5f | white %.5f %.5f%n", tn, o.gCritical(), o.gLocal(), w.gCritical(), w.gLocal());
            // the coloured source differs from σ²δ by O(τ_n) (smoothing of the kink over τ_n): the gap shrinks with τ_n
            assertThat(gap).isLessThan(2 * tn);
            assertThat(gap).isLessThan(previous);
            previous = gap;
            assertThat(o.gCritical()).isGreaterThan(o.gLocal());
        }
    }

    @Test
    void weakNoiseRecoversTheNoiselessTransition() {
        // σ → 0: both lines tend to the noiseless g_c = 1 of tanh, monotonically
        double previous = Double.POSITIVE_INFINITY;
        for (double sigma : new double[] {0.6, 0.3, 0.15}) {
            Transition o = ou(sigma, 0.5);
            System.out.printf("sigma=%.2f tau_n=0.5: gCritical %.5f gLocal %.5f%n", sigma, o.gCritical(), o.gLocal());
            assertThat(o.gLocal()).isGreaterThan(1.0);
            assertThat(o.gCritical()).isGreaterThan(o.gLocal());
            assertThat(o.gCritical() - 1).isLessThan(previous);
            previous = o.gCritical() - 1;
        }
        assertThat(previous).isLessThan(0.15);
    }
}
