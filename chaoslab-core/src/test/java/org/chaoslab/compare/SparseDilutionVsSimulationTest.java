package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.PopulationInDegrees;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.theory.populations.PopulationMeanField;
import org.junit.jupiter.api.Test;

/**
 * The finite-K term of sparse networks beside simulation: an inhibition-dominated tanh network (one population,
 * J̄ = −10, g = 0.5, input 2, N = 2000) whose weak random couplings would keep it at a fixed point, where the dilution
 * of the strong mean coupling — which K of the N units a unit reads is random, so the mean part of its input,
 * J̄ × (the mean of φ over those K units), differs from unit to unit — adds d·(C_φ − ⟨φ⟩²) to the input covariance,
 * d = J̄²(1/K)(N − 1 − K)/(N − 2) ({@link PopulationMeanField#dilutionVariance}; 0.2 at K = 400, 1.95 at K = 50, against
 * g² = 0.25). At K = 400 it raises the fixed point's variance across units by 31 %; at K = 50 it makes the fixed point
 * unstable (ρ(M) = 1.12 with the dilution, 0.11 without) and the network chaotic, which the time-dependent population
 * DMFT with the same term describes.
 *
 * <p>Tolerance: t_{0.995,5} = 4.03 standard errors over R = 6 realizations plus 2Δ(1/N + 1/K) for the corrections the
 * large-K theory leaves out (the spread of Σ_j J_ij² over units, relative √(2/K); the sum of K inputs not Gaussian), as
 * {@code compare populations} allows. The dense theory (no dilution term) is asserted to be outside it, so the term is
 * resolved, not only allowed.
 */
class SparseDilutionVsSimulationTest {

    private static final int N = 2000;
    private static final int R = 6;
    private static final double T_995_5 = 4.032;

    static PopulationNetwork inhibitory() {
        return new PopulationNetwork(N, new double[] {1}, new double[][] {{-10.0}}, new double[][] {{0.5}},
                new double[] {2.0}, List.of(new TransferFunctions.Tanh()));
    }

    @Test
    void theDilutionOfTheMeanRaisesTheFixedPointsVariance() {
        int k = 400;
        // RK4 dt = 0.1; the fixed point relaxes at rate >= 1 - sqrt(rho(M)) = 0.36: transient 40 leaves e^-14
        PopulationComparisonResult c = compare(inhibitory(), 20, 31, 1.0, PopulationInDegrees.total(k));
        assertThat(c.theory().phase()).isEqualTo("fixed-point");
        assertThat(c.observedPhase()).isEqualTo("fixed-point");
        double delta = c.theory().fixedPoint().variance()[0];
        double allowance = 2 * delta * (1.0 / N + 1.0 / k);
        within(Map.of("mean", c.mean()[0], "variance across units", c.varianceAcrossUnits()[0], "rate", c.rate()[0]),
                allowance, k);
        // the dense theory's variance (0.01068; measured 10 SE away, seeds 31-36) fails the same verdict: the term is
        // resolved, not only allowed
        double dense = new PopulationMeanField().solve(inhibitory()).variance()[0];
        Deviation v = c.varianceAcrossUnits()[0];
        System.out.printf("K %d dense theory variance %.5f (z %.1f)%n", k, dense, (v.simulation() - dense) / v.standardError());
        assertThat(Math.abs(v.simulation() - dense)).isGreaterThan(T_995_5 * v.standardError() + allowance);
    }

    @Test
    void theDilutionOfTheMeanAloneMakesTheNetworkChaotic() {
        int k = 50;
        // RK4 dt = 0.1, transient 40 (the DMFT's tail decays at kappa = 0.19), T = 100 recorded
        PopulationComparisonResult c = compare(inhibitory(), 100, 41, 0.5, PopulationInDegrees.total(k));
        assertThat(new PopulationMeanField().solve(inhibitory()).phase().name()).isEqualTo("FIXED_POINT");
        assertThat(c.theory().phase()).isEqualTo("chaotic");
        assertThat(c.theory().isDynamic()).isTrue();
        assertThat(c.observedPhase()).isEqualTo("fluctuating");
        double allowance = 2 * c.theory().dynamic().delta0()[0] * (1.0 / N + 1.0 / k);
        within(Map.of("mean", c.mean()[0], "variance across units", c.varianceAcrossUnits()[0],
                "temporal variance", c.temporalVariance()[0], "spread of time averages", c.staticVariance()[0],
                "rate", c.rate()[0]), allowance, k);
    }

    /**
     * Two populations with in-degrees per block (K_kl = [[160, 20], [40, 10]]): E/I tanh, J̄ = [[2, −12], [4, −10]],
     * every g_kl = 0.5, inputs 0.5, 0.2. The dilution raises the variances across units from the dense theory's 0.0120
     * (both populations) to 0.0211 and 0.0283; each population against its own allowance 2Δ_k(1/N + 1/K_k),
     * K_k = Σ_l K_kl.
     */
    @Test
    void inDegreesPerBlockDiluteEachBlocksMean() {
        PopulationNetwork net = new PopulationNetwork(N, new double[] {0.8, 0.2}, new double[][] {{2, -12}, {4, -10}},
                new double[][] {{0.5, 0.5}, {0.5, 0.5}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Tanh()));
        int[][] kkl = {{160, 20}, {40, 10}};
        PopulationComparisonResult c = compare(net, 20, 51, 1.0, PopulationInDegrees.blocks(kkl));
        assertThat(c.theory().phase()).isEqualTo("fixed-point");
        assertThat(c.observedPhase()).isEqualTo("fixed-point");
        double[] dense = new PopulationMeanField().solve(net).variance();
        for (int k = 0; k < 2; k++) {
            int kTotal = kkl[k][0] + kkl[k][1];
            double allowance = 2 * c.theory().fixedPoint().variance()[k] * (1.0 / N + 1.0 / kTotal);
            within(Map.of("mean", c.mean()[k], "variance across units", c.varianceAcrossUnits()[k], "rate", c.rate()[k]),
                    allowance, kTotal);
            Deviation v = c.varianceAcrossUnits()[k];
            System.out.printf("population %d dense theory variance %.5f (z %.1f)%n", k + 1, dense[k],
                    (v.simulation() - dense[k]) / v.standardError());
            assertThat(Math.abs(v.simulation() - dense[k])).isGreaterThan(T_995_5 * v.standardError() + allowance);
        }
    }

    /** R realizations (seeds from {@code seed}), RK4 dt = 0.1 after a transient of 40, recorded for {@code duration}. */
    private static PopulationComparisonResult compare(PopulationNetwork net, double duration, long seed, double interval,
                                                      PopulationInDegrees inDegrees) {
        RateSimulation run = new RateSimulation(0.1, duration, 40, IntegratorKind.RK4, 1, seed, 1.0, 2);
        return PopulationComparison.run(net, new PopulationComparison.Settings(run, R, interval, 0, inDegrees),
                new PopulationMeanField(), ProgressListener.NONE);
    }

    private static void within(Map<String, Deviation> stats, double allowance, int k) {
        stats.forEach((name, d) -> {
            System.out.printf("K %d %-24s theory %.5f simulation %.5f +- %.5f (z %.2f)%n", k, name, d.theory(),
                    d.simulation(), d.standardError(), d.zScore());
            assertThat(Math.abs(d.simulation() - d.theory())).as(name)
                    .isLessThanOrEqualTo(T_995_5 * d.standardError() + allowance);
        });
    }
}
