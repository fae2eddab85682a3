package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.sim.binary.GlauberReplicaSimulator;
import org.chaoslab.theory.glauber.GlauberReplicaDistance;
import org.chaoslab.theory.glauber.GlauberStationaryState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chaos between two replicas of a Glauber network (N = 2000, J̄ = −2, g = 1, x = 0.5, θ = 0, τ = 1) that differ by
 * one flipped unit after 10 τ; 10 realizations (seeds 1–10), 20 τ after the flip. Deterministic (σ = 0) and with
 * threshold noise σ = 0.5 drawn identically in both replicas, and σ = 0.5 drawn independently.
 */
class GlauberReplicaTest {

    private static final int N = 2000;
    private static final int R = 10;

    @ParameterizedTest
    @CsvSource({"0.0, true", "0.5, true", "0.5, false"})
    void distanceSaturatesAtTheMeanFieldFixedPointAfterSqrtGrowth(double sigma, boolean shared) {
        GlauberNetwork net = new GlauberNetwork(N, -2.0, 1.0, 0.5, 0.0, sigma, 1.0);
        GaussianExpectation engine = GaussianExpectation.standard();
        GlauberStationaryState state = GlauberStationaryState.solve(net, engine);
        GlauberReplicaDistance theory = new GlauberReplicaDistance(state, shared, engine);
        double dStar = theory.fixedPoint();
        RunningStatistics late = new RunningStatistics();
        RunningStatistics ratio = new RunningStatistics();
        RunningStatistics at2 = new RunningStatistics();
        for (long seed = 1; seed <= R; seed++) {
            double[] d = GlauberReplicaSimulator.run(net, 20, 10, 0.1, seed, shared).distance();
            double s = 0;
            for (int k = 100; k <= 200; k++) {
                s += d[k];
            }
            if (s == 0) {
                continue; // the flip healed before spreading (possible only with shared or no noise)
            }
            late.add(s / 101);
            ratio.add(GlauberComparison.growthRatio(times(d.length), d, 1.0));
            at2.add(d[20]);
        }
        String at = String.format("Glauber replicas sigma=%.1f shared=%b", sigma, shared);
        System.out.printf("%s: %d survived; growth ratio %.2f +- %.2f; 2(m-q) = %.5f%n", at, late.count(), ratio.mean(),
                ratio.standardError(), state.decorrelatedDistance());
        // a surviving majority: the flipped unit heals at rate 1/τ but spreads at ≈ c√N/τ ≈ 17–22/τ
        assertThat(late.count()).isGreaterThanOrEqualTo(R / 2);
        // saturation at d*: 3 SE over realizations plus O(1/√N) relative, the neglected pairwise correlations of
        // units and the self-coupling (as for the rate in GlauberComparisonTest)
        assertAgrees(at + ": late distance vs d*", late.estimate(), dStar, 3, dStar / Math.sqrt(N));
        if (shared) {
            // the √d law: theory's local exponent 1/2, and the simulated log-growth rate over [0, τ/2] against that
            // over [τ, 2τ]: any exponential, even one saturating logistically, ḋ = λ d (1 − d/d*), has a ratio of at
            // most 1/(1 − d(2τ)/d*); the simulated mean ratio must exceed that by 3 SE
            assertThat(theory.growthExponent(1e-7)).isBetween(0.49, 0.51);
            double bound = 1 / (1 - at2.mean() / dStar);
            assertThat(ratio.mean() - 3 * ratio.standardError()).isGreaterThan(bound);
        } else {
            // independent noise: the replicas decorrelate from d = 0 at a finite rate, d* = 2(m − q)
            assertThat(theory.derivative(0.0)).isGreaterThan(0.1);
            assertThat(dStar).isEqualTo(state.decorrelatedDistance());
        }
    }

    private static double[] times(int n) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = 0.1 * k;
        }
        return t;
    }
}
