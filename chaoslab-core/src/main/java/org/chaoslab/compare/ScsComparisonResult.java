package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.theory.dmft.DmftSolution;

/**
 * The SCS network, theory beside simulation.
 *
 * @param theory               the DMFT solution
 * @param meanSquare           ⟨x²⟩: theory Δ0 + μ² vs the realization mean
 * @param c0                   ⟨φ²⟩ = C(0)
 * @param mean                 ⟨x⟩ = μ
 * @param autocorrelationShape Δ(τ) + μ² vs ⟨x(t)x(t+τ)⟩ (null if the runs were too short: {@link #withoutAutocorrelation})
 * @param rateAutocorrelationShape C(τ) vs ⟨φ(t)φ(t+τ)⟩ (null likewise)
 * @param meanSquarePerRealization ⟨x²⟩ of each realization
 * @param c0PerRealization     ⟨φ²⟩ of each realization
 * @param lags                 lag axis of the autocorrelations (empty if the runs were too short)
 * @param simulatedAutocorrelation simulated ⟨x(t)x(t+τ)⟩ per lag, mean ± SE over realizations
 * @param theoryAutocorrelation Δ(τ) + μ² on the lags
 * @param simulatedRateAutocorrelation simulated ⟨φφ⟩ per lag, mean ± SE over realizations
 * @param theoryRateAutocorrelation C(τ) on the lags
 * @param realizations         realizations that completed
 * @param problems             realizations that did not complete because they diverged, one line each
 *                             ({@link Realizations.Failure#line()}: index, seed, step and reason)
 * @param wallSeconds          total integration time of the realizations that completed
 */
public record ScsComparisonResult(DmftSolution theory, Deviation meanSquare, Deviation c0, Deviation mean,
                                  ShapeDeviation autocorrelationShape, ShapeDeviation rateAutocorrelationShape,
                                  double[] meanSquarePerRealization, double[] c0PerRealization, double[] lags,
                                  Estimate[] simulatedAutocorrelation, double[] theoryAutocorrelation,
                                  Estimate[] simulatedRateAutocorrelation, double[] theoryRateAutocorrelation,
                                  int realizations, List<String> problems, double wallSeconds) {

    /** The result of runs too short for autocorrelations: no shapes, empty lag axis and curves. */
    public static ScsComparisonResult withoutAutocorrelation(DmftSolution theory, Deviation meanSquare, Deviation c0, Deviation mean,
                                                             double[] meanSquarePerRealization, double[] c0PerRealization,
                                                             int realizations, List<String> problems, double wallSeconds) {
        return new ScsComparisonResult(theory, meanSquare, c0, mean, null, null, meanSquarePerRealization, c0PerRealization,
                new double[0], new Estimate[0], new double[0], new Estimate[0], new double[0], realizations, problems, wallSeconds);
    }

    /** Whether the runs were long enough for the autocorrelations (and their shapes). */
    public boolean hasAutocorrelation() {
        return autocorrelationShape != null;
    }

    /** Simulated ⟨x(t)x(t+τ)⟩ per lag, mean over realizations. */
    public double[] autocorrelation() {
        return Estimate.values(simulatedAutocorrelation);
    }

    /** Its standard error per lag. */
    public double[] autocorrelationError() {
        return Estimate.standardErrors(simulatedAutocorrelation);
    }

    /** Simulated ⟨φ(t)φ(t+τ)⟩ per lag, mean over realizations. */
    public double[] rateAutocorrelation() {
        return Estimate.values(simulatedRateAutocorrelation);
    }

    /** Its standard error per lag. */
    public double[] rateAutocorrelationError() {
        return Estimate.standardErrors(simulatedRateAutocorrelation);
    }

    /** How many realizations diverged (and were left out). */
    public int failed() {
        return problems.size();
    }
}
