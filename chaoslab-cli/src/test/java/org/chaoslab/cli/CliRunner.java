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

    /**
     * Reads DIR/summary.json, checks that it has the one schema ({@link org.chaoslab.cli.common.RunSummary}: its
     * keys in order, the command, a status, summary.json last in the file list, every listed file present) and returns
     * it.
     */
    public static com.fasterxml.jackson.databind.JsonNode summary(java.nio.file.Path dir, String command) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode s = org.chaoslab.io.JsonOutput.read(dir.resolve("summary.json"));
        org.assertj.core.api.Assertions.assertThat(s.fieldNames()).toIterable().containsExactly("command", "status", "parameters",
                "seeds", "results", "verdicts", "warnings", "metadata", "files");
        org.assertj.core.api.Assertions.assertThat(s.get("command").asText()).isEqualTo(command);
        org.assertj.core.api.Assertions.assertThat(s.get("status").asText()).isIn("completed", "diverged");
        com.fasterxml.jackson.databind.JsonNode files = s.get("files");
        org.assertj.core.api.Assertions.assertThat(files.get(files.size() - 1).asText()).isEqualTo("summary.json");
        for (com.fasterxml.jackson.databind.JsonNode f : files) {
            org.assertj.core.api.Assertions.assertThat(dir.resolve(f.asText())).as("listed in summary.json files").exists();
        }
        return s;
    }

    /** The results of DIR/summary.json, after the checks of {@link #summary}. */
    public static com.fasterxml.jackson.databind.JsonNode results(java.nio.file.Path dir, String command) throws java.io.IOException {
        return summary(dir, command).get("results");
    }

    /**
     * The one summary.json schema (RunSummary) of a comparison, its verdicts (each with a tolerance and its basis) and
     * one printed verdict line per recorded verdict.
     */
    public static void assertSchemaAndVerdicts(com.fasterxml.jackson.databind.JsonNode summary, Result r, String command,
            int verdicts) {
        org.assertj.core.api.Assertions.assertThat(summary.fieldNames()).toIterable().containsExactly("command", "status",
                "parameters", "seeds", "results", "verdicts", "warnings", "metadata", "files");
        org.assertj.core.api.Assertions.assertThat(summary.get("command").asText()).isEqualTo(command);
        org.assertj.core.api.Assertions.assertThat(summary.get("status").asText()).isEqualTo("completed");
        org.assertj.core.api.Assertions.assertThat(summary.get("parameters").has("realizations")).isTrue();
        org.assertj.core.api.Assertions.assertThat(summary.get("results").has("agrees")).isTrue();
        com.fasterxml.jackson.databind.JsonNode files = summary.get("files");
        org.assertj.core.api.Assertions.assertThat(files.get(files.size() - 1).asText()).isEqualTo("summary.json");
        com.fasterxml.jackson.databind.JsonNode v = summary.get("verdicts");
        org.assertj.core.api.Assertions.assertThat(v.size()).isEqualTo(verdicts);
        for (com.fasterxml.jackson.databind.JsonNode e : v) {
            // a tolerance, or (no standard error, e.g. every perturbation healed) the statement that it cannot be judged
            org.assertj.core.api.Assertions.assertThat(e.get("tolerance").isNumber()
                    || e.get("basis").asText().contains("cannot be judged")).as(e.toString()).isTrue();
            org.assertj.core.api.Assertions.assertThat(e.get("agrees").isBoolean()).isTrue();
            org.assertj.core.api.Assertions.assertThat(e.get("basis").asText()).isNotBlank();
            org.assertj.core.api.Assertions.assertThat(r.out()).contains("verdict: " + e.get("quantity").asText() + " "
                    + (e.get("agrees").asBoolean() ? "agrees" : "deviates"));
        }
        org.assertj.core.api.Assertions.assertThat(r.out().lines().filter(l -> l.startsWith("verdict: "))).hasSize(verdicts);
    }

    /** Runs a command line written as one string, split at white space (no quoting). */
    public static Result line(String commandLine) {
        return run(commandLine.trim().split("\\s+"));
    }
}
