package org.chaoslab.sim.record;

/**
 * The standard statistics of one rate-network run (after the transient).
 *
 * @param traceUnits        units whose traces were kept
 * @param traceTimes        trace sample times
 * @param traces            traces, row-major [sample][unit]
 * @param populationTimes   times of the population moments
 * @param populationMean    (1/N)Σx_i(t), replica-averaged
 * @param populationVariance (1/N)Σ(x_i − mean)², replica-averaged
 * @param meanSquare        ⟨x²⟩ averaged over time, units and replicas
 * @param meanSquarePerReplica ⟨x²⟩ of each replica
 * @param mean              ⟨x⟩
 * @param meanRate          ⟨φ(x)⟩
 * @param meanSquareRate    ⟨φ(x)²⟩ (the DMFT's C(0))
 * @param meanSquareTimeError standard error of {@code meanSquare} over time (batch means), one realization
 * @param lagTimes          lags of the autocorrelations (null if the run was too short)
 * @param stateAutocorrelation ⟨x(t)x(t+τ)⟩, uncentered
 * @param rateAutocorrelation  ⟨φ(t)φ(t+τ)⟩
 * @param momentSamples     number of samples in the moments
 * @param dt                the time step
 */
public record RateRecording(int[] traceUnits, double[] traceTimes, double[] traces,
                            double[] populationTimes, double[] populationMean, double[] populationVariance,
                            double meanSquare, double[] meanSquarePerReplica, double mean, double meanRate,
                            double meanSquareRate, double meanSquareTimeError,
                            double[] lagTimes, double[] stateAutocorrelation, double[] rateAutocorrelation,
                            long momentSamples, double dt) {

    /** True when the autocorrelations are available. */
    public boolean hasAutocorrelation() {
        return lagTimes != null;
    }
}
