package org.chaoslab.theory.balanced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;
import org.junit.jupiter.api.Test;

class BalancedMeanFieldTest {

    private static final GaussianExpectation ENGINE = GaussianExpectation.standard();

    /** Large N so that p = K/N is negligible: the paper's N → ∞ first. */
    private static BalancedNetwork net(int k, double m0) {
        return BalancedNetwork.paper(10_000_000, 10_000_000, k, m0);
    }

    @Test
    void balanceEquationsGiveThePaperRatesLinearInM0() {
        // m_E = (E J_I − I J_E)/(J_E − J_I) m0 = (1.8 − 1.6)/0.2 m0 = m0, m_I = (E − I)/(J_E − J_I) m0 = m0 (1998, eq. 4.4)
        for (double m0 : new double[] {0.02, 0.1, 0.3}) {
            BalancedLimit l = BalancedLimit.solve(net(1000, m0));
            assertThat(l.mE()).isCloseTo(m0, within(1e-12));
            assertThat(l.mI()).isCloseTo(m0, within(1e-12));
        }
    }

    @Test
    void noBalancedStateIsAnError() {
        // I = 1.2 > E = 1 violates E/I > J_E/J_I: m_E = (1.8 − 2.4)/0.2 m0 < 0
        BalancedNetwork bad = new BalancedNetwork(1000, 1000, 100, 1, -2, 1, -1.8, 1, 1.2, 1, 0.7, 1, 0.9, 0.1,
                BalancedConnectivity.BERNOULLI);
        assertThatThrownBy(() -> new BalancedMeanField().solve(bad)).isInstanceOf(NoBalancedSolutionException.class)
                .hasMessageContaining("no balanced state");
    }

    @Test
    void gaussianSolutionIsSelfConsistent() {
        BalancedSolution s = new BalancedMeanField(InputModel.GAUSSIAN).solve(net(1000, 0.1));
        assertThat(s.branchCount()).isEqualTo(1);
        for (int k = 0; k < 2; k++) {
            int pop = k;
            // m_k = H(−u_k/√α_k) (eq. 3.10) and m_k = ∫Dx m_k(x), q_k = ∫Dx m_k(x)² (eqs. 3.9, 3.11): quadrature accuracy
            assertThat(Gaussians.h(-s.meanInput(k) / Math.sqrt(s.alpha(k)))).isCloseTo(s.rate(k), within(1e-10));
            assertThat(ENGINE.expectation(x -> s.unitRate(pop, x), 0, 1)).isCloseTo(s.rate(k), within(1e-9));
            assertThat(ENGINE.expectation(x -> Math.pow(s.unitRate(pop, x), 2), 0, 1)).isCloseTo(s.q(k), within(1e-9));
            assertThat(s.q(k)).isBetween(s.rate(k) * s.rate(k), s.rate(k));
            // α_k = Σ_l J_kl² m_l when p → 0 (eq. 3.6): exact up to p = 10⁻⁴
            double alpha = 0;
            for (int l = 0; l < 2; l++) {
                alpha += Math.pow(s.network().coupling(k, l), 2) * s.rate(l);
            }
            assertThat(s.alpha(k)).isCloseTo(alpha, within(1e-3 * alpha));
        }
    }

    @Test
    void frozenBranchesAreReportedButNotChosen() {
        // N_I = K: every I unit sees all I units (p = 1, no quenched I input); the Gaussian equations then also have a
        // frozen solution (q = m), which must be listed but not returned
        BalancedSolution s = new BalancedMeanField(InputModel.GAUSSIAN).solve(BalancedNetwork.paper(4000, 1000, 1000, 0.1));
        assertThat(s.qE()).isLessThan(0.5 * s.mE());
        boolean anyFrozen = false;
        for (double[] b : s.branches()) {
            anyFrozen |= BalancedMeanField.frozen(b);
        }
        assertThat(s.branchCount()).isGreaterThanOrEqualTo(1);
        assertThat(!anyFrozen || s.branchCount() >= 2).isTrue();
    }

    @Test
    void rateDistributionIsNormalised() {
        BalancedSolution s = new BalancedMeanField().solve(net(400, 0.1));
        for (int k = 0; k < 2; k++) {
            // ∫ρ(r) dr over [a, b] equals F(b) − F(a): midpoint rule with 20 000 panels, error ≪ 10⁻⁴
            double a = 0.01;
            double b = 0.2;
            int n = 20_000;
            double integral = 0;
            for (int i = 0; i < n; i++) {
                integral += s.rateDensity(k, a + (i + 0.5) * (b - a) / n) * (b - a) / n;
            }
            assertThat(integral).isCloseTo(s.rateCdf(k, b) - s.rateCdf(k, a), within(1e-4));
            // the CDF at the mean rate is between 0 and 1 and the mean of the distribution is m_k
            assertThat(s.rateCdf(k, 1e-12)).isLessThan(0.5);
        }
    }

    @Test
    void finiteKCorrectionsShrinkLikeOneOverSqrtK() {
        // (m_k − m_∞)√K stays O(1) as K grows (balance cancels the O(√K) input; 1998, eq. 4.6), so |m − m∞| shrinks.
        // Measured: √K(m_E − m_∞) = −0.90, −1.19, −1.52 (K = 100, 400, 1600; −1.80 at 6400): O(1), drifting slowly
        double previous = Double.POSITIVE_INFINITY;
        for (int k : new int[] {100, 400, 1600}) {
            BalancedSolution s = new BalancedMeanField().solve(net(k, 0.1));
            double scaledE = (s.mE() - s.limitE()) * Math.sqrt(k);
            double scaledI = (s.mI() - s.limitI()) * Math.sqrt(k);
            assertThat(Math.abs(scaledE)).isLessThan(2.0);
            assertThat(Math.abs(scaledI)).isLessThan(2.0);
            assertThat(Math.abs(s.mE() - s.limitE())).isLessThan(previous);
            previous = Math.abs(s.mE() - s.limitE());
        }
    }

    @Test
    void ratesBecomeLinearInM0AsKGrows() {
        // m(2 m0)/m(m0) → 2 with corrections O(1/(√K m0)): quadrupling K should halve |ratio − 2|
        // (measured 1.36 at K = 400, 0.57 at K = 1600, 0.28 at K = 6400)
        double[] dev = new double[2];
        int[] ks = {400, 1600};
        for (int i = 0; i < 2; i++) {
            double r = new BalancedMeanField().solve(net(ks[i], 0.2)).mE() / new BalancedMeanField().solve(net(ks[i], 0.1)).mE();
            dev[i] = Math.abs(r - 2);
        }
        assertThat(dev[1] / dev[0]).isBetween(0.3, 0.6);
    }

    @Test
    void stabilityDependsOnTauRatio() {
        BalancedNetwork n = net(1000, 0.1);
        BalancedSolution s = new BalancedMeanField().solve(n);
        assertThat(s.tauRatioCritical()).isGreaterThan(0.9).isFinite();
        assertThat(s.stable()).isTrue();
        // just above the critical ratio the fixed point of the population dynamics is unstable
        BalancedSolution slow = new BalancedMeanField().solve(n.withTaus(1.0, 1.05 * s.tauRatioCritical()));
        assertThat(slow.stable()).isFalse();
    }

    @Test
    void replicaDistanceHasFixedPointTwoMMinusQAndSqrtGrowth() {
        BalancedSolution s = new BalancedMeanField().solve(net(1000, 0.1));
        ReplicaDistance rd = new ReplicaDistance(s, ENGINE);
        double[] atStar = rd.derivative(s.distanceFixedPoint(0), s.distanceFixedPoint(1));
        // D* = 2(m − q) is a fixed point: residual set by the bivariate quadrature (≤ 10⁻⁸)
        assertThat(atStar[0]).isCloseTo(0, within(1e-7));
        assertThat(atStar[1]).isCloseTo(0, within(1e-7));
        // the source term grows like √D (exponent 1/2), not like D (exponential growth): quadrature error ≪ 10⁻²
        assertThat(rd.growthExponent(1e-6)).isCloseTo(0.5, within(0.01));
        assertThat(rd.growthExponent(1e-8)).isCloseTo(0.5, within(0.01));
        double[][] traj = rd.trajectory(1e-4, 0, 15, 0.05);
        assertThat(traj[1][traj[1].length - 1]).isCloseTo(s.distanceFixedPoint(0), within(1e-4 * s.distanceFixedPoint(0) + 1e-7));
    }

    @Test
    void fixedInDegreeUsesBinomialCounts() {
        BalancedNetwork b = net(400, 0.1);
        BalancedSolution s = new BalancedMeanField().solve(b.withConnectivity(BalancedConnectivity.FIXED_INDEGREE));
        BalancedSolution p = new BalancedMeanField().solve(b);
        // binomial input counts have less variance than Poisson ones: different but close rates (O(m) relative)
        assertThat(s.mE()).isNotCloseTo(p.mE(), within(1e-6));
        assertThat(Math.abs(s.mE() - p.mE())).isLessThan(0.2 * p.mE());
    }
}
