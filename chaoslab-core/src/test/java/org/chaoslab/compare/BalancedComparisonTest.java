package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.junit.jupiter.api.Test;

/**
 * Simulation against the finite-K mean field. N_E = 20 000, N_I = 5 000, K = 200, m0 = 0.1, three network
 * realizations (seeds 1, 2, 3), 50 τ recorded after 10 τ. Allowances: the mean field treats the input counts of
 * a unit as independent of each other and of its own state; the neglected correlations (shared inputs,
 * p = K/N_I = 0.04, and the temporal correlation of the few, about K·m ≈ 6–12, active inputs) are
 * O(1/√K) = 7 % relative for rates and D*, twice that for q (a square of rates).
 */
class BalancedComparisonTest {

    @Test
    void ratesQAndReplicaDistanceMatchTheMeanField() {
        BalancedNetwork net = BalancedNetwork.paper(20_000, 5_000, 200, 0.1);
        BalancedComparisonResult r = BalancedComparison.run(net,
                new BalancedComparison.Settings(BalancedRun.of(50, 10, 1), 3, 10, false), new BalancedMeanField(), ProgressListener.NONE);
        double relK = 1 / Math.sqrt(200);
        check("rate E", r.rateE(), relK);
        check("rate I", r.rateI(), relK);
        check("q E", r.qE(), 2 * relK);
        check("q I", r.qI(), 2 * relK);
        assertThat(r.survived()).isGreaterThanOrEqualTo(1);
        if (r.survived() >= 2) {
            check("D* E", r.distanceE(), relK);
            check("D* I", r.distanceI(), relK);
        }
        // the theory's √D law (exponent 1/2) and a simulated distance that leaves 1/N_E within 1 τ: after t = 1 the
        // mean-field D_E(1) is ≈ 0.25 D*, and an exponential with the largest rate the simulation could support at
        // that time, ln(D(1) N_E), is not a law: we check the fast rise itself, D(1) > 20/N_E
        assertThat(r.growthExponent()).isBetween(0.49, 0.51);
        assertThat(r.distanceSimE()[10]).isGreaterThan(20.0 / 20_000);
        // irregularity: binary units updated at Poisson times give Poisson-like transitions (CV, Fano ≈ 1); reported,
        // with a sanity range only, since the mean field makes no prediction of them here
        assertThat(r.fanoE()[0]).isBetween(0.5, 1.5);
        assertThat(r.cvE()[0]).isBetween(0.3, 1.5);
    }

    /** |sim − theory| ≤ 3 SE (scatter over realizations) + the stated relative allowance. */
    private static void check(String what, Deviation d, double relative) {
        assertAgrees("balanced " + what, d, 3, relative * Math.abs(d.theory()));
    }
}
