package org.chaoslab.cli;

import org.chaoslab.compare.Deviation;
import org.chaoslab.io.RunMetadata;

/**
 * summary.json of {@code correlations simulate} / {@code compare correlations}: theory beside the mean over
 * realizations (standard errors from the scatter over realizations; cross-block estimators from two halves).
 */
public record CorrelationSimulationSummary(String command, String status, NetworkParameters network, String noise, RunParameters run, int realizations,
                                           double window, CorrelationTheorySummary theory, Deviation meanAutoCov,
                                           Deviation meanCrossCov, Deviation varCrossCov, Deviation participationRatioPerN,
                                           Deviation equalTimeMeanAutoCov, Deviation equalTimeMeanCrossCov,
                                           Deviation equalTimeVarCrossCov, Deviation equalTimeParticipationRatioPerN,
                                           java.util.List<String> files, RunMetadata metadata,
                                           java.util.List<org.chaoslab.compare.Verdict> verdicts, java.util.List<String> warnings) {
}
