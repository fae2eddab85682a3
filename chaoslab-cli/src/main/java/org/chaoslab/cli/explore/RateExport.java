package org.chaoslab.cli.explore;

import java.io.IOException;
import java.util.Map;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LineStyle;
import org.chaoslab.sim.rate.LiveRateNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * The rate view's export: what the page shows, written as a command's output directory is ({@link OutputDirectory},
 * {@link RunSummary}: the one summary.json schema with the parameters as the CLI parses them, the seeds, the results,
 * chaoslab version, JVM and BLAS backend), zipped for the browser to download. Files: {@code time.npy},
 * {@code mean_square.npy}, {@code traces.npy} (units × samples), {@code units.npy}, {@code series.csv} (the same
 * columns), {@code lag.npy} and {@code autocorrelation.npy} (the simulated Δ(τ)), {@code theory_tau.npy} and
 * {@code theory_delta.npy} (the DMFT's), and the figures {@code mean_square}, {@code autocorrelation} and {@code traces}
 * as PNG and SVG in the CLI's plotting style.
 */
final class RateExport {

    private RateExport() {
    }

    /**
     * The data of the view at one moment.
     *
     * @param params     the parameters it ran with
     * @param history    time, ⟨x²⟩, then one row per traced unit: the last samples (oldest first)
     * @param units      the traced units
     * @param lag        lags of the simulated autocorrelation
     * @param acf        the simulated Δ(τ)
     * @param simulation scalar results of the simulation
     * @param theory     the last DMFT result, or null when none has been computed
     */
    record Snapshot(RateForm.Parameters params, double[][] history, int[] units, double[] lag, double[] acf,
                    Map<String, Object> simulation, RateTheory.Result theory) {
    }

    /** The export of {@code s}: the zip of its output directory. */
    static ExploreView.Export zip(Snapshot s) throws IOException {
        return Exports.zip("rate", dir -> write(dir, s), summary(s));
    }

    private static void write(OutputDirectory dir, Snapshot s) throws IOException {
        double[][] h = s.history();
        int count = h[0].length;
        dir.npy("time.npy", h[0]);
        dir.npy("mean_square.npy", h[1]);
        double[] traces = new double[s.units().length * count];
        for (int k = 0; k < s.units().length; k++) {
            System.arraycopy(h[2 + k], 0, traces, k * count, count);
        }
        dir.npy("traces.npy", traces, s.units().length, count);
        double[] units = new double[s.units().length];
        String[] headers = new String[2 + s.units().length];
        headers[0] = "t";
        headers[1] = "mean_square";
        double[][] columns = new double[2 + s.units().length][];
        columns[0] = h[0];
        columns[1] = h[1];
        for (int k = 0; k < s.units().length; k++) {
            units[k] = s.units()[k];
            headers[2 + k] = "x_" + s.units()[k];
            columns[2 + k] = h[2 + k];
        }
        dir.npy("units.npy", units);
        dir.csv("series.csv", CsvTable.of(headers, columns));
        dir.npy("lag.npy", s.lag());
        dir.npy("autocorrelation.npy", s.acf());
        var params = s.params().network();
        String title = "N = " + params.size() + ", g = " + params.gain() + ", φ = " + params.transfer().name()
                + ", seed " + s.params().seed();
        var ms = Plots.plot("⟨x²⟩: " + title, Plots.TIME, Plots.label("population mean square", "⟨x²⟩", ""))
                .series("simulation", h[0], h[1], LineStyle.LINE);
        var acf = Plots.plot("autocorrelation: " + title, Plots.LAG, Plots.label("autocovariance", "Δ(s)", ""));
        if (s.theory() != null && s.theory().tau().length > 0 && count > 0) {
            double level = s.theory().meanSquare();
            ms.reference("DMFT Δ0 + μ²", new double[] {h[0][0], h[0][count - 1]}, new double[] {level, level});
            dir.npy("theory_tau.npy", s.theory().tau());
            dir.npy("theory_delta.npy", s.theory().delta());
            Plots.pair(acf, "DMFT Δ(s)", "simulation", s.theory().tau(), s.theory().delta(), s.lag(), s.acf(), null);
        } else {
            acf.series("simulation", s.lag(), s.acf(), LineStyle.MARKERS);
        }
        dir.figure("mean_square", ms.build());
        dir.figure("autocorrelation", acf.build());
        var tr = Plots.plot("unit traces: " + title, Plots.TIME, Plots.label("activity", "x_i", ""));
        for (int k = 0; k < s.units().length; k++) {
            tr.series("x_" + s.units()[k], h[0], h[2 + k], LineStyle.LINE);
        }
        dir.figure("traces", tr.build());
    }

    /** summary.json of the export: command "explore rate", the parameters as the CLI parses them. */
    private static RunSummary.Builder summary(Snapshot s) {
        RunSummary.Builder b = Exports.summary("rate", new RateForm(), s.params().values(), 1);
        long seed = s.params().seed();
        b.seed("master", seed);
        b.seed("couplings", StreamSeeds.COUPLINGS + "/<row> (unit gain, scaled by g)");
        b.seed("initial", StreamSeeds.INITIAL + "/0");
        b.seed("replica", LiveRateNetwork.REPLICA);
        b.seed("noise", StreamSeeds.NOISE + "/0/<unit> (restarted when the noise changes)");
        b.result("simulation", s.simulation());
        if (s.theory() != null) {
            Map<String, Object> theory = Exports.components(s.theory().summary());
            theory.put("meanSquare", s.theory().meanSquare());
            b.result("theory", theory);
        }
        return b;
    }
}
