package org.chaoslab.compare;

import org.chaoslab.theory.glauber.GlauberAutocorrelation;
import org.chaoslab.theory.glauber.GlauberStationaryState;

/**
 * Theory beside simulation for the Glauber network and its matched rate model (see {@link GlauberComparison}).
 *
 * @param theory            the stationary mean field (m, q)
 * @param autocorrelation   the dynamic mean field C_n(s) and the output-noise variance of the matched rate model
 * @param rate              m: theory vs the binary network's mean rate over realizations
 * @param matchedRate       m: theory vs the matched rate network's mean ⟨y⟩
 * @param lags              lags (τ units) at which autocorrelations are compared
 * @param binaryCorrelation C(s) = [⟨n(t)n(t+s)⟩] (uncentred) at {@link #lags}: theory vs binary simulation
 * @param rateCorrelation   C(s) = [⟨y(t)y(t+s)⟩] at {@link #lags}: theory vs matched-rate simulation
 * @param populationVarianceBinary {mean, SE} over realizations of N·Var_t m(t) of the binary network
 * @param populationVarianceRate   the same for the matched rate network
 * @param distance          late-time replica distance of surviving perturbations (mean over the second half) vs d*
 * @param decorrelatedDistance 2(m − q), the distance of two independent samples (= d* unless noise is shared)
 * @param growthCoefficient c of the √d law τ ḋ ≈ c √d
 * @param growthExponent    theory's local exponent at d = 10⁻⁷ (1/2: the √d law; 1 would be exponential)
 * @param earlyLateGrowthRatio {simulation, theory}: [ln(d(τ/2)/d(0))/(τ/2)] / [ln(d(2τ)/d(τ))/τ] (1 for exponential growth)
 * @param time              sample times of d(t)
 * @param distanceSim       d(t) averaged over surviving realizations
 * @param distanceTheory    mean-field d(t) from d(0) = 1/N
 * @param distanceRate      the matched rate network's replica distance after one y_j is changed by 1 (same noise
 *                          draws in both replicas), averaged over realizations; decays if the network is not chaotic
 * @param survived          realizations whose one-flip perturbation did not heal
 * @param realizations      realizations
 * @param sharedNoise       whether the replicas shared their threshold-noise draws
 * @param wallSeconds       total simulation wall time
 */
public record GlauberComparisonResult(GlauberStationaryState theory, GlauberAutocorrelation autocorrelation, Deviation rate,
                                      Deviation matchedRate, double[] lags, Deviation[] binaryCorrelation,
                                      Deviation[] rateCorrelation, double[] populationVarianceBinary,
                                      double[] populationVarianceRate, Deviation distance, double decorrelatedDistance,
                                      double growthCoefficient, double growthExponent, double[] earlyLateGrowthRatio,
                                      double[] time, double[] distanceSim, double[] distanceTheory, double[] distanceRate, int survived,
                                      int realizations, boolean sharedNoise, double wallSeconds) {
}
