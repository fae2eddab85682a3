package org.chaoslab.cli.common;

import picocli.CommandLine.Option;

/**
 * {@code --threads}, shared by the commands that split work over threads. Results do not depend on it (fixed
 * partitions); more threads than the cores available would only wait on each other, so it is bounded by them.
 */
public final class ThreadsOptions {

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads, 1 to the cores available (results do not depend on it). Default: all cores.")
    Integer threads;

    /** The thread count, checked against the cores available. */
    public int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads == null) {
            return cores;
        }
        if (threads < 1 || threads > cores) {
            throw new IllegalArgumentException("--threads must be in [1, " + cores + "] (the cores available; got " + threads + ")");
        }
        return threads;
    }
}
