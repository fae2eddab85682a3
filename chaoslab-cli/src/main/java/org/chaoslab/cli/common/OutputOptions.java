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
}
