package org.chaoslab.theory.glauber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.Erfc;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.junit.jupiter.api.Test;

class GlauberReplicaDistanceTest {

    private final GaussianExpectation engine = GaussianExpectation.standard();

    @Test
    void qIsTheMeanSquaredRateOfTheQuenchedFieldDistribution() {
        // independent check of q = ∫Dz m(z)², m(z) = H(−(μ + √β z)/√(α − β + σ²)), by a plain midpoint sum
        for (double sigma : new double[] {0.0, 0.5}) {
            GlauberStationaryState s = GlauberStationaryState.solve(new GlauberNetwork(1000, -2.0, 1.0, 0.5, 0.0, sigma, 1.0), engine);
            double sum = 0;
            double dz = 1e-3;
            for (double z = -10 + dz / 2; z < 10; z += dz) {
                double mz = 0.5 * Erfc.value(-(s.mean() + Math.sqrt(s.beta()) * z) / Math.sqrt(2 * s.temporalVariance()));
                sum += mz * mz * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * dz;
            }
            assertThat(s.q()).isCloseTo(sum, within(1e-7));
            assertThat(s.q()).isBetween(s.m() * s.m(), s.m());
            assertThat(s.q()).isLessThan(s.m() - 0.05); // the fluctuating state, not the frozen root q = m of σ = 0
        }
    }

    @Test
    void deterministicNetworkSaturatesAtTwiceMMinusQWithSqrtGrowth() {
        GlauberStationaryState s = GlauberStationaryState.solve(new GlauberNetwork(1000, -2.0, 1.0, 0.5, 0.0, 0.0, 1.0), engine);
        GlauberReplicaDistance rd = new GlauberReplicaDistance(s, true, engine);
        assertThat(rd.derivative(0.0)).isCloseTo(0.0, within(1e-12));
        assertThat(rd.fixedPoint()).isEqualTo(s.decorrelatedDistance());
        assertThat(rd.derivative(rd.fixedPoint())).isCloseTo(0.0, within(1e-9));
        // the closed-form coefficient of τ ḋ ≈ c √d against the bivariate integral at d = 10⁻⁸ (next order: O(d))
        double d = 1e-8;
        assertThat(rd.derivative(d) + d).isCloseTo(rd.growthCoefficient() * Math.sqrt(d), within(1e-3 * rd.growthCoefficient() * Math.sqrt(d)));
        assertThat(rd.growthExponent(1e-7)).isCloseTo(0.5, within(0.01));
        double[][] traj = rd.trajectory(1e-3, 30, 0.01);
        assertThat(traj[1][traj[1].length - 1]).isCloseTo(rd.fixedPoint(), within(1e-6));
    }

    @Test
    void sharedThresholdNoiseKeepsTheReplicasCorrelated() {
        GlauberStationaryState s = GlauberStationaryState.solve(new GlauberNetwork(1000, -2.0, 1.0, 0.5, 0.0, 0.5, 1.0), engine);
        GlauberReplicaDistance shared = new GlauberReplicaDistance(s, true, engine);
        GlauberReplicaDistance independent = new GlauberReplicaDistance(s, false, engine);
        assertThat(shared.fixedPoint()).isBetween(0.01, s.decorrelatedDistance() - 0.01);
        assertThat(shared.derivative(shared.fixedPoint())).isCloseTo(0.0, within(1e-10));
        assertThat(independent.derivative(s.decorrelatedDistance())).isCloseTo(0.0, within(1e-9));
        assertThat(independent.derivative(0.0)).isGreaterThan(0.0);
    }

    @Test
    void weakCouplingKeepsTheSqrtFixedPoint() {
        // g = 0.05: τ ḋ ≈ c√d − d has its root near c² (c ≈ 0.03); the fixed point must not collapse to 0
        GlauberStationaryState s = GlauberStationaryState.solve(new GlauberNetwork(1000, -2.0, 0.05, 0.5, 0.0, 0.5, 1.0), engine);
        GlauberReplicaDistance rd = new GlauberReplicaDistance(s, true, engine);
        double c = rd.growthCoefficient();
        assertThat(rd.fixedPoint()).isBetween(0.5 * c * c, 2 * c * c);
        assertThat(rd.derivative(rd.fixedPoint())).isCloseTo(0.0, within(1e-12));
    }
}
