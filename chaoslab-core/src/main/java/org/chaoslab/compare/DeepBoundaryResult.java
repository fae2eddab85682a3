package org.chaoslab.compare;

import org.chaoslab.analysis.Estimate;

/**
 * The order–chaos boundary seen by simulation: the departure D = 1 − c of input pairs at depth, over a
 * sweep of σ_w² on the chaotic side at fixed σ_b², extrapolated to D = 0, beside the theory's χ1 = 1.
 *
 * @param phi                    the transfer function's name
 * @param biasVariance           σ_b²
 * @param weightVariance         the sweep
 * @param departureTheory        1 − c* (infinitely deep)
 * @param departureTheoryAtDepth 1 − c^l from the maps, averaged over the same layers as the simulation
 * @param departureSimulation    1 − c^l simulated, mean ± SE over realizations
 * @param boundaryTheory         σ_w² where χ1 = 1 (Brent's method)
 * @param boundarySimulation     σ_w² where the fit to the simulated departure reaches 0, mean ± SE over realizations
 *                               (one fit per realization, common random numbers across σ_w²)
 * @param boundaryFitToTheory    the same fit applied to {@code departureTheoryAtDepth}: the estimator's own bias
 *                               (finite depth, curvature of D(σ_w²)) is {@code boundaryFitToTheory − boundaryTheory}
 * @param width                  N
 * @param depth                  L
 * @param window                 the last {@code window} layers are averaged
 * @param realizations           R
 */
public record DeepBoundaryResult(String phi, double biasVariance, double[] weightVariance, double[] departureTheory,
                                 double[] departureTheoryAtDepth, Estimate[] departureSimulation, double boundaryTheory,
                                 Estimate boundarySimulation, double boundaryFitToTheory, int width, int depth, int window,
                                 int realizations) {
}
