package org.chaoslab.cli.report;

import java.util.List;

/**
 * A section of the report: one model family, what it reproduces, and the runs that show it.
 *
 * @param id         the name given to {@code --only}
 * @param title      heading
 * @param reproduces the reference and its figures or statements that the runs reproduce
 * @param runs       the runs, in order
 */
public record ReportSection(String id, String title, String reproduces, List<ReportRun> runs) {
}
