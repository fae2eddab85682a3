package org.chaoslab.compare;

import org.chaoslab.analysis.CovarianceStatistics;
import org.chaoslab.theory.covariance.CovariancePrediction;

/**
 * Covariance statistics of simulated networks beside the theory, for the zero-frequency and the
 * equal-time covariance. Each deviation's error bar is the scatter over realizations / √R.
 *
 * @param zeroFrequencyTheory  the closed forms for the zero-frequency covariance
 * @param equalTimeTheory      the closed forms for the equal-time covariance
 * @param meanAutoCov          zero-frequency ā
 * @param meanCrossCov         zero-frequency mean c_ij
 * @param varCrossCov          zero-frequency Var c_ij (cross-block estimator)
 * @param participationRatioPerN zero-frequency PR/N (cross-block estimator)
 * @param equalTimeMeanAutoCov equal-time ā
 * @param equalTimeMeanCrossCov equal-time mean c_ij
 * @param equalTimeVarCrossCov simulated equal-time Var c_ij (theory: EqualTimeCovariance)
 * @param equalTimeParticipationRatioPerN simulated equal-time PR/N (theory: EqualTimeCovariance)
 * @param realizations         realizations used (those that completed)
 * @param eigenvalues          eigenvalues of the zero-frequency covariance of the first completed realization
 *                             (realization 0 unless it diverged), ascending
 * @param crossCovariances     the zero-frequency cross-covariances c_ij (i &lt; j) of that realization
 * @param zeroFrequencyPerRealization the cross-block zero-frequency statistics of each realization used
 * @param equalTimePerRealization     the cross-block equal-time statistics of each realization used
 * @param failures             realizations left out because they diverged (index, seed, step, reason)
 * @param mapping              the theory compared with: "linear", "cavity" or "effective-gain" (CovarianceTheory)
 */
public record CorrelationComparisonResult(CovariancePrediction zeroFrequencyTheory, CovariancePrediction equalTimeTheory,
                                          Deviation meanAutoCov, Deviation meanCrossCov, Deviation varCrossCov,
                                          Deviation participationRatioPerN, Deviation equalTimeMeanAutoCov,
                                          Deviation equalTimeMeanCrossCov, Deviation equalTimeVarCrossCov,
                                          Deviation equalTimeParticipationRatioPerN, int realizations,
                                          double[] eigenvalues, double[] crossCovariances,
                                          java.util.List<CovarianceStatistics> zeroFrequencyPerRealization,
                                          java.util.List<CovarianceStatistics> equalTimePerRealization,
                                          java.util.List<Realizations.Failure> failures, String mapping) {

    /** How many realizations diverged (and were left out). */
    public int failed() {
        return failures.size();
    }
}
