package org.chaoslab.sim.record;

import java.util.List;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.sim.Recorder;

/**
 * The standard recorders of a rate-network run built from a {@link RecordingPlan}: unit traces,
 * population moments, stationary moments and autocorrelations of x and φ(x). After the run,
 * {@link #result()} collects them into a {@link RateRecording}.
 */
public final class StandardRecording {

    private final double dt;
    private final UnitTraces traces;
    private final PopulationMoments population;
    private final StationaryMoments moments;
    private final Autocorrelations correlations;
    private final int correlationEvery;

    /** Recorders for a run with time step {@code dt} and {@code units} units. */
    public StandardRecording(RecordingPlan plan, double dt, int units) {
        this.dt = dt;
        this.traces = UnitTraces.firstUnits(plan.traceUnits(), units, RecordingPlan.steps(plan.traceInterval(), dt));
        int momentsEvery = RecordingPlan.steps(plan.momentsInterval(), dt);
        this.population = new PopulationMoments(momentsEvery);
        this.moments = new StationaryMoments(momentsEvery);
        this.correlationEvery = RecordingPlan.steps(plan.correlationInterval(), dt);
        int lags = (int) Math.max(2, Math.round(plan.correlationMaxLag() / (correlationEvery * dt)) + 1);
        this.correlations = new Autocorrelations(correlationEvery, lags, plan.correlationChannels());
    }

    /** The recorders to pass to the simulator. */
    public List<Recorder> recorders() {
        return List.of(traces, population, moments, correlations);
    }

    /** What was recorded; autocorrelations are null when the run was shorter than two maximal lags. */
    public RateRecording result() {
        double[] msPerReplica = moments.meanSquareX();
        double[] meanPerReplica = moments.meanX();
        double[] c0PerReplica = moments.meanSquarePhi();
        boolean acf = correlations.available();
        return new RateRecording(
                traces.units(), traces.times(), traces.values(),
                population.times(), population.means(), population.variances(),
                RunningStatistics.of(msPerReplica).mean(), msPerReplica,
                RunningStatistics.of(meanPerReplica).mean(),
                RunningStatistics.of(moments.meanPhi()).mean(),
                RunningStatistics.of(c0PerReplica).mean(),
                batchMeansError(population.variances(), population.means()),
                acf ? correlations.lagTimes() : null,
                acf ? correlations.ofState() : null,
                acf ? correlations.ofRates() : null,
                moments.samples(), dt);
    }

    /**
     * Standard error of the time average of the population ⟨x²⟩(t) = var(t) + mean(t)² by batch means
     * (20 batches; the batches must be longer than the correlation time, true for runs ≫ 20·τ_c).
     */
    private static double batchMeansError(double[] var, double[] mean) {
        int batches = 20;
        int len = var.length / batches;
        if (len < 1) {
            return Double.NaN;
        }
        RunningStatistics s = new RunningStatistics();
        for (int b = 0; b < batches; b++) {
            double sum = 0;
            for (int k = b * len; k < (b + 1) * len; k++) {
                sum += var[k] + mean[k] * mean[k];
            }
            s.add(sum / len);
        }
        return s.standardError();
    }
}
