package org.chaoslab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one way tests run the command line: through {@link Main#run}, the product's path (its command tree, its
 * single error handler, its exit codes), with stdout and stderr captured.
 */
public final class CliRunner {

    private CliRunner() {
    }

    /**
     * What a run returned and printed.
     *
     * @param code the exit code (0, {@link Main#EXIT_USAGE}, {@link Main#EXIT_DIVERGED}, …)
     * @param out  standard output
     * @param err  standard error
     */
    public record Result(int code, String out, String err) {
    }

    /** Runs {@code chaoslab ARGS...}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command line written as one string, split at white space (no quoting). */
    public static Result line(String commandLine) {
        return run(commandLine.trim().split("\\s+"));
    }
}
