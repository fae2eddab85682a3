package org.chaoslab.sim.record;

import java.util.List;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.UnitTransfers;

/**
 * The standard recorders of a rate-network run built from a {@link RecordingPlan}: unit traces,
 * population moments, stationary moments and autocorrelations of x and φ(x) (none for a plan without them,
 * {@link RecordingPlan#scalarsOnly()}). After the run,
 * {@link #result()} collects them into a {@link RateRecording}.
 *
 * <p>They are handed to the simulator as one recorder that reads φ(x) from it (the rate simulator has it for its next
 * step) and makes one pass over the state per moments sample for both kinds of moments, with the same sums in the same
 * order as the separate recorders: the results are theirs, bit for bit, at a fraction of the cost (at N = 500 the
 * separate recorders cost more than the network step itself).
 */
public final class StandardRecording {

    private final double dt;
    private final UnitTraces traces;
    private final PopulationMoments population;
    private final StationaryMoments moments;
    /** Null when the plan records none. */
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
        this.correlations = plan.hasAutocorrelation()
                ? new Autocorrelations(correlationEvery, lags, plan.correlationChannels()) : null;
    }

    /** The recorders to pass to the simulator (one, standing for all four). */
    public List<Recorder> recorders() {
        return List.of(new OnePass());
    }

    /**
     * What was recorded; autocorrelations are null when the run was shorter than two maximal lags or the plan has
     * none.
     */
    public RateRecording result() {
        double[] msPerReplica = moments.meanSquareX();
        double[] meanPerReplica = moments.meanX();
        double[] c0PerReplica = moments.meanSquarePhi();
        Estimate meanSquare = Estimate.withStandardError(RunningStatistics.of(msPerReplica).mean(),
                batchMeansError(population.variances(), population.means()));
        double mean = RunningStatistics.of(meanPerReplica).mean();
        double meanRate = RunningStatistics.of(moments.meanPhi()).mean();
        double meanSquareRate = RunningStatistics.of(c0PerReplica).mean();
        if (correlations == null || !correlations.available()) {
            return RateRecording.withoutAutocorrelation(traces.units(), traces.times(), traces.values(), population.times(),
                    population.means(), population.variances(), meanSquare, msPerReplica, mean, meanRate, meanSquareRate,
                    moments.samples(), dt);
        }
        return new RateRecording(traces.units(), traces.times(), traces.values(), population.times(), population.means(),
                population.variances(), meanSquare, msPerReplica, mean, meanRate, meanSquareRate, correlations.lagTimes(),
                correlations.ofState(), correlations.ofRates(), moments.samples(), dt);
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

    /**
     * Traces, both moments and the autocorrelations in one recorder: per moments sample one pass over the state that
     * forms Σx, Σx², Σφ, Σφ² of each replica (the sums {@link PopulationMoments} and {@link StationaryMoments} would
     * form, in their order), the rates taken from the simulator. No allocation per step.
     */
    private final class OnePass implements Recorder {

        private int n;
        private int replicas;
        private UnitTransfers phi;
        private double[] sums;
        private double[] squares;
        private final double[] four = new double[4];
        /** φ(state), for a simulator that does not pass the rates. */
        private double[] rates;

        @Override
        public void start(RunInfo info) {
            n = info.units();
            replicas = info.replicas();
            phi = info.transfers();
            sums = new double[replicas];
            squares = new double[replicas];
            rates = null;
            traces.start(info);
            population.start(info);
            moments.start(info);
            if (correlations != null) {
                correlations.start(info);
            }
        }

        @Override
        public void record(long step, double time, double[] state) {
            if (rates == null) {
                rates = new double[n * replicas];
            }
            phi.applyScalar(state, rates, rates.length);
            record(step, time, state, rates);
        }

        @Override
        public void record(long step, double time, double[] state, double[] phiOfState) {
            traces.record(step, time, state);
            if (population.due(step)) {   // the same interval as the stationary moments
                moments.sample();
                for (int r = 0; r < replicas; r++) {
                    StationaryMoments.sums(state, phiOfState, r * n, n, four);
                    sums[r] = four[0];
                    squares[r] = four[1];
                    moments.add(r, four[0], four[1], four[2], four[3]);
                }
                population.add(time, sums, squares);
            }
            if (correlations != null) {
                correlations.record(step, time, state, phiOfState);
            }
        }

        @Override
        public void finish() {
            traces.finish();
            population.finish();
            moments.finish();
            if (correlations != null) {
                correlations.finish();
            }
        }
    }
}
