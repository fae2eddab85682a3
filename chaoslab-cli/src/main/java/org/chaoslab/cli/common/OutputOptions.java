package org.chaoslab.cli.common;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --out DIR} and {@code --force}, shared by every command that writes files (a picocli mixin, as
 * Quarkus's {@code OutputOptionMixin}). The default directory is {@code results/} followed by the command's path
 * joined by dashes (e.g. {@code results/kernel-simulate}), so every command has one without declaring it.
 * The policy is {@link OutputDirectory}'s: checked before work starts, written as one consistent set.
 */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory. Default: results/<command path>, e.g. results/kernel-simulate (an earlier "
                    + "run there is replaced).")
    Path out;

    @Option(names = "--force", description = "Replace --out DIR if it holds an earlier chaoslab run.")
    boolean force;

    /** The directory chosen ({@code --out} or the command's default). */
    public Path directory() {
        if (out != null) {
            return out;
        }
        String path = mixee == null ? "run" : mixee.qualifiedName("-").replaceFirst("^[^-]*-", "");
        return Path.of("results", path);
    }

    /**
     * Whether an earlier run may be replaced: with {@code --force}, and always in the command's own default directory
     * (rerunning a command on its defaults, e.g. {@code ./chaoslab demo}, replaces its last result; a directory the
     * user named is only replaced on request). A directory chaoslab did not write is never replaced.
     */
    public boolean force() {
        return force || out == null;
    }

    /** Checks the directory without creating anything; see {@link OutputDirectory#check}. */
    public void check() {
        OutputDirectory.check(directory(), force());
    }

    /** Checks the directory and opens its staging area; see {@link OutputDirectory#prepare}. */
    public OutputDirectory prepare() throws IOException {
        return OutputDirectory.prepare(directory(), force());
    }

    /**
     * The run of a command into its open output directory, returning the command's exit code (see {@link #write}).
     */
    @FunctionalInterface
    public interface Run {
        /** Writes the run's files into {@code dir} and returns the exit code. */
        int into(OutputDirectory dir) throws Exception;
    }

    /**
     * Runs {@code run} into the output directory as one consistent set: {@link #prepare}s it, runs, and commits whatever
     * exit code the run returns (a run that diverged keeps what it wrote, with its own exit code). An exception
     * commits nothing: the staging directory is removed and an earlier run in the target stays as it was. The one
     * place for the prepare-run-commit sequence of the commands whose whole work writes into {@code --out}.
     *
     * @return the run's exit code
     */
    public int write(Run run) throws Exception {
        try (OutputDirectory dir = prepare()) {
            int code = run.into(dir);
            dir.commit();
            return code;
        }
    }
}
