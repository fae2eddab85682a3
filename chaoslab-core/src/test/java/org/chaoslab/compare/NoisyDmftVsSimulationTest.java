package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.record.RateRecording;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.sim.record.StandardRecording;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.NoisyDmftSolution;
import org.chaoslab.theory.dmft.WhiteNoiseDmft;
import org.junit.jupiter.api.Test;

/** Simulated ⟨x²⟩ and autocorrelation of tanh networks with white noise against the noisy DMFT, below and above g_c. */
class NoisyDmftVsSimulationTest {

    @Test
    void noisyDmftMatchesSimulationBelowAndAboveTheTransition() {
        // white:1.0 tanh: g_c ≈ 1.956 (WhiteNoiseDmftTest); g = 1.2 is noise-driven, g = 2.5 chaotic
        WhiteNoiseDmft dmft = new WhiteNoiseDmft(DmftOptions.defaults().withTauMax(30));
        for (double g : new double[] {1.2, 2.5}) {
            RateNetwork net = RateNetwork.scs(600, g, new TransferFunctions.Tanh())
                    .withInput(ExternalInput.NONE.withNoise(new Noise.White(1.0)));
            NoisyDmftSolution theory = dmft.solve(net);
            RunningStatistics ms = new RunningStatistics();
            RunningStatistics[] acf = {new RunningStatistics(), new RunningStatistics(), new RunningStatistics()};
            double[] lags = {0.5, 1.0, 2.0};
            double dt = 0.02;
            for (int r = 0; r < 4; r++) {
                RateSimulation s = RateSimulation.of(dt, 100, 20, 40 + r).withIntegrator(IntegratorKind.EXPONENTIAL_EULER);
                StandardRecording rec = new StandardRecording(RecordingPlan.defaults().withCorrelationMaxLag(5), dt, 600);
                assertThat(RateSimulator.run(net, s, rec.recorders(), ProgressListener.NONE).completed()).isTrue();
                RateRecording res = rec.result();
                ms.add(res.meanSquare());
                for (int k = 0; k < lags.length; k++) {
                    acf[k].add(ScsComparison.interpolate(res.lagTimes(), res.stateAutocorrelation(), lags[k]));
                }
            }
            // tolerance: 4 SE over realizations + O(1/N) finite size + O(dt) bias of the scheme (coefficient ≤ 1)
            double slack = 1.0 / 600 + dt;
            System.out.printf("noisy DMFT g=%.1f (%s, lambda=%.4f): c0 %.5f  sim %.5f ± %.5f (z %.2f)%n", g, theory.phase(),
                    theory.lambdaMax(), theory.c0(), ms.mean(), ms.standardError(),
                    (ms.mean() - theory.c0()) / ms.standardError());
            assertThat(Math.abs(ms.mean() - theory.c0())).isLessThan(4 * ms.standardError() + slack * theory.c0());
            for (int k = 0; k < lags.length; k++) {
                double th = ScsComparison.interpolate(theory.tau(), theory.delta(), lags[k]);
                System.out.printf("   c(%.1f): theory %.5f  sim %.5f ± %.5f (z %.2f)%n", lags[k], th, acf[k].mean(),
                        acf[k].standardError(), (acf[k].mean() - th) / acf[k].standardError());
                assertThat(Math.abs(acf[k].mean() - th)).isLessThan(4 * acf[k].standardError() + slack * theory.c0());
            }
        }
    }
}
