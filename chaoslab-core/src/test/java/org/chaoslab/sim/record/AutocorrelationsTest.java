package org.chaoslab.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.chaoslab.analysis.StreamingAutocorrelation;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorder's autocorrelations of x and φ(x) in each of its modes — φ's chunks summed beside x's on a helper thread
 * (a simulator on every processor), on a worker thread (a processor left idle), in the caller (one processor) — equal
 * those of two plain synchronous estimators fed the same samples, to the bit.
 */
class AutocorrelationsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 64})
    void everyModeGivesTheBitsOfTwoPlainEstimators(int simulatorThreads) {
        int units = 37;
        int lags = 25;
        int samples = 25 * 61 + 9;
        SplittableRandom rnd = new SplittableRandom(simulatorThreads);
        var tanh = new TransferFunctions.Tanh();
        Autocorrelations recorder = new Autocorrelations(1, lags, 8192);
        recorder.start(new RunInfo(units, 1, 0.1, samples, tanh, simulatorThreads));
        StreamingAutocorrelation x = new StreamingAutocorrelation(units, lags);
        StreamingAutocorrelation phi = new StreamingAutocorrelation(units, lags);
        double[] state = new double[units];
        double[] rates = new double[units];
        for (int t = 0; t < samples; t++) {
            for (int i = 0; i < units; i++) {
                state[i] = 0.8 * state[i] + rnd.nextGaussian();
                rates[i] = tanh.phi(state[i]);
            }
            x.add(state, 0);
            phi.add(rates, 0);
            if (t % 2 == 0) {
                recorder.record(t, 0.1 * t, state, rates.clone());   // the simulator's rates
            } else {
                recorder.record(t, 0.1 * t, state);                  // φ evaluated by the recorder
            }
        }
        recorder.finish();
        assertThat(recorder.pairsPerLag()).isPositive();
        assertThat(recorder.ofState()).containsExactly(x.result());
        assertThat(recorder.ofRates()).containsExactly(phi.result());
    }

    @Test
    void aRecorderCanBeStartedAgainAfterFinishing() {
        Autocorrelations recorder = new Autocorrelations(1, 3, 8192);
        for (int run = 0; run < 2; run++) {
            recorder.start(new RunInfo(4, 1, 0.1, 40, new TransferFunctions.Tanh(), 64));
            for (int t = 0; t < 40; t++) {
                recorder.record(t, 0.1 * t, new double[] {t, -t, 0.5 * t, 1.0}, new double[] {0.1, 0.2, 0.3, 0.4});
            }
            recorder.finish();
            assertThat(recorder.ofState()[0]).isPositive();
        }
    }
}
