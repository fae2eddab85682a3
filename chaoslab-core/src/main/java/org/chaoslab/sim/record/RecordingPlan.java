package org.chaoslab.sim.record;

import org.chaoslab.model.Validate;

/**
 * Which standard statistics a rate-network run records, in units of time (converted to steps with
 * the run's dt, at least one step).
 *
 * @param traceUnits        number of units whose traces are kept (replica 0), ≥ 0
 * @param traceInterval     time between kept trace samples
 * @param momentsInterval   time between samples of the stationary moments and population moments
 * @param correlationMaxLag largest lag of the autocorrelations
 * @param correlationInterval lag spacing (sampling interval) of the autocorrelations
 * @param correlationChannels at most this many (replica, unit) channels enter the autocorrelation; 0: no
 *                          autocorrelations ({@link #scalarsOnly})
 */
public record RecordingPlan(int traceUnits, double traceInterval, double momentsInterval,
                            double correlationMaxLag, double correlationInterval, int correlationChannels) {

    public RecordingPlan {
        Validate.atLeast("trace-units", traceUnits, 0);
        Validate.positive("trace-interval", traceInterval);
        Validate.positive("moments-interval", momentsInterval);
        Validate.positive("acf-max-lag", correlationMaxLag);
        Validate.positive("acf-interval", correlationInterval);
        Validate.atLeast("acf-channels", correlationChannels, 0);
    }

    /** 10 traces every 0.1, moments every 0.1, autocorrelation to τ = 30 in steps of 0.1 over ≤ 8192 channels. */
    public static RecordingPlan defaults() {
        return new RecordingPlan(10, 0.1, 0.1, 30.0, 0.1, 8192);
    }

    public RecordingPlan withCorrelationMaxLag(double maxLag) {
        return new RecordingPlan(traceUnits, traceInterval, momentsInterval, maxLag, correlationInterval, correlationChannels);
    }

    /**
     * The same moments (same interval) without traces and autocorrelations: what the scalar results of a run —
     * ⟨x²⟩ with its time standard error, ⟨x⟩, ⟨φ⟩, ⟨φ²⟩ ({@link RateRecording}) — are computed from, at a memory cost
     * independent of N (the points of a batched gain sweep each keep only these).
     */
    public RecordingPlan scalarsOnly() {
        return new RecordingPlan(0, traceInterval, momentsInterval, correlationMaxLag, correlationInterval, 0);
    }

    /** Whether autocorrelations are recorded. */
    public boolean hasAutocorrelation() {
        return correlationChannels > 0;
    }

    /** Steps between samples for an interval at time step dt (at least 1). */
    static int steps(double interval, double dt) {
        return (int) Math.max(1, Math.round(interval / dt));
    }
}
