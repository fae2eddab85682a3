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
        summaries(cl);
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

    /**
     * The one-line summary each command shows in its parent's command list: its description up to the end of the
     * first sentence (picocli would show the first description line, often cut mid-sentence), set as the header.
     */
    private static void summaries(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            var usage = sub.getCommandSpec().usageMessage();
            if (usage.header().length == 0 && usage.description().length > 0) {
                String text = String.join(" ", usage.description()).replaceAll("\\s+", " ").trim();
                int end = sentenceEnd(text);
                String first = end > 0 ? text.substring(0, end + 1) : text;
                if (first.length() > 160) {
                    int cut = first.lastIndexOf(' ', 157);
                    first = first.substring(0, cut > 0 ? cut : 157) + " ...";
                }
                usage.header(first);
            }
            summaries(sub);
        }
    }

    /** The index of the period that ends the first sentence (not the one of "et al.", "e.g.", "i.e."), or −1. */
    private static int sentenceEnd(String text) {
        int from = 0;
        while (true) {
            int i = text.indexOf(". ", from);
            if (i < 0) {
                return -1;
            }
            String before = text.substring(Math.max(0, i - 4), i + 1);
            if (!before.endsWith(" al.") && !before.endsWith("e.g.") && !before.endsWith("i.e.") && !before.endsWith("cf.")) {
                return i;
            }
            from = i + 2;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s.trim() : s.substring(0, nl).trim();
    }
}
