package org.chaoslab.theory.balanced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;
import org.junit.jupiter.api.Test;

class BalancedStimulusKernelTest {

    private static final GaussianExpectation ENGINE = GaussianExpectation.standard();

    @Test
    void zeroStimulusReproducesTheMeanFieldBitForBitAndCrossTrialIsQ() {
        for (BalancedConnectivity conn : BalancedConnectivity.values()) {
            for (InputModel model : InputModel.values()) {
                BalancedNetwork net = BalancedNetwork.paper(800, 200, 50, 0.1).withConnectivity(conn);
                BalancedSolution plain;
                try {
                    plain = new BalancedMeanField(ENGINE, model).solve(net);
                } catch (NoBalancedSolutionException e) {
                    System.out.println(conn + " " + model + ": no plain solution (" + e.getMessage() + ")");
                    continue;
                }
                BalancedStimulusKernel k = BalancedStimulusKernel.solve(net, 0.0, model, ENGINE);
                BalancedSolution s = k.state();
                assertThat(s.mE()).isEqualTo(plain.mE());
                assertThat(s.mI()).isEqualTo(plain.mI());
                assertThat(s.qE()).isEqualTo(plain.qE());
                assertThat(s.qI()).isEqualTo(plain.qI());
                assertThat(s.betaE()).isEqualTo(plain.betaE());
                assertThat(s.alphaI()).isEqualTo(plain.alphaI());
                double[] c = k.kernel(1.0);
                assertThat(c[0]).as(conn + " " + model).isCloseTo(plain.qE(), within(1e-10));
                assertThat(c[1]).as(conn + " " + model).isCloseTo(plain.qI(), within(1e-10));
                assertThat(k.nugget(BalancedNetwork.E)).isCloseTo(plain.distanceFixedPoint(BalancedNetwork.E) / 2, within(1e-15));
            }
        }
    }

    @Test
    void stimulusEntersTheQuenchedVarianceAndTheKernelFallsWithDistance() {
        BalancedNetwork net = BalancedNetwork.paper(800, 200, 50, 0.1);
        double s = 0.5;
        for (InputModel model : InputModel.values()) {
            BalancedStimulusKernel k = BalancedStimulusKernel.solve(net, s, model, ENGINE);
            BalancedSolution st = k.state();
            // β_k = Σ_l J_kl² (1 − p_l) q_l + s², α_k = β_k + Σ_l J_kl² (m_l − q_l)
            double[] m = {st.mE(), st.mI()};
            double[] q = {st.qE(), st.qI()};
            for (int pop = 0; pop < 2; pop++) {
                double beta = s * s;
                double gamma = 0;
                for (int l = 0; l < 2; l++) {
                    double j = net.coupling(pop, l);
                    beta += j * j * (1 - net.connectionProbability(l)) * q[l];
                    gamma += j * j * (m[l] - q[l]);
                }
                assertThat(st.beta(pop)).isCloseTo(beta, within(1e-12));
                assertThat(st.alpha(pop)).isCloseTo(beta + gamma, within(1e-12));
                assertThat(k.crossTrial(pop)).isCloseTo(st.q(pop), within(1e-10));
                assertThat(k.nugget(pop)).isPositive();
                // monotone in the overlap, at least m² at o = 0 because the couplings are shared
                double prev = Double.POSITIVE_INFINITY;
                for (double delta = 0; delta <= Math.PI + 1e-12; delta += Math.PI / 8) {
                    double c = k.kernelOnCircle(delta)[pop];
                    assertThat(c).isLessThanOrEqualTo(prev + 1e-14);
                    prev = c;
                }
                assertThat(k.kernel(pop, 0.0)).isGreaterThanOrEqualTo(m[pop] * m[pop] - 1e-14);
            }
            double w = (800 * k.crossTrial(0) + 200 * k.crossTrial(1)) / 1000;
            assertThat(k.populationKernel(1.0)).isCloseTo(w, within(1e-14));
            System.out.printf("alphaE=%.4f betaE=%.4f %s s=%.2f: mE=%.5f mI=%.5f qE=%.5f qI=%.5f nuE=%.5f nuI=%.5f K_E(pi/2)=%.5f K_E(pi)=%.5f%n",
                    st.alphaE(), st.betaE(), model, s, st.mE(), st.mI(), st.qE(), st.qI(), k.nugget(0), k.nugget(1), k.kernel(0, 0.0), k.kernel(0, -1.0));
        }
    }
}
