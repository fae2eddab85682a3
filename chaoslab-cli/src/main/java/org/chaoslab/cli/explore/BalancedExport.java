package org.chaoslab.cli.explore;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.binary.BalancedTheorySummary;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.model.BalancedNetwork;

/**
 * The balanced view's export, in the layout of {@code simulate balanced}'s output where the two overlap:
 * {@code time.npy}, {@code rate_e.npy}, {@code rate_i.npy} (the population rates), {@code inputs.npy} (shape
 * (1, 5, samples): the excitatory, inhibitory and external input of the decomposed unit, its total input
 * u = exc + inh + ext − θ_E and its state, the components of {@code simulate balanced}'s inputs.npy),
 * {@code input_units.npy}, {@code train_unit.npy} and {@code train_time.npy} (the raster's 0→1 transitions: the unit's
 * index in the network, the time), {@code series.csv} (time, rates and the input components), the figures
 * {@code population_rates} (with the mean field), {@code raster} and {@code inputs} as PNG and SVG, and summary.json
 * (command {@code explore balanced}: every option of the CLI's balanced network as parsed, the seed and streams, the
 * simulation's results and the mean field as {@code meanfield balanced} writes it).
 */
final class BalancedExport {

    private BalancedExport() {
    }

    /**
     * The data of the view at one moment.
     *
     * @param params     the parameters it runs with
     * @param history    rows t, m_E, m_I, then the decomposed unit's excitatory, inhibitory, external and total input
     *                   (exc + inh + ext) and state: the last samples, oldest first
     * @param raster     0→1 transitions in that time span: {t, raster row}, rows E units first, then I units
     * @param rasterE    excitatory units of the raster (row r &lt; rasterE is unit r, else unit N_E + r − rasterE)
     * @param simulation scalar results of the simulation
     * @param theory     the mean field of the current parameters, or null while it is computed
     */
    record Snapshot(BalancedForm.Parameters params, double[][] history, List<double[]> raster, int rasterE,
                    Map<String, Object> simulation, BalancedExplorer.Theory theory) {
    }

    /** The export of {@code s}: the zip of its output directory. */
    static ExploreView.Export zip(Snapshot s) throws IOException {
        return Exports.zip("balanced", dir -> write(dir, s), summary(s));
    }

    private static void write(OutputDirectory dir, Snapshot s) throws IOException {
        BalancedNetwork net = s.params().network();
        double[][] h = s.history();
        int count = h[0].length;
        double theta = net.thetaE();
        double[] u = new double[count];
        for (int j = 0; j < count; j++) {
            u[j] = h[6][j] - theta;
        }
        dir.npy("time.npy", h[0]);
        dir.npy("rate_e.npy", h[1]);
        dir.npy("rate_i.npy", h[2]);
        double[] inputs = new double[5 * count];
        System.arraycopy(h[3], 0, inputs, 0, count);
        System.arraycopy(h[4], 0, inputs, count, count);
        System.arraycopy(h[5], 0, inputs, 2 * count, count);
        System.arraycopy(u, 0, inputs, 3 * count, count);
        System.arraycopy(h[7], 0, inputs, 4 * count, count);
        dir.npy("inputs.npy", inputs, 1, 5, count);
        dir.npy("input_units.npy", new double[] {BalancedExplorer.INPUT_UNIT});
        int events = s.raster().size();
        double[] unit = new double[events];
        double[] time = new double[events];
        double[] row = new double[events];
        for (int k = 0; k < events; k++) {
            double[] e = s.raster().get(k);
            time[k] = e[0];
            row[k] = e[1];
            unit[k] = e[1] < s.rasterE() ? e[1] : net.nE() + (e[1] - s.rasterE());
        }
        dir.npy("train_unit.npy", unit);
        dir.npy("train_time.npy", time);
        dir.csv("series.csv", CsvTable.builder().column("t", h[0]).column("rate_e", h[1]).column("rate_i", h[2])
                .column("input_excitatory", h[3]).column("input_inhibitory", h[4]).column("input_external", h[5])
                .column("input_u", u).column("state", h[7]).build());
        String title = "N_E = " + net.nE() + ", N_I = " + net.nI() + ", K = " + net.k() + ", m0 = " + net.m0()
                + ", seed " + s.params().seed();
        LinePlot.Builder rates = Plots.plot("Population rates: " + title, Plots.time(Plots.TAU_E),
                Plots.label("population rate", "m(t)", ""));
        rates.series("m_E simulation", h[0], h[1], LineStyle.LINE).series("m_I simulation", h[0], h[2], LineStyle.LINE);
        if (s.theory() != null && s.theory().solution() != null && count > 1) {
            double[] span = {h[0][0], h[0][count - 1]};
            double mE = s.theory().solution().mE();
            double mI = s.theory().solution().mI();
            rates.reference("m_E mean field", span, new double[] {mE, mE});
            rates.reference("m_I mean field", span, new double[] {mI, mI});
        }
        dir.figure("population_rates", rates.build());
        LinePlot.Builder raster = Plots.plot("Raster of 0 → 1 transitions (E below, I above): " + title,
                Plots.time(Plots.TAU_E), "unit (E: 0 …, I: above)");
        double[][] e = split(time, row, true, s.rasterE());
        double[][] i = split(time, row, false, s.rasterE());
        if (e[0].length > 0) {
            raster.series("E", e[0], e[1], LineStyle.MARKERS);
        }
        if (i[0].length > 0) {
            raster.series("I", i[0], i[1], LineStyle.MARKERS);
        }
        if (events == 0) {
            raster.series("none", new double[] {count > 0 ? h[0][0] : 0.0}, new double[] {0.0}, LineStyle.MARKERS);
        }
        dir.figure("raster", raster.build());
        double[] thresholdLine = new double[count];
        Arrays.fill(thresholdLine, theta);
        dir.figure("inputs", Plots.plot("Inputs of excitatory unit " + BalancedExplorer.INPUT_UNIT + ": " + title,
                        Plots.time(Plots.TAU_E), "synaptic input")
                .series("excitatory (recurrent)", h[0], h[3], LineStyle.LINE)
                .series("inhibitory", h[0], h[4], LineStyle.LINE)
                .series("external √K E m0", h[0], h[5], LineStyle.LINE)
                .series("total exc + inh + ext", h[0], h[6], LineStyle.LINE)
                .series("threshold θ_E", h[0], thresholdLine, LineStyle.DASHED).build());
    }

    /** The raster's events of one population: {times, rows}. */
    private static double[][] split(double[] time, double[] row, boolean excitatory, int rasterE) {
        int n = 0;
        double[] t = new double[time.length];
        double[] r = new double[time.length];
        for (int k = 0; k < time.length; k++) {
            if ((row[k] < rasterE) == excitatory) {
                t[n] = time[k];
                r[n++] = row[k];
            }
        }
        return new double[][] {Arrays.copyOf(t, n), Arrays.copyOf(r, n)};
    }

    /** summary.json of the export: command "explore balanced", every option of the CLI's balanced network as parsed. */
    private static RunSummary.Builder summary(Snapshot s) {
        RunSummary.Builder b = Exports.summary("balanced", new BalancedForm(), s.params().values(), 1);
        b.seed("master", s.params().seed());
        b.seed("streams", "connectivity/unit/<i> (the presynaptic partners of unit i), initial/replica/0, updates (Poisson "
                + "update times and units); m0 retuned while running keeps all three");
        b.result("simulation", s.simulation());
        if (s.theory() != null && s.theory().solution() != null) {
            b.result("theory", BalancedTheorySummary.of(s.theory().solution()));
        } else if (s.theory() != null) {
            b.warning(s.theory().message());
        }
        return b;
    }
}
