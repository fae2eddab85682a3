package org.chaoslab.cli.common;

/**
 * The one-line message of a command run in process (its standard error as {@link org.chaoslab.cli.Main}'s handler
 * writes it), for the sweep's table and the report's failed runs.
 */
public final class ErrorLines {

    private ErrorLines() {
    }

    /**
     * The last "chaoslab: ..." line that is not a warning, without the prefix and its kind ("error:", "failed:", ...)
     * and without the trailing "(see '... --help')"; else the last line.
     */
    public static String lastError(String err) {
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
