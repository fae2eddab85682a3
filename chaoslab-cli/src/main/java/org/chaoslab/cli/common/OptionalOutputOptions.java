package org.chaoslab.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * {@code --out DIR} and {@code --force} for the commands that print their results and write files only when asked
 * ("also write ... to this directory"). Same policy as {@link OutputOptions}: checked before the work starts.
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

    /** Checks the directory and opens its staging area, when given. */
    public Optional<OutputDirectory> prepare() throws IOException {
        return out == null ? Optional.empty() : Optional.of(OutputDirectory.prepare(out, force));
    }
}
