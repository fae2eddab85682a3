package org.chaoslab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StimulusModelTest {

    @Test
    void overlapsOfTheManifolds() {
        Stimuli.Circle c = Stimuli.Circle.equallySpaced(8, 1.5);
        assertThat(c.overlap(0, 2)).isCloseTo(0.0, within(1e-15));          // Δ = π/2
        assertThat(c.overlap(1, 5)).isCloseTo(-2.25, within(1e-14));        // Δ = π: −s²
        assertThat(c.overlap(3, 3)).isEqualTo(2.25);
        Stimuli.Torus t = new Stimuli.Torus(2, 4, 1.0);
        assertThat(t.count()).isEqualTo(16);
        // point 1 = (0, π/2), point 4 = (π/2, 0), point 10 = (π, π): s² (1/d) Σ cos Δ_k
        assertThat(t.overlap(0, 1)).isCloseTo(0.5, within(1e-15));
        assertThat(t.overlap(1, 4)).isCloseTo(0.0, within(1e-15));
        assertThat(t.overlap(0, 10)).isCloseTo(-1.0, within(1e-15));
        Stimuli.Sphere s = Stimuli.Sphere.uniform(2, 20, 2.0, 3);
        for (int p = 0; p < 20; p++) {
            assertThat(s.overlap(p, p)).isCloseTo(4.0, within(1e-14));      // unit vectors: s²
        }
        assertThat(Stimuli.Sphere.uniform(2, 20, 2.0, 3)).isEqualTo(s);
        double[] k = c.overlapMatrix();
        assertThat(k[8 + 2]).isEqualTo(c.overlap(1, 2));
    }

    @Test
    void loadingsReproduceTheOverlap() {
        for (Stimuli st : new Stimuli[] {Stimuli.Circle.equallySpaced(5, 0.7), new Stimuli.Torus(3, 3, 1.1),
                Stimuli.Sphere.uniform(4, 7, 0.9, 2)}) {
            for (int p = 0; p < st.count(); p++) {
                for (int q = 0; q < st.count(); q++) {
                    double[] a = st.loadings(p);
                    double[] b = st.loadings(q);
                    double dot = 0;
                    for (int f = 0; f < a.length; f++) {
                        dot += a[f] * b[f];
                    }
                    assertThat(dot).isCloseTo(st.overlap(p, q), within(1e-14));
                }
            }
        }
    }

    @Test
    void validationNamesTheParameter() {
        assertThatThrownBy(() -> new Stimuli.Torus(5, 3, 1)).hasMessageContaining("d (torus dimension) must be in [1, 4]");
        assertThatThrownBy(() -> Stimuli.Circle.equallySpaced(0, 1)).hasMessageContaining("p (stimuli) must be >= 1");
        assertThatThrownBy(() -> Stimuli.Circle.equallySpaced(3, -1)).hasMessageContaining("s must be finite and >= 0");
        assertThatThrownBy(() -> StimulusNetwork.binarySync(1, 1, 0)).hasMessageContaining("n must be >= 2");
        assertThatThrownBy(() -> StimulusNetwork.rate(10, 1, null, 0, 0.1)).hasMessageContaining("phi must be given");
        assertThatThrownBy(() -> StimulusNetwork.rate(10, 1, new TransferFunctions.Tanh(), 0, 2))
                .hasMessageContaining("dt must be <= tau");
        assertThatThrownBy(() -> StimulusNetwork.glauber(10, -1, 0, 0, 1)).hasMessageContaining("g must be finite and >= 0");
        assertThatThrownBy(() -> ResponseProtocol.transientAt(1, 2, 1)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> ResponseProtocol.stationary(0, 1, 1, 1)).hasMessageContaining("trials must be >= 1");
        assertThat(StimulusNetwork.Kind.parse("matched-rate")).isEqualTo(StimulusNetwork.Kind.MATCHED_RATE);
        assertThat(ResponseProtocol.transientDoubling(1, 4).times()).containsExactly(1, 2, 4, 8);
        assertThat(ResponseProtocol.stationary(1, 10, 3, 2.5).times()).containsExactly(10, 12.5, 15);
    }
}
