package org.chaoslab.cli.rate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Npy;
import org.chaoslab.sim.record.RateRecording;

/** Writes the arrays and plots of a rate-network recording; returns the file names written. */
final class RateOutputs {

    private RateOutputs() {
    }

    static List<String> write(Path dir, RateRecording r, double[] finalState, int n, int replicas) throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        int units = r.traceUnits().length;
        int samples = r.traceTimes().length;
        PngWriter pngBeside = null;
        try {
            if (units > 0 && samples > 0) {
                npy(dir, files, "trace_times.npy", r.traceTimes());
                Npy.write(dir.resolve("trace_units.npy"), r.traceUnits(), units);
                files.add("trace_units.npy");
                Npy.write(dir.resolve("traces.npy"), r.traces(), samples, units);
                files.add("traces.npy");
                LinePlot.Builder p = Plots.plot("Unit traces (replica 0)", Plots.TIME, "state x_i(t)");
                for (int u = 0; u < Math.min(units, 5); u++) {
                    double[] y = new double[samples];
                    for (int s = 0; s < samples; s++) {
                        y[s] = r.traces()[s * units + u];
                    }
                    p.series("unit " + r.traceUnits()[u], r.traceTimes(), y, LineStyle.LINE);
                }
                LinePlot traces = p.build();
                // the PNG of a long run's traces (6 x 10^5 points at N = 500, 120 000 steps) and its SVG take 0.3-0.4 s
                // each in a fresh JVM (Java2D's first use; the SVG's 7 MB of text): the PNG is drawn on another core
                // while this one writes the SVG and the other files
                pngBeside = new PngWriter(traces, dir.resolve("traces.png"));
                pngBeside.start();
                traces.writeSvg(dir.resolve("traces.svg"));
                files.add("traces.png");
                files.add("traces.svg");
            }
            if (r.populationTimes().length > 0) {
                npy(dir, files, "population_times.npy", r.populationTimes());
                npy(dir, files, "population_mean.npy", r.populationMean());
                npy(dir, files, "population_variance.npy", r.populationVariance());
            }
            if (r.hasAutocorrelation()) {
                npy(dir, files, "autocorrelation_lags.npy", r.lagTimes());
                npy(dir, files, "autocorrelation_x.npy", r.stateAutocorrelation());
                npy(dir, files, "autocorrelation_phi.npy", r.rateAutocorrelation());
                LinePlot plot = Plots.plot("Autocorrelation (time- and unit-averaged)", Plots.LAG, "autocorrelation")
                        .series("⟨x(t) x(t+s)⟩", r.lagTimes(), r.stateAutocorrelation(), LineStyle.LINE)
                        .series("⟨φ(t) φ(t+s)⟩", r.lagTimes(), r.rateAutocorrelation(), LineStyle.LINE)
                        .build();
                files.addAll(OutputDirectory.fileNames(plot.writePngAndSvg(dir, "autocorrelation")));
            }
            Npy.write(dir.resolve("final_state.npy"), finalState, replicas, n);
            files.add("final_state.npy");
        } finally {
            if (pngBeside != null) {
                pngBeside.await();   // never leave it writing into a directory that may be discarded
            }
        }
        if (pngBeside != null) {
            pngBeside.rethrow();
        }
        return files;
    }

    /** Writes one plot's PNG on its own thread; {@link #await} waits for it, {@link #rethrow} rethrows its failure. */
    private static final class PngWriter extends Thread {

        private final LinePlot plot;
        private final Path file;
        private volatile Throwable failure;

        PngWriter(LinePlot plot, Path file) {
            super("chaoslab-png");
            setDaemon(true);
            this.plot = plot;
            this.file = file;
        }

        @Override
        public void run() {
            try {
                plot.writePng(file);
            } catch (Throwable t) {
                failure = t;
            }
        }

        void await() {
            boolean interrupted = false;
            while (isAlive()) {
                try {
                    join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrow() throws IOException {
            Throwable t = failure;
            if (t instanceof IOException io) {
                throw io;
            } else if (t instanceof RuntimeException re) {
                throw re;
            } else if (t instanceof Error er) {
                throw er;
            } else if (t != null) {
                throw new IOException(t);
            }
        }
    }

    private static void npy(Path dir, List<String> files, String name, double[] data) throws IOException {
        Npy.write(dir.resolve(name), data, data.length);
        files.add(name);
    }
}
