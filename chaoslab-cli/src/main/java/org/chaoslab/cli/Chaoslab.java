package org.chaoslab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

import org.chaoslab.cli.common.RunSummary;

/**
 * Runs a chaoslab command in this JVM, as typed after {@code chaoslab}, and returns what it produced: the exit code,
 * the printed text, and the run's summary (the summary.json schema, {@link RunSummary}) with its results by name —
 * for sweeps, notebooks (via a JVM bridge) and tests that would otherwise parse files. The command is the product's
 * own: same options, validation, errors and files.
 *
 * <pre>{@code
 * Chaoslab.Outcome o = Chaoslab.run("compare", "kernel", "--n", "500", "--stimuli", "circle:16", "--out", "/tmp/k");
 * Object nugget = o.results().get("nugget");   // an Estimate (value, standard error)
 * }</pre>
 *
 * A theory command run without {@code --out} returns its summary unwritten (its results are what {@code --json}
 * prints; no files). Commands that compute nothing
 * ({@code help}, {@code list}) return an empty summary.
 */
public final class Chaoslab {

    private Chaoslab() {
    }

    /**
     * The outcome of one command.
     *
     * @param exitCode 0, {@link Main#EXIT_USAGE} (bad input), {@link Main#EXIT_DIVERGED}, …
     * @param out      what it printed on standard output
     * @param err      what it printed on standard error
     * @param summary  the summary it wrote, when it writes one
     */
    public record Outcome(int exitCode, String out, String err, Optional<RunSummary> summary) {

        /** The results by name (empty without a summary). */
        public Map<String, Object> results() {
            return summary.map(RunSummary::results).orElse(Map.of());
        }
    }

    /** Runs {@code chaoslab ARGS...} in this thread. */
    public static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunSummary.takeLast();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString(), RunSummary.takeLast());
    }
}
