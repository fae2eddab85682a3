package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.sim.record.PopulationRecording;

/**
 * Population mean field beside R simulated realizations ({@link PopulationComparison}); arrays by population.
 * Each {@link Deviation} holds the theory, the mean over the realizations that completed, its standard error (scatter
 * over realizations / √R; NaN with one realization) and the deviation in standard errors.
 *
 * @param theory              the static solution (null fixed point when there is none), the predicted phase, gCritical,
 *                            and the time-dependent solution where the fixed point is unstable
 * @param observedPhase       "fixed-point" (every temporal variance below {@link PopulationComparison#FIXED_POINT_TOLERANCE}
 *                            of the variance across units in every realization), "fluctuating", or "none"
 * @param mean                μ_k
 * @param varianceAcrossUnits Δ_k (theory; Δ_k(0) in the chaotic phase) against the variance of x across the units of k
 * @param temporalVariance    0 at a fixed point, in the chaotic phase Δ_k(0) − Δ_k(∞) as the window measures it, against
 *                            each unit's variance in time, averaged over k
 * @param rate                ⟨φ_k⟩
 * @param staticVariance      the variance across units of the units' time averages: Δ_k at a fixed point, in the chaotic
 *                            phase Δ_k(∞) plus the part of the temporal variance the window's averages keep
 * @param autocorrelation     Δ_k(τ) averaged over realizations, [k][lag] (null when not recorded); lags in the
 *                            recordings' {@link PopulationRecording#lagTimes()}
 * @param recordings          the realizations that completed
 * @param problems            the realizations that diverged, one line each
 */
public record PopulationComparisonResult(PopulationComparison.Theory theory, String observedPhase, Deviation[] mean,
                                         Deviation[] varianceAcrossUnits, Deviation[] temporalVariance, Deviation[] rate,
                                         Deviation[] staticVariance, double[][] autocorrelation,
                                         List<PopulationRecording> recordings, List<String> problems) {

    /** Realizations that completed. */
    public int realizations() {
        return recordings.size();
    }

    /** Whether the observed phase is the predicted one (a fixed point observed where one is predicted, fluctuations
     * where the fixed point is chaotic); false when either is missing. */
    public boolean phaseAgrees() {
        return switch (theory.phase()) {
            case "fixed-point" -> observedPhase.equals("fixed-point");
            case "chaotic" -> observedPhase.equals("fluctuating");
            default -> false;
        };
    }
}
