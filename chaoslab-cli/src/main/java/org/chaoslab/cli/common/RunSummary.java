package org.chaoslab.cli.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.Version;
import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.Blas;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one schema of summary.json (and of {@code --json} output): what ran, with which parameters and seeds, what
 * came out, and on what. Commands fill it with {@link #builder}; the sweep engine and the report read the same
 * keys from {@link #results()} in process.
 *
 * @param command    the command path, e.g. "compare kernel"
 * @param status     "completed", "diverged" (with the step in results) or "failed"
 * @param parameters every option of the command by its long name without dashes, as parsed (defaults included)
 * @param seeds      the master seed and the named streams derived from it
 * @param results    the scalar and small-array results, by name (the keys documented in the command's help)
 * @param verdicts   theory beside simulation: one entry per compared quantity (empty for commands that do not
 *                   compare)
 * @param warnings   what makes a result less meaningful than it looks (a run too small or too short for its estimate),
 *                   each also printed as one line "chaoslab: warning: ..." on stderr; empty when none
 * @param metadata   chaoslab version, JVM, machine, BLAS backend, threads, time
 * @param files      the files of the run, relative to its directory (summary.json last)
 */
public record RunSummary(String command, String status, Map<String, Object> parameters, Map<String, Object> seeds,
                         Map<String, Object> results, List<Object> verdicts, List<String> warnings, RunMetadata metadata, List<String> files) {

    /** The summary last built on this thread, for in-process callers ({@code org.chaoslab.cli.Chaoslab}). */
    private static final ThreadLocal<RunSummary> LAST = new ThreadLocal<>();

    /** Takes (and clears) the summary last built on this thread, if any. */
    public static java.util.Optional<RunSummary> takeLast() {
        RunSummary s = LAST.get();
        LAST.remove();
        return java.util.Optional.ofNullable(s);
    }

    /** Status of a run that finished. */
    public static final String COMPLETED = "completed";
    /** Status of a run stopped by a non-finite state; results keep what was recorded. */
    public static final String DIVERGED = "diverged";

    /** A builder for the command described by {@code spec}: parameters are read from its options. */
    public static Builder builder(CommandSpec spec, int threads) {
        return new Builder(spec.qualifiedName(" ").replaceFirst("^\\S+\\s+", ""), parameters(spec), threads);
    }

    /**
     * Every option of a command (its mixins included) by its longest name without dashes, with its parsed value;
     * help and version switches are left out.
     */
    public static Map<String, Object> parameters(CommandSpec spec) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object v = o.getValue();
            p.put(o.longestName().replaceFirst("^-+", ""), v instanceof java.nio.file.Path path ? path.toString() : v);
        }
        return p;
    }

    /** Fills a {@link RunSummary}. */
    public static final class Builder {
        private final String command;
        private final Map<String, Object> parameters;
        private final int threads;
        private String status = COMPLETED;
        private final Map<String, Object> seeds = new LinkedHashMap<>();
        private final Map<String, Object> results = new LinkedHashMap<>();
        private final List<Object> verdicts = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        private Builder(String command, Map<String, Object> parameters, int threads) {
            this.command = command;
            this.parameters = parameters;
            this.threads = threads;
        }

        /** Sets the status ({@link #COMPLETED} by default). */
        public Builder status(String s) {
            this.status = s;
            return this;
        }

        /** Adds a seed or named stream. */
        public Builder seed(String name, Object value) {
            seeds.put(name, value);
            return this;
        }

        /** Adds a result by name. */
        public Builder result(String name, Object value) {
            results.put(name, value);
            return this;
        }

        /** Adds every entry of a map of results. */
        public Builder results(Map<String, ?> values) {
            results.putAll(values);
            return this;
        }

        /**
         * Adds each component of a record as a result under its own name (a result record's keys become the summary's
         * result keys, in their order).
         */
        public Builder resultsOf(Record value) {
            for (var c : value.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    results.put(c.getName(), c.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + value.getClass().getSimpleName(), e);
                }
            }
            return this;
        }

        /** Adds a verdict (theory beside simulation). */
        public Builder verdict(Object v) {
            verdicts.add(v);
            return this;
        }

        /** Adds a warning (one line, without the "chaoslab: warning: " prefix). */
        public Builder warning(String w) {
            warnings.add(w);
            return this;
        }

        /** The results added so far (what an in-process caller receives). */
        public Map<String, Object> results() {
            return Collections.unmodifiableMap(results);
        }

        /** The summary, with the file list of {@code out} plus summary.json. */
        public RunSummary build(List<String> files) {
            List<String> all = new ArrayList<>(files);
            if (!all.contains(OutputDirectory.SUMMARY)) {
                all.add(OutputDirectory.SUMMARY);
            }
            RunMetadata meta = RunMetadata.capture(Version.current()).with("blas", Blas.backend())
                    .with("threads", Integer.toString(threads));
            RunSummary summary = new RunSummary(command, status, parameters, seeds, results, verdicts, warnings, meta, all);
            LAST.set(summary);
            return summary;
        }

        /**
         * The summary of a run that writes no files (a theory command without {@code --out}): what {@code --json}
         * prints (its results) and what an in-process caller receives; the file list is empty.
         */
        public RunSummary buildUnwritten() {
            RunSummary s = build(List.of());
            RunSummary unwritten = new RunSummary(s.command(), s.status(), s.parameters(), s.seeds(), s.results(), s.verdicts(),
                    s.warnings(), s.metadata(), List.of());
            LAST.set(unwritten);
            return unwritten;
        }

        /** Builds the summary and writes it as the last file of {@code out}. */
        public RunSummary writeTo(OutputDirectory out) throws java.io.IOException {
            RunSummary s = build(out.files());
            out.json(OutputDirectory.SUMMARY, s);
            return s;
        }
    }
}
