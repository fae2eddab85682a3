package org.chaoslab.sim.record;

/**
 * What {@link PopulationStatistics} recorded, per population k (arrays indexed by k; see there for the definitions).
 *
 * @param sizes                   N_k
 * @param samples                 states sampled
 * @param sampleInterval          time between samples
 * @param mean                    μ_k, time and units of k
 * @param varianceAcrossUnits     the variance of x across the units of k, averaged over time (Δ_k at a fixed point,
 *                                Δ_k(0) in the chaotic phase)
 * @param rate                    ⟨φ_k(x)⟩
 * @param rateVarianceAcrossUnits the variance of φ_k(x) across units, averaged over time
 * @param temporalVariance        each unit's variance in time, averaged over k (0 at a fixed point)
 * @param rateTemporalVariance    the same for φ_k(x)
 * @param staticVariance          the variance across units of the units' time averages (Δ_k(∞))
 * @param times                   sample times (since the end of the transient)
 * @param meanSeries              ⟨x⟩_k of replica 0 at those times, [k][sample]
 * @param lagTimes                lags τ of the autocorrelations (null when none were recorded)
 * @param autocorrelation         Δ_k(τ) = ⟨x_i(t)x_i(t+τ)⟩ − μ_k², [k][lag] (null when none)
 * @param rateAutocorrelation     C_k(τ) = ⟨φ_k(x_i(t))φ_k(x_i(t+τ))⟩, [k][lag] (null when none)
 */
public record PopulationRecording(int[] sizes, long samples, double sampleInterval, double[] mean,
                                  double[] varianceAcrossUnits, double[] rate, double[] rateVarianceAcrossUnits,
                                  double[] temporalVariance, double[] rateTemporalVariance, double[] staticVariance,
                                  double[] times, double[][] meanSeries, double[] lagTimes, double[][] autocorrelation,
                                  double[][] rateAutocorrelation) {

    /** P. */
    public int populations() {
        return sizes.length;
    }

    /** Whether the autocorrelations were recorded. */
    public boolean hasAutocorrelation() {
        return lagTimes != null;
    }
}
