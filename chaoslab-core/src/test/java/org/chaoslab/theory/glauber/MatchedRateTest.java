package org.chaoslab.theory.glauber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.theory.kernel.BinaryKernelTheory;
import org.chaoslab.theory.kernel.KernelStatistics;
import org.junit.jupiter.api.Test;

/** The Glauber dynamic mean field with a quenched (stimulus) input of variance s², and the matched stimulus network. */
class MatchedRateTest {

    private final GaussianExpectation engine = GaussianExpectation.standard();

    /**
     * σ = 0: m and q = C_n(∞) of the Glauber mean field with the stimulus against the independent two-replica theory
     * ({@link BinaryKernelTheory}: Owen's T, its own root finding): its m and K(0⁺). Measured agreement ≤ 8·10⁻¹⁶.
     */
    @Test
    void rateAndQMatchTheTwoReplicaKernelTheory() {
        double[][] cases = {{1, 1, 0, 0}, {0.5, 1, 0.3, 0}, {2, 0.5, -0.2, -1}, {1, 2, 0.5, 0}};
        for (double[] c : cases) {
            double g = c[0], s = c[1], b = c[2], j0 = c[3];
            GlauberNetwork net = new GlauberNetwork(1000, j0, g, 0.0, b, 0.0, 1.0);
            GlauberStationaryState st = GlauberStationaryState.solve(net, s * s, engine);
            KernelStatistics k = new BinaryKernelTheory(g, s, b, j0).statistics();
            assertThat(st.m()).as("m at g=%s s=%s", g, s).isCloseTo(k.meanResponse(), within(1e-12));
            assertThat(st.q()).as("q at g=%s s=%s", g, s).isCloseTo(k.zeroPlus(), within(1e-12));
            assertThat(st.alpha()).isCloseTo(g * g * st.m() + s * s, within(1e-15));
            assertThat(st.beta()).isCloseTo(g * g * st.q() + s * s, within(1e-15));
        }
    }

    @Test
    void withoutStimulusTheOldSolutionIsReproducedExactly() {
        for (double sigma : new double[] {0.0, 0.5}) {
            GlauberNetwork net = new GlauberNetwork(1000, -2.0, 1.0, 0.5, 0.1, sigma, 1.0);
            assertThat(GlauberStationaryState.solve(net, 0.0, engine)).isEqualTo(GlauberStationaryState.solve(net, engine));
            GlauberMeanField.Solution a = GlauberMeanField.solve(net, 0.0);
            GlauberMeanField.Solution b = GlauberMeanField.solve(net);
            assertThat(a.m()).isEqualTo(b.m());
            assertThat(a.variance()).isEqualTo(b.variance());
        }
    }

    /**
     * C_n(0) = m, C_n(∞) = q (the static theory, an independent check), C_y = C_n for the matched network, and
     * 0 &lt; a &lt; m(1 − m). A static stimulus freezes activity: a at s = 1 is below a at s = 0 (0.0195 vs 0.0598 at
     * σ = 0; 0.094 vs 0.156 at σ = 0.5, g = 1, b = 0).
     */
    @Test
    void autocorrelationWithStimulusIsConsistentAndTheStimulusLowersTheOutputNoise() {
        for (double sigma : new double[] {0.0, 0.5}) {
            StimulusNetwork net = StimulusNetwork.glauber(1000, 1.0, 0.0, sigma, 1.0);
            GlauberAutocorrelation with = MatchedRate.theory(net, 1.0, 0.02, 15, engine);
            GlauberAutocorrelation without = MatchedRate.theory(net, 0.0, 0.02, 15, engine);
            double m = with.state().m();
            double[] cn = with.binary();
            assertThat(cn[0]).isCloseTo(m, within(1e-10));
            // lags to 15 τ: σ = 0 decays slowly, 1.1·10⁻⁶ above q is left at 15 τ (3·10⁻¹¹ at 30 τ)
            assertThat(cn[cn.length - 1]).isCloseTo(with.state().q(), within(1e-5));
            double[] cy = with.matchedRate();
            for (int i = 0; i < cn.length; i++) {
                assertThat(cy[i]).isCloseTo(cn[i], within(1e-9));
            }
            double a = with.outputNoiseVariance();
            assertThat(a).isBetween(0.0, m * (1 - m));
            assertThat(a).isLessThan(0.8 * without.outputNoiseVariance());
            assertThat(with.state().q()).isGreaterThan(without.state().q());
            System.out.printf("sigma=%.1f s=1: m %.6f q %.6f a %.6f (s=0: q %.6f a %.6f)%n", sigma, m, with.state().q(), a,
                    without.state().q(), without.outputNoiseVariance());
            // the factory copies the network and takes a from the solved mean field
            StimulusNetwork matched = MatchedRate.of(net.withMeanCoupling(0.0), with, 0.05);
            assertThat(matched.kind()).isEqualTo(StimulusNetwork.Kind.MATCHED_RATE);
            assertThat(matched.outputNoiseVariance()).isEqualTo(a);
            assertThat(matched.thresholdNoise()).isEqualTo(sigma);
            assertThat(matched.n()).isEqualTo(1000);
            assertThat(matched.dt()).isEqualTo(0.05);
        }
    }

    @Test
    void factoryRejectsWrongInputs() {
        StimulusNetwork sync = StimulusNetwork.binarySync(100, 1.0, 0.0);
        assertThatThrownBy(() -> MatchedRate.theory(sync, 1.0, engine)).hasMessageContaining("glauber");
        StimulusNetwork net = StimulusNetwork.glauber(100, 1.0, 0.0, 0.5, 1.0);
        assertThatThrownBy(() -> MatchedRate.theory(net, -1.0, engine)).hasMessageContaining("stimulus strength");
        GlauberAutocorrelation other = MatchedRate.theory(StimulusNetwork.glauber(100, 1.0, 0.2, 0.5, 1.0), 1.0, 0.05, 8, engine);
        assertThatThrownBy(() -> MatchedRate.of(net, other, 0.05)).hasMessageContaining("belongs to");
    }
}
