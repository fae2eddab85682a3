package org.chaoslab.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.junit.jupiter.api.Test;

/**
 * The one-pass recorder of {@link StandardRecording}, fed the rates by the simulator at the start of the next step,
 * records exactly what the four separate recorders record when each evaluates φ itself after the step.
 */
class StandardRecordingTest {

    /** Hides a recorder's rates overload: the simulator's rates never reach it, it evaluates φ itself. */
    private record WithoutRates(Recorder inner) implements Recorder {
        @Override
        public void start(RunInfo info) {
            inner.start(info);
        }

        @Override
        public void record(long step, double time, double[] state) {
            inner.record(step, time, state);
        }

        @Override
        public void finish() {
            inner.finish();
        }
    }

    @Test
    void onePassWithTheSimulatorsRatesEqualsTheSeparateRecordersBitForBit() {
        RateNetwork tanh = RateNetwork.scs(120, 2.0, new TransferFunctions.Tanh());
        RateNetwork noisyErf = RateNetwork.scs(90, 1.8, TransferFunctions.parse("erf"))
                .withInput(new ExternalInput.Constant(0.1).withNoise(new Noise.White(0.3)));
        check(tanh, new RateSimulation(0.1, 80, 5, IntegratorKind.EULER, 1, 3, 1.0, 1));
        check(tanh, new RateSimulation(0.05, 40, 2, IntegratorKind.RK4, 3, 4, 1.0, 2));
        check(noisyErf, new RateSimulation(0.1, 70, 0, IntegratorKind.EXPONENTIAL_EULER, 2, 5, 1.0, 1));
    }

    private static void check(RateNetwork net, RateSimulation s) {
        RecordingPlan plan = RecordingPlan.defaults().withCorrelationMaxLag(3);
        RealizedRateNetwork realized = RealizedRateNetwork.draw(net, s.seed(), 1);
        StandardRecording fused = new StandardRecording(plan, s.dt(), net.size());
        RateRun a = RateSimulator.run(realized, s, fused.recorders(), ProgressListener.NONE);

        int momentsEvery = RecordingPlan.steps(plan.momentsInterval(), s.dt());
        int acfEvery = RecordingPlan.steps(plan.correlationInterval(), s.dt());
        int lags = (int) Math.max(2, Math.round(plan.correlationMaxLag() / (acfEvery * s.dt())) + 1);
        UnitTraces traces = UnitTraces.firstUnits(plan.traceUnits(), net.size(), RecordingPlan.steps(plan.traceInterval(), s.dt()));
        PopulationMoments population = new PopulationMoments(momentsEvery);
        StationaryMoments moments = new StationaryMoments(momentsEvery);
        Autocorrelations correlations = new Autocorrelations(acfEvery, lags, plan.correlationChannels());
        List<Recorder> separate = List.of(new WithoutRates(traces), new WithoutRates(population), new WithoutRates(moments),
                new WithoutRates(correlations));
        RateRun b = RateSimulator.run(realized, s, separate, ProgressListener.NONE);

        assertThat(a.finalState()).isEqualTo(b.finalState());
        assertThat(a.recordedSteps()).isEqualTo(b.recordedSteps()).isEqualTo(s.recordedSteps());
        RateRecording r = fused.result();
        assertThat(r.traces()).isEqualTo(traces.values());
        assertThat(r.traceTimes()).isEqualTo(traces.times());
        assertThat(r.populationTimes()).isEqualTo(population.times());
        assertThat(r.populationMean()).isEqualTo(population.means());
        assertThat(r.populationVariance()).isEqualTo(population.variances());
        assertThat(r.meanSquarePerReplica()).isEqualTo(moments.meanSquareX());
        assertThat(r.momentSamples()).isEqualTo(moments.samples()).isEqualTo(s.recordedSteps() / momentsEvery);
        assertThat(r.meanSquareRate()).isEqualTo(org.chaoslab.analysis.RunningStatistics.of(moments.meanSquarePhi()).mean());
        assertThat(r.meanRate()).isEqualTo(org.chaoslab.analysis.RunningStatistics.of(moments.meanPhi()).mean());
        assertThat(r.stateAutocorrelation()).isEqualTo(correlations.ofState());
        assertThat(r.rateAutocorrelation()).isEqualTo(correlations.ofRates());
    }
}
