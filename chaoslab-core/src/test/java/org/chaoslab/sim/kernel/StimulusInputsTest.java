package org.chaoslab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.Stimuli;
import org.junit.jupiter.api.Test;

class StimulusInputsTest {

    @Test
    void realizedOverlapMatchesTheInputKernel() {
        int n = 20_000;
        double s = 1.3;
        for (Stimuli st : List.of(Stimuli.Circle.equallySpaced(12, s), new Stimuli.Torus(2, 4, s),
                Stimuli.Sphere.uniform(3, 10, s, 5))) {
            double[] x = StimulusInputs.realize(st, n, 21);
            for (int p = 0; p < st.count(); p++) {
                for (int q = 0; q <= p; q++) {
                    double k = st.overlap(p, q);
                    // x_i(p), x_i(q) are jointly Gaussian with variances s² and covariance k, so the mean of N products
                    // has sd √((s⁴ + k²)/N) ∈ [1, √2]·s²/√N; allow 4 sd (≥ 4 s²/√N, the bound asked for)
                    double tol = 4 * Math.sqrt((s * s * s * s + k * k) / n);
                    assertThat(StimulusInputs.overlap(x, n, p, q)).as(st + " p=" + p + " q=" + q).isCloseTo(k, within(tol));
                }
            }
        }
    }

    @Test
    void sameSeedSameInputsAndPrefixProperty() {
        Stimuli c = Stimuli.Circle.equallySpaced(5, 1.0);
        double[] a = StimulusInputs.realize(c, 300, 3);
        assertThat(StimulusInputs.realize(c, 300, 3)).isEqualTo(a);
        double[] small = StimulusInputs.realize(c, 100, 3);
        for (int p = 0; p < 5; p++) {
            for (int i = 0; i < 100; i++) {
                // feature weights are drawn per feature, N per stream: a smaller network sees the first units' inputs
                assertThat(small[p * 100 + i]).isEqualTo(a[p * 300 + i]);
            }
        }
        assertThat(StimulusInputs.realize(c, 300, 4)).isNotEqualTo(a);
    }

    @Test
    void circleInputIsXiCosPlusEtaSin() {
        int n = 50;
        Stimuli.Circle c = new Stimuli.Circle(2.0, new double[] {0.0, Math.PI / 2, 1.0});
        double[] z = StimulusInputs.weights(2, n, org.chaoslab.random.StreamSeeds.of(9));
        double[] x = StimulusInputs.realize(c, n, 9);
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isEqualTo(2.0 * z[i]);                                // θ = 0: s ξ
            assertThat(x[n + i]).isCloseTo(2.0 * z[n + i], within(1e-15));          // θ = π/2: s η (cos π/2 ≈ 6e-17)
            assertThat(x[2 * n + i]).isCloseTo(2.0 * (z[i] * Math.cos(1) + z[n + i] * Math.sin(1)), within(1e-14));
        }
    }

    @Test
    void givenInputsAreUsedAsGivenAndMustMatchN() {
        double[] in = {1, -1, 0.5, 2, 0, -3};
        Stimuli.Given g = new Stimuli.Given(2, 3, in);
        assertThat(StimulusInputs.realize(g, 3, 1)).isEqualTo(in);
        assertThat(g.overlap(0, 1)).isCloseTo((2 + 0 - 1.5) / 3.0, within(1e-15));
        assertThatThrownBy(() -> KernelSimulator.run(StimulusNetwork.binarySync(4, 1, 0), g,
                ResponseProtocol.stationary(1, 1, 1, 1), 1, 1, org.chaoslab.sim.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = 4");
    }
}
