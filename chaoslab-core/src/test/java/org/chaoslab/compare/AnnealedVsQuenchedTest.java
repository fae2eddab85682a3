package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.analysis.CovarianceAccumulator;
import org.chaoslab.analysis.CovarianceStatistics;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.junit.jupiter.api.Test;

/**
 * Quenched noise (frozen input per trial) against annealed white noise in the linear network: the fixed point of a trial
 * is x* = (1 − W)⁻¹ξ, so the covariance over trials is σ²(1 − W)⁻¹(1 − W)⁻ᵀ, the zero-frequency covariance of the
 * annealed network with D = σ² (the two ensembles coincide there; they differ for the equal-time covariance, whose
 * mean autocovariance is D/(2√(1 − R²)) instead of D/(1 − R²)).
 */
class AnnealedVsQuenchedTest {

    @Test
    void quenchedTrialCovarianceIsTheAnnealedZeroFrequencyCovariance() {
        int n = 80;
        double r = 0.6;
        long seed = 5;
        RateNetwork net = RateNetwork.scs(n, r, new TransferFunctions.Linear())
                .withInput(ExternalInput.NONE.withNoise(new Noise.Quenched(1.0)));
        // x relaxes at rate ≥ 1 − R = 0.4 (bulk edge; a real outlier may be slower): t = 80 leaves e^{−32}
        RateSimulation run = RateSimulation.of(0.1, 80, 0, seed).withIntegrator(IntegratorKind.EXPONENTIAL_EULER).withThreads(1)
                .withInitialStd(0.0);
        int trials = 1600;
        CovarianceAccumulator[] half = {new CovarianceAccumulator(n, 64), new CovarianceAccumulator(n, 64)};
        for (int t = 0; t < trials; t++) {
            RealizedRateNetwork real = RealizedRateNetwork.draw(net, seed, 1, t);
            double[] x = RateSimulator.run(real, run, List.of(), ProgressListener.NONE).finalState();
            half[t % 2].add(x, 0);
        }
        CovarianceStatistics quenched = CovarianceStatistics.crossBlock(half[0].covariance(), half[1].covariance(), n);
        CovarianceStatistics exact = CovarianceStatistics.of(CorrelationStatisticsTest.exactZeroFrequency(n, r, seed), n);
        // sampling error over K = 800 trials per half: ā relative √(2/K)/√N ≈ 0.6% (allowance 5%); Var c and PR/N are
        // dominated by the top eigenvalues (λ_max ≈ 9ā), whose relative sampling error is √(2/K) = 5%: allowance 15% (3 SE)
        System.out.printf("quenched vs annealed zero-frequency (N=%d, R=%.1f, %d trials): auto %.5f vs %.5f, var %.3e vs %.3e, "
                        + "PR/N %.4f vs %.4f%n", n, r, trials, quenched.meanAutoCov(), exact.meanAutoCov(), quenched.varCrossCov(),
                exact.varCrossCov(), quenched.participationRatioPerN(), exact.participationRatioPerN());
        assertThat(quenched.meanAutoCov() / exact.meanAutoCov() - 1).isBetween(-0.05, 0.05);
        assertThat(quenched.participationRatioPerN() / exact.participationRatioPerN() - 1).isBetween(-0.15, 0.15);
        assertThat(quenched.varCrossCov() / exact.varCrossCov() - 1).isBetween(-0.15, 0.15);
    }
}
