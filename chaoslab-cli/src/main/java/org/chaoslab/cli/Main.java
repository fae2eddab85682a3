package org.chaoslab.cli;

import java.io.PrintWriter;

import org.chaoslab.cli.common.ParameterFlags;
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
        Warmup.start(args);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured command tree, every command in it. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ChaoslabCommand());
        for (Class<?> c : ChaoslabCommand.SUBCOMMANDS) {
            cl.addSubcommand(c);
        }
        return configure(cl);
    }

    /**
     * The part of the tree that a run of {@code args} needs, configured as {@link #commandLine()}: with a top-level
     * command as first argument only that command's subtree (its usage, errors and suggestions are those of the whole
     * tree, which it does not refer to), with {@code --version} alone the top-level command alone, else — no argument,
     * {@code --help}, {@code help}, {@code generate-completion}, an unknown command that needs suggestions — the whole tree. Picocli
     * builds each command's model by reflection when the command is added: the whole tree took longer than the JVM's
     * start ({@code chaoslab --version} ~0.85 s, most of it here).
     */
    static CommandLine commandLine(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return configure(new CommandLine(new ChaoslabCommand()));
        }
        Class<?> only = args.length > 0 ? topLevel(args[0]) : null;
        if (only == null) {
            return commandLine();
        }
        CommandLine cl = new CommandLine(new ChaoslabCommand());
        cl.addSubcommand(only);
        return configure(cl);
    }

    /** The top-level command named {@code name} (or one of its aliases) that needs no other, else null. */
    private static Class<?> topLevel(String name) {
        for (Class<?> c : ChaoslabCommand.SUBCOMMANDS) {
            CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
            if (command.helpCommand() || c == picocli.AutoComplete.GenerateCompletion.class) {
                continue;   // these read or print the whole tree
            }
            if (command.name().equals(name) || java.util.Arrays.asList(command.aliases()).contains(name)) {
                return c;
            }
        }
        return null;
    }

    /** Headers and exception handlers, for the commands in {@code cl} (add subcommands before). */
    private static CommandLine configure(CommandLine cl) {
        summaries(cl);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("chaoslab: error: " + usageError(ex));
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof org.chaoslab.cli.common.DryRun.Reached) {
                return 0;   // a dry run reached the output directory: the input is valid
            }
            if (ex instanceof IllegalArgumentException bad) {
                c.getErr().println("chaoslab: error: " + inputError(bad, c.getCommandSpec()));
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

    /**
     * Parses {@code args} (as typed after {@code chaoslab}) as a run would, without running the command: returns the
     * parse result of the command it names, its options set on its command object
     * ({@code result.commandSpec().userObject()}), for in-process callers that run a command's work their own way (a
     * batched sweep). Bad input throws an IllegalArgumentException with the one line the command prints after
     * "chaoslab: error: ".
     */
    public static CommandLine.ParseResult parse(String... args) {
        CommandLine cl = commandLine(args);
        try {
            CommandLine.ParseResult r = cl.parseArgs(args);
            while (r.hasSubcommand()) {
                r = r.subcommand();
            }
            return r;
        } catch (CommandLine.ParameterException ex) {
            throw new IllegalArgumentException(usageError(ex), ex);
        }
    }

    /** The one-line message of bad command-line syntax (unknown option, missing or malformed value). */
    static String usageError(CommandLine.ParameterException ex) {
        return firstLine(ex.getMessage()) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')";
    }

    /**
     * The one-line message of a bad parameter value found by a command or the core: core messages name parameters as
     * the model does, so the flags of the command are put in their place.
     */
    public static String inputError(IllegalArgumentException ex, CommandLine.Model.CommandSpec command) {
        return ParameterFlags.apply(firstLine(ex.getMessage()), command);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s.trim() : s.substring(0, nl).trim();
    }
}
