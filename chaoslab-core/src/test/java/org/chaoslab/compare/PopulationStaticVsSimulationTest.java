package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.PopulationCouplingSampler;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.theory.populations.PopulationFixedPoint;
import org.chaoslab.theory.populations.PopulationMeanField;
import org.junit.jupiter.api.Test;

/** The static multi-population mean field beside realized E/I networks (Kadmon &amp; Sompolinsky 2015). */
class PopulationStaticVsSimulationTest {

    /** E/I threshold-linear network in its fixed-point phase (rho(M) = 0.47, mean modes stable). */
    static PopulationNetwork ei(int n) {
        return new PopulationNetwork(n, new double[] {0.8, 0.2}, new double[][] {{1.0, -4.0}, {1.5, -4.5}},
                new double[][] {{0.6, 1.2}, {0.6, 1.2}}, new double[] {1.0, 0.6},
                List.of(new TransferFunctions.Relu(), new TransferFunctions.Relu()));
    }

    @Test
    void fixedPointMeansAndVariancesPerPopulation() {
        int n = 2000;
        PopulationNetwork net = ei(n);
        PopulationFixedPoint theory = new PopulationMeanField().solve(net);
        assertThat(theory.phase()).isEqualTo(PopulationFixedPoint.Phase.FIXED_POINT);
        int[] pop = PopulationCouplingSampler.populationOf(net);
        double[] input = new double[n];
        for (int i = 0; i < n; i++) {
            input[i] = net.inputs()[pop[i]];
        }
        RateNetwork shape = RateNetwork.scs(n, 1.0, new TransferFunctions.Relu()).withInput(new ExternalInput.PerUnit(input));
        double[][] mean = new double[3][2];
        double[][] var = new double[3][2];
        for (int r = 0; r < 3; r++) {
            CouplingMatrix j;
            try (ParallelRows pool = new ParallelRows(2)) {
                j = PopulationCouplingSampler.sample(net, StreamSeeds.of(100 + r), pool);
            }
            RealizedRateNetwork realized = new RealizedRateNetwork(shape, j, input, 100 + r);
            // relaxation rate of the slowest mode 1 - max Re(lambda) >= 1 - sqrt(0.47) ~ 0.3: t = 100 leaves e^-30
            RateRun run = RateSimulator.run(realized, new RateSimulation(0.1, 1, 100, IntegratorKind.RK4, 1, 100 + r, 1.0, 2),
                    List.of(), ProgressListener.NONE);
            double[] x = run.finalState();
            for (int k = 0; k < 2; k++) {
                double s = 0;
                double s2 = 0;
                int c = 0;
                for (int i = 0; i < n; i++) {
                    if (pop[i] == k) {
                        s += x[i];
                        s2 += x[i] * x[i];
                        c++;
                    }
                }
                mean[r][k] = s / c;
                var[r][k] = s2 / c - mean[r][k] * mean[r][k];
            }
        }
        for (int k = 0; k < 2; k++) {
            double m = (mean[0][k] + mean[1][k] + mean[2][k]) / 3;
            double v = (var[0][k] + var[1][k] + var[2][k]) / 3;
            int nk = net.populationSize(k);
            // across units the fixed point is N(mu_k, Delta_k): the sample mean of N_k units has SE sqrt(Delta_k/N_k)
            // per realization (plus the realization's own O(1/sqrt N) shift of the means, of the same order), the
            // sample variance SE Delta_k sqrt(2/N_k); 3 realizations, 5 SE, plus an O(1/N) allowance of 2 Delta_k / N
            double seMean = Math.sqrt(theory.variance()[k] / nk / 3);
            double seVar = theory.variance()[k] * Math.sqrt(2.0 / nk / 3);
            System.out.printf("population %d: mean %.4f (theory %.4f, SE %.4f), variance %.4f (theory %.4f, SE %.4f)%n",
                    k, m, theory.mean()[k], seMean, v, theory.variance()[k], seVar);
            assertThat(Math.abs(m - theory.mean()[k])).isLessThan(5 * 2 * seMean + 2 * theory.variance()[k] / n);
            assertThat(Math.abs(v - theory.variance()[k])).isLessThan(5 * seVar + 2 * theory.variance()[k] / n);
        }
    }

    @Test
    void eachPopulationWithItsOwnTransferFunction() {
        // E tanh, I threshold-linear, different gains per receiving population: Delta_E = 0.377, Delta_I = 0.160,
        // rho(M) = 0.49; simulated with phi_k per unit (RealizedPopulationNetwork) and recorded per population
        int n = 1000;
        int r = 3;
        PopulationNetwork net = new PopulationNetwork(n, new double[] {0.8, 0.2}, new double[][] {{1.0, -3.0}, {1.0, -2.5}},
                new double[][] {{0.9, 1.6}, {0.6, 1.0}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Relu()));
        // slowest relaxation rate 1 - sqrt(rho) = 0.3: a transient of 100 leaves e^-30 of the initial state
        RateSimulation run = new RateSimulation(0.1, 5, 100, IntegratorKind.RK4, 1, 200, 1.0, 2);
        PopulationComparisonResult c = PopulationComparison.run(net, new PopulationComparison.Settings(run, r, 1.0, 0),
                new PopulationMeanField(), ProgressListener.NONE);
        PopulationFixedPoint fp = c.theory().fixedPoint();
        assertThat(c.theory().phase()).isEqualTo("fixed-point");
        assertThat(c.observedPhase()).isEqualTo("fixed-point");
        PopulationMeanField.FiniteSizeScatter scatter = PopulationMeanField.finiteSizeScatter(net, fp);
        for (int k = 0; k < 2; k++) {
            System.out.printf("phi_%d = %s: mean %.4f (theory %.4f, scatter/sqrt(R) %.4f), variance %.4f (theory %.4f, %.4f), "
                            + "temporal variance %.2e%n", k + 1, net.transfers().get(k).name(), c.mean()[k].simulation(),
                    fp.mean()[k], scatter.mean()[k] / Math.sqrt(r), c.varianceAcrossUnits()[k].simulation(), fp.variance()[k],
                    scatter.variance()[k] / Math.sqrt(r), c.temporalVariance()[k].simulation());
            // one realization's mean and variance scatter about the N -> infinity values by the linear-response
            // standard deviations of finiteSizeScatter (checked against 30 realizations of the tanh E/I network:
            // measured 0.058/0.039 for predicted 0.049/0.038 in the means, ~20 % above the sampling term in the
            // variances); R realizations: / sqrt(R); 4 of them (about 3.3 true standard deviations for the variance),
            // plus 2 Delta_k / N for O(1/N) corrections
            assertThat(Math.abs(c.mean()[k].simulation() - fp.mean()[k]))
                    .isLessThan(4 * scatter.mean()[k] / Math.sqrt(r) + 2 * fp.variance()[k] / n);
            assertThat(Math.abs(c.varianceAcrossUnits()[k].simulation() - fp.variance()[k]))
                    .isLessThan(4 * scatter.variance()[k] / Math.sqrt(r) + 2 * fp.variance()[k] / n);
            // at the fixed point every unit is constant: its variance in time is rounding (the transient's e^-30 relative)
            assertThat(c.temporalVariance()[k].simulation()).isLessThan(1e-12 * fp.variance()[k]);
        }
    }
}
