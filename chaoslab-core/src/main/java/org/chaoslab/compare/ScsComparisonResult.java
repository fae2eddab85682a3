package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.theory.dmft.DmftSolution;

/**
 * The SCS network, theory beside simulation.
 *
 * @param theory               the DMFT solution
 * @param meanSquare           ⟨x²⟩: theory Δ0 + μ² vs the realization mean
 * @param c0                   ⟨φ²⟩ = C(0)
 * @param mean                 ⟨x⟩ = μ
 * @param autocorrelationShape Δ(τ) + μ² vs ⟨x(t)x(t+τ)⟩ (null if the runs were too short)
 * @param rateAutocorrelationShape C(τ) vs ⟨φ(t)φ(t+τ)⟩
 * @param meanSquarePerRealization ⟨x²⟩ of each realization
 * @param c0PerRealization     ⟨φ²⟩ of each realization
 * @param lags                 lag axis of the autocorrelations
 * @param autocorrelation      simulated ⟨x(t)x(t+τ)⟩, mean over realizations
 * @param autocorrelationError its standard error per lag
 * @param theoryAutocorrelation Δ(τ) + μ² on the lags
 * @param rateAutocorrelation  simulated ⟨φφ⟩
 * @param rateAutocorrelationError its standard error per lag
 * @param theoryRateAutocorrelation C(τ) on the lags
 * @param realizations         realizations that completed
 * @param problems             realizations that did not complete because they diverged, one line each
 *                             ({@link Realizations.Failure#line()}: index, seed, step and reason)
 * @param wallSeconds          total integration time of the realizations that completed
 */
public record ScsComparisonResult(DmftSolution theory, Deviation meanSquare, Deviation c0, Deviation mean,
                                  ShapeDeviation autocorrelationShape, ShapeDeviation rateAutocorrelationShape,
                                  double[] meanSquarePerRealization, double[] c0PerRealization, double[] lags,
                                  double[] autocorrelation, double[] autocorrelationError, double[] theoryAutocorrelation,
                                  double[] rateAutocorrelation, double[] rateAutocorrelationError,
                                  double[] theoryRateAutocorrelation, int realizations, List<String> problems,
                                  double wallSeconds) {

    /** How many realizations diverged (and were left out). */
    public int failed() {
        return problems.size();
    }
}
