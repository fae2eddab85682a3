package org.chaoslab.sim.record;

import org.chaoslab.analysis.Estimate;

/**
 * The standard statistics of one rate-network run (after the transient).
 *
 * @param traceUnits        units whose traces were kept
 * @param traceTimes        trace sample times
 * @param traces            traces, row-major [sample][unit]
 * @param populationTimes   times of the population moments
 * @param populationMean    (1/N)Σx_i(t), replica-averaged
 * @param populationVariance (1/N)Σ(x_i − mean)², replica-averaged
 * @param meanSquare        ⟨x²⟩ averaged over time, units and replicas, with the standard error of its time average
 *                          (batch means of the population ⟨x²⟩(t), one realization)
 * @param meanSquarePerReplica ⟨x²⟩ of each replica
 * @param mean              ⟨x⟩
 * @param meanRate          ⟨φ(x)⟩
 * @param meanSquareRate    ⟨φ(x)²⟩ (the DMFT's C(0))
 * @param lagTimes          lags of the autocorrelations (null if the run was too short: {@link #withoutAutocorrelation})
 * @param stateAutocorrelation ⟨x(t)x(t+τ)⟩, uncentered
 * @param rateAutocorrelation  ⟨φ(t)φ(t+τ)⟩
 * @param momentSamples     number of samples in the moments
 * @param dt                the time step
 */
public record RateRecording(int[] traceUnits, double[] traceTimes, double[] traces,
                            double[] populationTimes, double[] populationMean, double[] populationVariance,
                            Estimate meanSquare, double[] meanSquarePerReplica, double mean, double meanRate,
                            double meanSquareRate, double[] lagTimes, double[] stateAutocorrelation, double[] rateAutocorrelation,
                            long momentSamples, double dt) {

    /** The statistics of a run too short for autocorrelations (lags and autocorrelations null). */
    public static RateRecording withoutAutocorrelation(int[] traceUnits, double[] traceTimes, double[] traces,
                                                       double[] populationTimes, double[] populationMean,
                                                       double[] populationVariance, Estimate meanSquare,
                                                       double[] meanSquarePerReplica, double mean, double meanRate,
                                                       double meanSquareRate, long momentSamples, double dt) {
        return new RateRecording(traceUnits, traceTimes, traces, populationTimes, populationMean, populationVariance, meanSquare,
                meanSquarePerReplica, mean, meanRate, meanSquareRate, null, null, null, momentSamples, dt);
    }

    /** True when the autocorrelations are available. */
    public boolean hasAutocorrelation() {
        return lagTimes != null;
    }
}
