package org.chaoslab.cli.binary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.io.Histogram;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Npy;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.binary.BalancedRecording;
import org.chaoslab.theory.balanced.BalancedSolution;
import org.chaoslab.theory.balanced.ReplicaDistance;

/** Arrays and plots of the balanced network: theory, simulation, both. */
final class BalancedPlots {

    private static final int DENSITY_POINTS = 400;
    private static final String RATE = Plots.label("time-averaged rate", "m_i", "");
    private static final String DISTANCE = Plots.label("replica distance", "D", "");

    private BalancedPlots() {
    }

    /** Rate densities and the mean-field D(t) from one flipped unit. */
    static List<String> theoryFiles(Path dir, BalancedSolution s, ReplicaDistance rd, BalancedNetwork net) throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        double[][] dens = densities(s);
        Npy.write(dir.resolve("rate_density.npy"), flatten(dens), 3, DENSITY_POINTS);
        files.add("rate_density.npy");
        LinePlot p = Plots.plot("Mean-field distribution of time-averaged rates", RATE, Plots.DENSITY).logY(true)
                .series("E", dens[0], dens[1], LineStyle.LINE).series("I", dens[0], dens[2], LineStyle.LINE).build();
        files.addAll(OutputDirectory.fileNames(p.writePngAndSvg(dir, "rate_density")));
        double[][] traj = rd.trajectory(1.0 / net.nE(), 0.0, 20.0, 0.05);
        Npy.write(dir.resolve("distance_theory.npy"), flatten(traj), 3, traj[0].length);
        files.add("distance_theory.npy");
        LinePlot d = Plots.plot("Replica distance (mean field) from one flipped unit", Plots.time(Plots.TAU_E), DISTANCE)
                .series("D_E", traj[0], traj[1], LineStyle.LINE).series("D_I", traj[0], traj[2], LineStyle.LINE).build();
        files.addAll(OutputDirectory.fileNames(d.writePngAndSvg(dir, "distance_theory")));
        return files;
    }

    /** {r, ρ_E(r), ρ_I(r)} on a grid of (0, r_max) where r_max covers 99.9 % of both populations. */
    static double[][] densities(BalancedSolution s) {
        double top = 0.02;
        while (top < 1 && (s.rateCdf(0, top) < 0.999 || s.rateCdf(1, top) < 0.999)) {
            top *= 1.25;
        }
        top = Math.min(top, 0.999);
        double[][] out = new double[3][DENSITY_POINTS];
        for (int i = 0; i < DENSITY_POINTS; i++) {
            double r = top * (i + 0.5) / DENSITY_POINTS;
            out[0][i] = r;
            out[1][i] = s.rateDensity(0, r);
            out[2][i] = s.rateDensity(1, r);
        }
        return out;
    }

    /** Arrays and plots of one simulation (theory overlays when {@code theory} is not null). */
    static List<String> simulationFiles(Path dir, BalancedRecording rec, BalancedNetwork net, BalancedSolution theory,
                                        double[][] distanceTheory) throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        int s = rec.time().length;
        Npy.write(dir.resolve("time.npy"), rec.time(), s);
        Npy.write(dir.resolve("rate_e.npy"), rec.rateE(), s);
        Npy.write(dir.resolve("rate_i.npy"), rec.rateI(), s);
        double[] rates = rec.meanUnitRates();
        Npy.write(dir.resolve("unit_rates.npy"), rates, rates.length);
        Npy.write(dir.resolve("train_unit.npy"), rec.trainUnit(), rec.trainUnit().length);
        Npy.write(dir.resolve("train_time.npy"), rec.trainTime(), rec.trainTime().length);
        files.addAll(List.of("time.npy", "rate_e.npy", "rate_i.npy", "unit_rates.npy", "train_unit.npy", "train_time.npy"));
        int u = rec.inputUnits().length;
        double[] inputs = new double[u * 5 * s];
        for (int a = 0; a < u; a++) {
            for (int c = 0; c < 5; c++) {
                System.arraycopy(rec.inputs()[a][c], 0, inputs, (a * 5 + c) * s, s);
            }
        }
        Npy.write(dir.resolve("inputs.npy"), inputs, u, 5, s);
        Npy.write(dir.resolve("input_units.npy"), rec.inputUnits(), u);
        files.addAll(List.of("inputs.npy", "input_units.npy"));
        if (rec.acfLags().length > 0) {
            Npy.write(dir.resolve("autocorrelation_lags.npy"), rec.acfLags(), rec.acfLags().length);
            Npy.write(dir.resolve("autocorrelation_e.npy"), rec.acfE(), rec.acfE().length);
            Npy.write(dir.resolve("autocorrelation_i.npy"), rec.acfI(), rec.acfI().length);
            files.addAll(List.of("autocorrelation_lags.npy", "autocorrelation_e.npy", "autocorrelation_i.npy"));
        }
        LinePlot pr = Plots.plot("Population rates", Plots.time(Plots.TAU_E), Plots.label("population rate", "m(t)", ""))
                .series("m_E", rec.time(), rec.rateE(), LineStyle.LINE).series("m_I", rec.time(), rec.rateI(), LineStyle.LINE).build();
        files.addAll(OutputDirectory.fileNames(pr.writePngAndSvg(dir, "population_rates")));
        files.addAll(raster(dir, rec, net));
        files.addAll(inputPlot(dir, rec, net));
        files.addAll(rateHistogram(dir, rates, net, theory));
        if (rec.hasDistance()) {
            Npy.write(dir.resolve("distance_e.npy"), rec.distanceE(), s);
            Npy.write(dir.resolve("distance_i.npy"), rec.distanceI(), s);
            files.addAll(List.of("distance_e.npy", "distance_i.npy"));
            LinePlot.Builder b = Plots.plot("Replica distance after one flipped unit", Plots.time(Plots.TAU_E), DISTANCE);
            if (distanceTheory != null) {
                Plots.pair(b, "D_E mean field", "D_E simulation", distanceTheory[0], distanceTheory[1], rec.time(), rec.distanceE(), null);
                Plots.pair(b, "D_I mean field", "D_I simulation", distanceTheory[0], distanceTheory[2], rec.time(), rec.distanceI(), null);
            } else {
                b.series("D_E simulation", rec.time(), rec.distanceE(), LineStyle.LINE)
                        .series("D_I simulation", rec.time(), rec.distanceI(), LineStyle.LINE);
            }
            files.addAll(OutputDirectory.fileNames(b.build().writePngAndSvg(dir, "distance")));
        }
        return files;
    }

    private static List<String> raster(Path dir, BalancedRecording rec, BalancedNetwork net) throws IOException {
        int[] unit = rec.trainUnit();
        double[] t = rec.trainTime();
        int limit = Math.min(unit.length, 200_000);
        double[] xe = new double[limit];
        double[] ye = new double[limit];
        double[] xi = new double[limit];
        double[] yi = new double[limit];
        int ne = 0;
        int ni = 0;
        for (int k = 0; k < limit; k++) {
            if (unit[k] < net.nE()) {
                xe[ne] = t[k];
                ye[ne++] = unit[k];
            } else {
                xi[ni] = t[k];
                yi[ni++] = rec.trainUnits() + (unit[k] - net.nE());
            }
        }
        LinePlot.Builder b = Plots.plot("Raster of 0 → 1 transitions (E below, I above)", Plots.time(Plots.TAU_E), "unit index");
        if (ne > 0) {
            b.series("E", java.util.Arrays.copyOf(xe, ne), java.util.Arrays.copyOf(ye, ne), LineStyle.MARKERS);
        }
        if (ni > 0) {
            b.series("I", java.util.Arrays.copyOf(xi, ni), java.util.Arrays.copyOf(yi, ni), LineStyle.MARKERS);
        }
        if (ne + ni == 0) {
            b.series("none", new double[] {0}, new double[] {0}, LineStyle.MARKERS);
        }
        return OutputDirectory.fileNames(b.build().writePngAndSvg(dir, "raster"));
    }

    private static List<String> inputPlot(Path dir, BalancedRecording rec, BalancedNetwork net) throws IOException {
        double[][] c = rec.inputs()[0];
        int unit = rec.inputUnits()[0];
        double theta = unit < net.nE() ? net.thetaE() : net.thetaI();
        double[] exc = c[0].clone();
        double[] inh = c[1];
        double[] ext = c[2];
        double[] total = c[3];
        for (int s = 0; s < exc.length; s++) {
            exc[s] += ext[s]; // the notes' Figure 4: excitation (recurrent + external), inhibition, net input
        }
        LinePlot p = Plots.plot("Inputs of unit " + unit + " (θ = " + theta + ")", Plots.time(Plots.TAU_E), "synaptic input")
                .series("excitatory + external", rec.time(), exc, LineStyle.LINE)
                .series("inhibitory", rec.time(), inh, LineStyle.LINE)
                .series("total u = exc + inh + ext − θ", rec.time(), total, LineStyle.LINE)
                .series("state (0 or 1)", rec.time(), c[4], LineStyle.DASHED).build();
        return OutputDirectory.fileNames(p.writePngAndSvg(dir, "inputs"));
    }

    private static List<String> rateHistogram(Path dir, double[] rates, BalancedNetwork net, BalancedSolution theory) throws IOException {
        int bins = 50;
        double top = 1e-3;
        for (double r : rates) {
            top = Math.max(top, r);
        }
        // one range for both populations: [0, the largest rate], the whole data range (Histogram.note says otherwise)
        LinePlot.Builder b = Plots.plot("Distribution of time-averaged rates", RATE, Plots.DENSITY).logY(true);
        double floor = Double.POSITIVE_INFINITY;
        for (int pop = 0; pop < 2; pop++) {
            int from = pop == 0 ? 0 : net.nE();
            int to = pop == 0 ? net.nE() : net.size();
            Histogram h = Histogram.within(java.util.Arrays.copyOfRange(rates, from, to), bins, 0, top);
            String name = pop == 0 ? "E" : "I";
            double[] xt = null;
            double[] th = null;
            if (theory != null) {
                xt = new double[DENSITY_POINTS];
                th = new double[DENSITY_POINTS];
                for (int k = 0; k < DENSITY_POINTS; k++) {
                    xt[k] = top * (k + 0.5) / DENSITY_POINTS;
                    th[k] = theory.rateDensity(pop, xt[k]);
                }
            }
            Plots.histogram(b, name + " simulation", h, true, name + " mean field", xt, th);
            floor = Math.min(floor, 1.0 / Math.max(1, h.finite() * (top / bins)));
        }
        // the lowest non-empty bin sets the bottom (empty bins are not drawn); the theory below it leaves the plot
        return OutputDirectory.fileNames(b.yRange(0.3 * floor, Double.NaN).build().writePngAndSvg(dir, "rate_distribution"));
    }

    static double[] flatten(double[][] a) {
        int n = a[0].length;
        double[] out = new double[a.length * n];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * n, n);
        }
        return out;
    }
}
