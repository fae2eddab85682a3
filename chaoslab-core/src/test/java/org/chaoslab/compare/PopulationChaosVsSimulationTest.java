package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.PopulationRecording;
import org.chaoslab.theory.populations.PopulationAutocorrelation;
import org.chaoslab.theory.populations.PopulationMeanField;
import org.junit.jupiter.api.Test;

/**
 * The chaotic state of a two-population network beside the time-dependent population DMFT (Kadmon &amp; Sompolinsky,
 * PRX 5:041030, 2015): the E/I tanh network with unequal rows of gains, g = 3·[[0.9, 1.6], [0.6, 1.0]] (ρ(M) = 1.70 at
 * the unstable static point), so that the two populations' Δ_k(τ) differ (Δ(0) = 6.245 and 2.643).
 *
 * <p>Tolerance: t_{0.995,5} = 4.03 standard errors of the mean over R = 6 realizations (the scatter over realizations
 * holds the network's quenched disorder and the finite window) plus 2Δ_k(0)/N for O(1/N) corrections of the N → ∞
 * theory (as for the fixed point, PopulationStaticVsSimulationTest). The temporal variance and the spread of the time
 * averages are compared with what a window of T = 200 measures (the theory's windowed value): the window's own mean
 * absorbs ≈ (2/T)∫(Δ(τ) − Δ(∞))dτ = 0.21 of population 1's temporal variance, 5 SE here, so the correction is needed.
 */
class PopulationChaosVsSimulationTest {

    private static final int N = 1000;
    private static final int R = 6;
    private static final double T_995_5 = 4.032;

    static PopulationNetwork unequalRows(int n) {
        return new PopulationNetwork(n, new double[] {0.8, 0.2}, new double[][] {{1.0, -3.0}, {1.0, -2.5}},
                new double[][] {{2.7, 4.8}, {1.8, 3.0}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Tanh()));
    }

    @Test
    void populationVariancesAndAutocorrelationsFollowTheTimeDependentDmft() {
        // RK4 dt = 0.1 (no O(dt) bias against the continuous-time theory), transient 50 (the tail decays at rate
        // kappa = 0.33: e^-16), 200 recorded, seeds 1..6
        RateSimulation run = new RateSimulation(0.1, 200, 50, IntegratorKind.RK4, 1, 1, 1.0, 2);
        check(unequalRows(N), new PopulationComparison.Settings(run, R, 0.5, 20));
    }

    /**
     * The sparse form of the same network (SparsePopulationCouplingSampler: K = 200 presynaptic units per unit, 160 from
     * E and 40 from I, weights with the dense block statistics) at the same N against the same theory and tolerance.
     * The theory includes the dilution of the means (J̄_kl N_l/N)² Var(φ_l)(1 − K_l/N_l)/K_l in the input variance
     * (PopulationMeanField.dilutionVariance), here at most 0.36·0.5·0.8/40 = 4e-3 (from I), below 10 % of one standard
     * error; SparseDilutionVsSimulationTest checks it where it matters. (Measured also at N = 2000,
     * K = 400, seeds 11–16: every z within ±1.9.)
     */
    @Test
    void theSparseFixedInDegreeFormFollowsTheSameTheory() {
        RateSimulation run = new RateSimulation(0.1, 200, 50, IntegratorKind.RK4, 1, 11, 1.0, 2);
        check(unequalRows(N), new PopulationComparison.Settings(run, R, 0.5, 20, 200));
    }

    /**
     * In-degrees chosen per block (K_kl = [[160, 40], [100, 60]]: E units read 200 inputs, I units 160, their rows padded
     * with weight-0 entries), weights with the dense block statistics, against the same theory and tolerance. The
     * dilution term is largest for the E←I block as above (K = 40, 4e-3), and (1·0.8)²·0.5·(7/8)/100 = 3e-3 for I←E.
     */
    @Test
    void inDegreesPerBlockFollowTheSameTheory() {
        RateSimulation run = new RateSimulation(0.1, 200, 50, IntegratorKind.RK4, 1, 21, 1.0, 2);
        check(unequalRows(N), new PopulationComparison.Settings(run, R, 0.5, 20,
                org.chaoslab.sim.PopulationInDegrees.blocks(new int[][] {{160, 40}, {100, 60}})));
    }

    private static void check(PopulationNetwork net, PopulationComparison.Settings settings) {
        int n = net.size();
        PopulationComparisonResult c = PopulationComparison.run(net, settings, new PopulationMeanField(),
                ProgressListener.NONE);
        assertThat(c.theory().phase()).isEqualTo("chaotic");
        assertThat(c.theory().isDynamic()).isTrue();
        assertThat(c.observedPhase()).isEqualTo("fluctuating");
        PopulationAutocorrelation dmft = c.theory().dynamic();
        for (int k = 0; k < 2; k++) {
            double allowance = 2 * dmft.delta0()[k] / n;
            for (var e : List.of(java.util.Map.entry("mean", c.mean()[k]),
                    java.util.Map.entry("variance across units", c.varianceAcrossUnits()[k]),
                    java.util.Map.entry("temporal variance", c.temporalVariance()[k]),
                    java.util.Map.entry("spread of time averages", c.staticVariance()[k]),
                    java.util.Map.entry("rate", c.rate()[k]))) {
                Deviation d = e.getValue();
                System.out.printf("N %d K %s population %d %-24s theory %.4f simulation %.4f +- %.4f (z %.2f)%n",
                        n, settings.inDegrees() == null ? "dense" : settings.inDegrees().label(), k + 1, e.getKey(), d.theory(), d.simulation(), d.standardError(), d.zScore());
                assertThat(Math.abs(d.simulation() - d.theory())).as("population %d %s", k + 1, e.getKey())
                        .isLessThanOrEqualTo(T_995_5 * d.standardError() + allowance);
            }
            // Delta_k(tau) = <x_i(t) x_i(t + tau)> - mu_k^2 (unbiased for the stationary process; up to 1024 units of
            // replica 0 per realization): the same tolerance, lag by lag, with the standard error over realizations
            double[] lags = c.recordings().getFirst().lagTimes();
            for (int lag = 0; lag < lags.length; lag += 4) {
                int kk = k;
                int ll = lag;
                RunningStatistics s = RunningStatistics.of(c.recordings().stream()
                        .mapToDouble((PopulationRecording r) -> r.autocorrelation()[kk][ll]).toArray());
                double theory = dmft.delta(k, lags[lag]);
                System.out.printf("population %d Delta(%4.1f) theory %.4f simulation %.4f +- %.4f%n", k + 1, lags[lag],
                        theory, s.mean(), s.standardError());
                assertThat(Math.abs(s.mean() - theory)).as("population %d Delta(%s)", k + 1, lags[lag])
                        .isLessThanOrEqualTo(T_995_5 * s.standardError() + allowance);
            }
        }
    }
}
