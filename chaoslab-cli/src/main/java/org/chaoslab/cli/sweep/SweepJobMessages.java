package org.chaoslab.cli.sweep;

/** The one-line message of a command's standard error. */
final class SweepJobMessages {

    private SweepJobMessages() {
    }

    /** The last "chaoslab: ..." line that is not a warning, without its prefix; else the last line. */
    static String lastError(String err) {
        String[] lines = err.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("chaoslab:") && !lines[i].startsWith("chaoslab: warning")) {
                return lines[i].replaceFirst("^chaoslab: (error: |failed: |no solution: |did not converge: )?", "")
                        .replaceFirst(" \\(see '[^']*--help'\\)$", "").strip();
            }
        }
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
