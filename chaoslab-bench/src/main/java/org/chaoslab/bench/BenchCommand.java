package org.chaoslab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.chaoslab.io.JsonOutput;

/**
 * The shape every {@code chaoslab bench <mode>} shares, written once: read the options ({@code null} for
 * {@code --help}: print the usage, run nothing), run the measurements (progress on {@code log}), print the report
 * on {@code out}, save it and say where. {@link #launch} is the launcher's side: a mode's bad option exits with
 * status 2, a failed run with 1, each with a line that names the mode.
 */
final class BenchCommand {

    /** A mode's {@code main(args, out, log)}. */
    @FunctionalInterface
    interface Main {
        void main(String[] args, PrintStream out, PrintStream log) throws Exception;
    }

    /** The measurements of a mode: options in, report out, progress on {@code log}. */
    @FunctionalInterface
    interface Run<O, R> {
        R run(O options, PrintStream log) throws Exception;
    }

    /** Writes the report (its files under the options' output directory) and says on {@code out} what it wrote. */
    @FunctionalInterface
    interface Save<O, R> {
        void save(O options, R report, PrintStream out) throws IOException;
    }

    private BenchCommand() {
    }

    /**
     * One mode from its parts.
     *
     * @param usage the text {@code --help} prints
     * @param parse the options from the arguments, {@code null} for {@code --help}; IllegalArgumentException for a bad one
     * @param run   the measurements
     * @param print the report as a table on {@code out}
     * @param save  the report's files ({@link #json} for one JSON file)
     */
    static <O, R> void main(String[] args, PrintStream out, PrintStream log, String usage, Function<String[], O> parse,
                            Run<O, R> run, BiConsumer<R, PrintStream> print, Save<O, R> save) throws Exception {
        O o = parse.apply(args);
        if (o == null) {
            out.print(usage);
            return;
        }
        R r = run.run(o, log);
        print.accept(r, out);
        save.save(o, r, out);
    }

    /** Saves the report as {@code dir/name} (the directory made if missing) and prints {@code written: dir/name}. */
    static <O, R> Save<O, R> json(Function<O, Path> dir, String name) {
        return (o, r, out) -> {
            Path d = dir.apply(o);
            Files.createDirectories(d);
            JsonOutput.write(d.resolve(name), r);
            out.printf(Locale.ROOT, "written: %s%n", d.resolve(name));
        };
    }

    /**
     * Runs a mode on the process's streams; on an IllegalArgumentException (a bad option) prints
     * {@code chaoslab bench LABEL: message} and exits with status 2, on any other failure
     * {@code chaoslab bench LABEL: failed: exception} and status 1.
     *
     * @param label how the mode is typed after {@code chaoslab bench} ({@code kernel}, {@code --compare})
     */
    static void launch(String label, Main mode, String[] args) {
        try {
            mode.main(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("chaoslab bench " + label + ": " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("chaoslab bench " + label + ": failed: " + e);
            System.exit(1);
        }
    }
}
