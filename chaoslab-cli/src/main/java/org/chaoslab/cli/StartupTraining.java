package org.chaoslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the JVM's ahead-of-time cache (JEP 483/514): the launcher runs this class once per build with
 * {@code -XX:AOTCacheOutput=chaoslab-cli/target/chaoslab.aot} and the JVM options of every run, and later runs start
 * with {@code -XX:AOTCache=}: the classes this training loaded — picocli's and every command's model, the rate
 * simulation and its recorders, Jackson, AWT (Java2D) and the fonts, BLAS — come parsed and verified from the cache
 * instead of the 12 MB jar. It runs, in one process and quietly, what most runs do: the full usage page (every
 * command's model), the version, and a short {@code simulate rate} with all its outputs. (A theory command, e.g.
 * {@code dmft scs}, would add its solver's classes, but its solve costs seconds even on a coarse grid: left out, its
 * classes come from the jar as before.)
 *
 * <p>Usage: {@code java [options] -cp chaoslab.jar org.chaoslab.cli.StartupTraining DIR} with DIR an empty scratch
 * directory (outputs are written there and may be deleted after). Exit code 0, or the first failing command's.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining SCRATCH_DIR");
            System.exit(Main.EXIT_USAGE);
        }
        System.exit(run(Path.of(args[0])));
    }

    /** Runs the training commands with outputs under {@code dir}; 0, or the exit code of the first that failed. */
    static int run(Path dir) throws IOException {
        Files.createDirectories(dir);
        String[][] commands = {
                {"--help"},
                {"--version"},
                // every output of the default run; short lags keep the autocorrelation's transforms small
                {"simulate", "rate", "--n", "100", "--dt", "0.1", "--t", "6", "--transient", "0.5", "--acf-max-lag", "2",
                        "--threads", "1", "--out", dir.resolve("rate").toString(), "--force"},
        };
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        for (String[] command : commands) {
            int code = Main.run(command, quiet, quiet);
            if (code != 0) {
                System.err.println("chaoslab: start-up training: '" + String.join(" ", command) + "' exited with " + code);
                return code;
            }
        }
        return 0;
    }
}
