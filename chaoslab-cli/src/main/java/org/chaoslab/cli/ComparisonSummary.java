package org.chaoslab.cli;

import java.util.List;

import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.ShapeDeviation;
import org.chaoslab.io.RunMetadata;

/**
 * summary.json of {@code compare scs}: the DMFT result, the simulated values over realizations and
 * their deviations with standard errors.
 */
public record ComparisonSummary(String command, String status, DmftSummary theory, Deviation meanSquare, Deviation c0,
                                Deviation mean, ShapeDeviation autocorrelationShape, ShapeDeviation rateAutocorrelationShape,
                                double[] meanSquarePerRealization, int realizations, List<String> problems,
                                double wallSeconds, List<org.chaoslab.compare.Verdict> verdicts, List<String> warnings,
                                NetworkParameters network, RunParameters run, RunMetadata metadata, List<String> files) {
}
