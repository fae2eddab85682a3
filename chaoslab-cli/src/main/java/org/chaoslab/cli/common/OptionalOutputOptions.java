package org.chaoslab.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * {@code --out DIR} and {@code --force} for the commands that print their results and write files only when asked
 * ("also write ... to this directory"). Same policy as {@link OutputOptions}: checked before the work starts. With
 * {@code --out} such a command writes summary.json like every other ({@link #finish}); {@code --json} prints its
 * results.
 */
public final class OptionalOutputOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the results (JSON, .npy, plots) to this directory.")
    Path out;

    @Option(names = "--force", description = "Replace the output directory if it holds an earlier chaoslab run.")
    boolean force;

    /** Whether {@code --out} was given. */
    public boolean given() {
        return out != null;
    }

    /** Checks the directory when given (without creating anything). */
    public void check() {
        if (out != null) {
            OutputDirectory.check(out, force);
        }
    }

    /** Writes the files of a run into an output directory. */
    @FunctionalInterface
    public interface Files {
        /** Writes into {@code dir} (and may add results to the summary before it is written). */
        void write(OutputDirectory dir) throws IOException;
    }

    /**
     * Finishes a run's summary: with {@code --out}, writes the run's files, then summary.json, and commits the
     * directory; without, builds the summary unwritten (for {@code --json} and in-process callers).
     *
     * @return the directory written, if any
     */
    public Optional<Path> finish(RunSummary.Builder summary, Files files) throws IOException {
        if (out == null) {
            summary.buildUnwritten();
            return Optional.empty();
        }
        try (OutputDirectory dir = OutputDirectory.prepare(out, force)) {
            files.write(dir);
            summary.writeTo(dir);
            dir.commit();
            return Optional.of(dir.target());
        }
    }

    /** Checks the directory and opens its staging area, when given. */
    public Optional<OutputDirectory> prepare() throws IOException {
        return out == null ? Optional.empty() : Optional.of(OutputDirectory.prepare(out, force));
    }
}
