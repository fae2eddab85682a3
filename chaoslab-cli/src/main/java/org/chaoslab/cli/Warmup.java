package org.chaoslab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;

import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LinePlot;
import org.chaoslab.linalg.Blas;

/**
 * Start-up work that a command needs only at its end, begun on another core at its start: loading BLAS (native
 * OpenBLAS, else the Java one; its name goes into every summary.json), setting up Jackson's JSON writer, and the AWT
 * graphics and fonts behind the PNG and SVG plots (Java2D). Measured cold on a 2-core machine, each of the three
 * costs about as much as the JVM's own start, and a short run (e.g. one step at N = 1000) waited for all of them one
 * after the other; now they overlap with parsing the options, drawing J and the run itself.
 *
 * <p>Only class initialization and a throw-away plot rendered to memory: nothing is written and no state is shared, so
 * outputs are the same with or without it. A thread that needs a class the warm-up is initializing waits for it, as
 * for any class initialization; a failure here is ignored (the command meets it again where it happens, with its
 * usual message). The thread is a daemon: it never delays the exit.
 */
final class Warmup {

    /** First arguments after which no outputs are written (usage pages, lists): nothing is warmed up. */
    private static final Set<String> NO_OUTPUTS = Set.of("-h", "--help", "help", "list", "generate-completion");

    private Warmup() {
    }

    /** Starts the warm-up for a run of {@code args}: BLAS alone for {@code --version}, else BLAS, JSON and plots. */
    static void start(String[] args) {
        if (args.length == 0 || NO_OUTPUTS.contains(args[0]) || containsHelp(args)) {
            return;
        }
        boolean versionOnly = "--version".equals(args[0]) || "-V".equals(args[0]);
        Thread t = new Thread(() -> run(versionOnly), "chaoslab-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static boolean containsHelp(String[] args) {
        for (String a : args) {
            if ("--help".equals(a) || "-h".equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static void run(boolean versionOnly) {
        try {
            Blas.backend();
            if (versionOnly) {
                return;
            }
            JsonOutput.toJson(java.util.Map.of("warm", 1.0));
            LinePlot plot = LinePlot.builder().title("warm-up").xLabel("t").yLabel("x")
                    .series("x", new double[] {0.0, 1.0, 2.0}, new double[] {0.0, 0.5, -0.25}).build();
            plot.writePng(new ByteArrayOutputStream());
            plot.toSvg();
        } catch (IOException | RuntimeException | LinkageError e) {
            // the command meets the same problem where it needs the part, and reports it there
        }
    }
}
