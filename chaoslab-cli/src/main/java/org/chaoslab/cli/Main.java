package org.chaoslab.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * Entry point of the {@code chaoslab} command. Exit codes: 0 success, 1 unexpected failure (a bug: with its stack
 * trace), 2 bad input (a one-line message naming the parameter), 3 the computation could not give a result (a
 * simulation diverged, every realization collapsed, a solve did not converge: one line saying which).
 */
public final class Main {

    /** Exit code for bad input. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a run that diverged (outputs keep what was recorded) or a solve that did not converge. */
    public static final int EXIT_DIVERGED = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured command tree. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ChaoslabCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("chaoslab: error: " + firstLine(ex.getMessage()) + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                c.getErr().println("chaoslab: error: " + firstLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            if (ex instanceof org.chaoslab.theory.dmft.NoSolutionException) {
                c.getErr().println("chaoslab: no solution: " + firstLine(ex.getMessage()));
                return EXIT_DIVERGED;
            }
            if (ex instanceof org.hipparchus.exception.MathIllegalStateException) {
                // e.g. a root finder that ran out of its evaluation bound
                c.getErr().println("chaoslab: did not converge: " + firstLine(ex.getMessage()));
                return EXIT_DIVERGED;
            }
            if (ex instanceof IllegalStateException && ex.getMessage() != null) {
                // the core's "no result possible" (every realization diverged or collapsed, a solve did not converge):
                // a finding about the parameters, not a bug; the stack trace only on request
                c.getErr().println("chaoslab: failed: " + firstLine(ex.getMessage()));
                if (System.getenv("CHAOSLAB_DEBUG") != null) {
                    ex.printStackTrace(c.getErr());
                }
                return EXIT_DIVERGED;
            }
            c.getErr().println("chaoslab: failed: " + ex);
            ex.printStackTrace(c.getErr());
            return 1;
        });
        return cl;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s.trim() : s.substring(0, nl).trim();
    }
}
