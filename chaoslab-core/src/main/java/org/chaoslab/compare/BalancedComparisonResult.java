package org.chaoslab.compare;

import java.util.List;
import org.chaoslab.theory.balanced.BalancedSolution;

/**
 * Theory beside simulation for the balanced binary network (see {@link BalancedComparison}).
 *
 * @param theory          the mean-field solution
 * @param rateE           m_E: theory, mean over realizations, standard error, z-score
 * @param rateI           m_I
 * @param qE              q_E (simulation: mean over units of r₁ r₂ from the two halves)
 * @param qI              q_I
 * @param distanceE       late-time D_E of surviving perturbations (mean over the second half of the run) against D*_E = 2(m_E − q_E)
 * @param distanceI       late-time D_I against D*_I
 * @param rateDistributions KS comparisons, E then I, for each realization
 * @param cvE             {mean, standard error} over realizations of the mean CV of E units (Poisson: 1)
 * @param cvI             the same for I
 * @param fanoE           {mean, standard error} of the mean Fano factor of E units (Poisson: 1)
 * @param fanoI           the same for I
 * @param growthExponent  theory's d log(source of Ḋ)/d log D at D = 10⁻⁶ (1/2: the √D law)
 * @param time            sample times of the distance
 * @param distanceSimE    D_E(t) averaged over realizations
 * @param distanceSimI    D_I(t)
 * @param distanceTheoryE mean-field D_E(t) from D_E(0) = 1/N_E
 * @param distanceTheoryI mean-field D_I(t)
 * @param survived        realizations whose one-flip perturbation did not heal (enter distanceE/I)
 * @param realizations    number of realizations
 * @param wallSeconds     total simulation wall time
 * @param updatesPerSecond unit updates per second
 * @param synapticEventsPerSecond synaptic events per second
 */
public record BalancedComparisonResult(BalancedSolution theory, Deviation rateE, Deviation rateI, Deviation qE, Deviation qI,
                                       Deviation distanceE, Deviation distanceI,
                                       List<BalancedRateDistribution> rateDistributions, double[] cvE, double[] cvI,
                                       double[] fanoE, double[] fanoI, double growthExponent, double[] time,
                                       double[] distanceSimE, double[] distanceSimI, double[] distanceTheoryE,
                                       double[] distanceTheoryI, int survived, int realizations, double wallSeconds,
                                       double updatesPerSecond, double synapticEventsPerSecond) {
}
