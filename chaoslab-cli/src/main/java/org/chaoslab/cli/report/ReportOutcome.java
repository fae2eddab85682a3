package org.chaoslab.cli.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run of the report gave.
 *
 * @param section     its section
 * @param run         the run
 * @param dir         its directory
 * @param commandLine the command as a user would type it (with its directory)
 * @param exitCode    the command's exit code (0 completed)
 * @param message     its one-line error when it failed, else empty
 * @param cached      whether an earlier report's run was reused
 * @param seconds     wall time of the run (of the earlier one when cached)
 * @param verdicts    its comparisons (summary.json verdicts)
 * @param figures     its PNG figures, relative to {@code dir}
 * @param data        its data files (.npy, .csv), relative to {@code dir}
 */
public record ReportOutcome(ReportSection section, ReportRun run, Path dir, String commandLine, int exitCode,
                            String message, boolean cached, double seconds, List<Verdict> verdicts, List<String> figures,
                            List<String> data) {

    /** One comparison of theory and simulation, as the command recorded it. */
    public record Verdict(String quantity, double theory, double simulation, double standardError, double tolerance,
                          boolean agrees, String basis) {

        /** |simulation − theory|. */
        public double deviation() {
            return Math.abs(simulation - theory);
        }
    }

    /** Whether the run completed and every comparison agrees. */
    public boolean passed() {
        return exitCode == 0 && verdicts.stream().allMatch(Verdict::agrees);
    }
}
