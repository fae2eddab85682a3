package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long validation runs (mvn -Pvalidation): the K-dependence of the simulated rates and the fixed-in-degree variant.
 * Tolerances as in {@link BalancedComparisonTest}: 3 standard errors over realizations plus O(1/√K) relative.
 */
@Tag("slow")
class BalancedValidationTest {

    @Test
    void simulatedRatesFollowTheMeanFieldAcrossK() {
        for (int k : new int[] {100, 400, 1000}) {
            BalancedNetwork net = BalancedNetwork.paper(40_000, 10_000, k, 0.1);
            BalancedComparisonResult r = BalancedComparison.run(net,
                    new BalancedComparison.Settings(BalancedRun.of(50, 10, 11), 2, 10, false), new BalancedMeanField(),
                    ProgressListener.NONE);
            double rel = 1 / Math.sqrt(k);
            assertAgrees("K = " + k + ": rate E", r.rateE(), 3, rel * r.rateE().theory());
            assertAgrees("K = " + k + ": rate I", r.rateI(), 3, rel * r.rateI().theory());
            // (m − m∞)√K stays O(1) in the simulation too
            assertThat(Math.abs(r.rateE().simulation() - 0.1) * Math.sqrt(k)).isLessThan(2.5);
        }
    }

    @Test
    void fixedInDegreeMatchesItsBinomialMeanField() {
        BalancedNetwork net = BalancedNetwork.paper(20_000, 5_000, 200, 0.1)
                .withConnectivity(org.chaoslab.model.BalancedConnectivity.FIXED_INDEGREE);
        BalancedComparisonResult r = BalancedComparison.run(net,
                new BalancedComparison.Settings(BalancedRun.of(50, 10, 21), 3, 10, false), new BalancedMeanField(),
                ProgressListener.NONE);
        double rel = 1 / Math.sqrt(200);
        assertAgrees("fixed in-degree: rate E", r.rateE(), 3, rel * r.rateE().theory());
        assertAgrees("fixed in-degree: rate I", r.rateI(), 3, rel * r.rateI().theory());
    }

    @Test
    void rateDistributionMatchesTheMeanFieldOverLongRuns() {
        // m0 = 0.2, K = 200, N_E = 20 000, N_I = 5 000, T = 1000 τ (finite-T noise folded into the theory, see
        // BalancedRateDistribution); measured KS: E 0.0093, 0.0107; I 0.0111, 0.0058 (seeds 1, 2). Bound: the 99.9 %
        // critical value 1.95/√n for n independent samples
        BalancedNetwork net = BalancedNetwork.paper(20_000, 5_000, 200, 0.2);
        BalancedComparisonResult r = BalancedComparison.run(net,
                new BalancedComparison.Settings(BalancedRun.of(1000, 10, 1).withRecording(new int[0], 200, 200, 5), 2, 10, true),
                new BalancedMeanField(), ProgressListener.NONE);
        for (BalancedRateDistribution d : r.rateDistributions()) {
            assertThat(d.ksDistance()).as(d.toString()).isLessThanOrEqualTo(d.ksBound());
        }
    }

    @Test
    void rateDistributionAtM0PointOneWithinTheMeanFieldsOwnAccuracy() {
        // m0 = 0.1 (the paper's value), otherwise as above. Why the m0 = 0.2 test avoids it: here m_E ≈ 0.032, so a unit
        // sees only K m_E ≈ 6 active E inputs, and the mean field (independent input counts) is off by O(1/√K) in a
        // way the long run resolves: measured rates 1.8 % (E) and 1.3 % (I) below the theory (z = −4.7, −10 at
        // T = 1000 τ), q 8.5 % / 6 % below, and the E KS distance 0.026–0.028 against the pure-sampling bound
        // 1.95/√20000 = 0.0138 (I: 0.021–0.023 < 0.028). The bound therefore adds the CDF shift that an O(1/√K)
        // relative error ε of the rates produces: rates scaled by 1 + ε move F by at most ε sup_v v ρ(v) (first order),
        // with ρ the mean-field density, the same O(1/√K) allowance as the rate comparisons.
        BalancedNetwork net = BalancedNetwork.paper(20_000, 5_000, 200, 0.1);
        BalancedComparisonResult r = BalancedComparison.run(net,
                new BalancedComparison.Settings(BalancedRun.of(1000, 10, 1).withRecording(new int[0], 200, 200, 5), 2, 10, true),
                new BalancedMeanField(), ProgressListener.NONE);
        double eps = 1 / Math.sqrt(200);
        for (BalancedRateDistribution d : r.rateDistributions()) {
            int pop = d.population().equals("E") ? 0 : 1;
            double sup = 0;
            for (int i = 1; i < 4000; i++) {
                double v = i / 4000.0;
                sup = Math.max(sup, v * r.theory().rateDensity(pop, v));
            }
            double bound = d.ksBound() + eps * sup;
            System.out.printf("m0 = 0.1 %s: KS %.4f, bound %.4f (sampling %.4f + %.4f x sup v rho %.4f)%n", d.population(),
                    d.ksDistance(), bound, d.ksBound(), eps, sup);
            assertThat(d.ksDistance()).as(d.toString()).isLessThanOrEqualTo(bound);
        }
    }
}
