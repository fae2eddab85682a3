package org.chaoslab.cli.explore;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.compare.KernelComparisonResult;
import org.chaoslab.compare.Verdict;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Marker;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.model.StimulusNetwork;

/**
 * The kernel view's export, per network ({@code binary}, {@code rate}) in the layout of {@code kernel theory --out} and
 * {@code compare kernel}: {@code delta.npy} (the theory's distances on [0, π]), {@code kernel_NETWORK.npy} (the theory's
 * cross-trial K(Δ)), and once simulated {@code kernel_NETWORK.csv} (compare kernel's kernel.csv: delta, theory,
 * simulation, simulation_se at the P/2 + 1 distances); the figures {@code kernel_NETWORK} (theory, simulation with its
 * standard errors, the same-trial K(0) at Δ = 0) as PNG and SVG; and summary.json (command {@code explore kernel}: the
 * view's options as parsed, the realizations' seeds, per network its description, the theory's m, K(0), K(0⁺), nugget
 * and chaos criterion, and the simulation's estimates with compare kernel's verdicts).
 */
final class KernelExport {

    private KernelExport() {
    }

    /**
     * What the view shows at one moment.
     *
     * @param params    the parameters
     * @param theories  the theory of each network (binary, rate)
     * @param results   the simulations finished so far, in the order of {@code theories}
     * @param threads   threads of the simulations
     */
    record Snapshot(KernelForm.Parameters params, List<KernelExplorer.Theory> theories, List<KernelComparisonResult> results,
                    int threads) {
    }

    /** The export of {@code s}: the zip of its output directory. */
    static ExploreView.Export zip(Snapshot s) throws IOException {
        return Exports.zip("kernel", dir -> write(dir, s), summary(s));
    }

    private static void write(OutputDirectory dir, Snapshot s) throws IOException {
        dir.npy("delta.npy", s.theories().getFirst().curve().delta());
        for (int k = 0; k < s.theories().size(); k++) {
            KernelExplorer.Theory t = s.theories().get(k);
            KernelComparisonResult r = k < s.results().size() ? s.results().get(k) : null;
            dir.npy("kernel_" + t.name() + ".npy", t.curve().kernel());
            StimulusNetwork net = t.run().network();
            LinePlot.Builder plot = Plots.plot(String.format(java.util.Locale.ROOT, "Kernel vs stimulus distance: %s, N = %d, "
                            + "g = %.3g, s = %.3g%s", net.kind().label(), net.n(), net.g(), s.params().scale(),
                            r == null ? "" : " (" + r.realizations() + " realizations)"), Plots.STIMULUS_DISTANCE,
                    Plots.label("kernel", "K(Δ) = (1/N) Σ_i r_i^a r_i^b", ""));
            double k0 = t.stats().sameTrial();
            if (r != null) {
                dir.csv("kernel_" + t.name() + ".csv", CsvTable.builder().column("delta", r.distances())
                        .column("theory", r.kernelTheory()).column("simulation", r.simulatedKernel())
                        .column("simulation_se", r.simulatedKernelError()).build());
                Plots.pair(plot, "cross-trial K(Δ) theory", "cross-trial K(Δ) simulation", t.curve().delta(), t.curve().kernel(),
                        r.distances(), r.simulatedKernel(), r.simulatedKernelError());
                Plots.pair(plot, "same trial K(0) theory", "same trial K(0) simulation", new double[] {0.0, 0.05 * Math.PI},
                        new double[] {k0, k0}, new double[] {0.0}, new double[] {r.sameTrial().value()},
                        new double[] {r.sameTrial().standardError()});
            } else {
                plot.series("cross-trial K(Δ) theory", t.curve().delta(), t.curve().kernel(), LineStyle.LINE)
                        .series(new PlotSeries("same trial K(0) theory", new double[] {0.0}, new double[] {k0}, null,
                                LineStyle.MARKERS).withMarker(Marker.DIAMOND));
            }
            dir.figure("kernel_" + t.name(), plot.build());
        }
    }

    /** summary.json of the export: command "explore kernel", the view's options as parsed. */
    private static RunSummary.Builder summary(Snapshot s) {
        KernelForm.Parameters p = s.params();
        RunSummary.Builder b = Exports.summary("kernel", new KernelForm(), p.values(), s.threads());
        long seed = p.binary().settings().seed();
        int realizations = p.binary().settings().realizations();
        b.seed("realizations", seed + " .. " + (seed + realizations - 1))
                .seed("streams", "couplings/<row>, stimuli/<feature>, initial/<p>/<t>, updates/<p>/<t>, noise/<p>/<t> (each "
                        + "realization's master seed; the binary and the rate network use the same seeds)");
        boolean agrees = true;
        for (int k = 0; k < s.theories().size(); k++) {
            KernelExplorer.Theory t = s.theories().get(k);
            Map<String, Object> net = new LinkedHashMap<>();
            StimulusNetwork n = t.run().network();
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("model", n.kind().label());
            description.put("n", n.n());
            description.put("g", n.g());
            description.put("j0", n.meanCoupling());
            description.put("s", p.scale());
            description.put(n.transfer() == null ? "theta" : "phi", n.transfer() == null ? n.threshold() : n.transfer().name());
            description.put("stimuli", t.run().stimuli().count());
            net.put("network", description);
            net.put("theory", t.stats());
            net.put("chaos", Map.of("criterion", t.chaos().name(), "value", t.chaos().value(), "chaotic", t.chaos().chaotic()));
            if (k < s.results().size()) {
                KernelComparisonResult r = s.results().get(k);
                net.put("meanResponse", r.meanResponse());
                net.put("sameTrialK0", r.sameTrial());
                net.put("crossTrialK0", r.kernelSimulation()[0]);
                net.put("nugget", r.nugget());
                net.put("realizations", r.realizations());
                net.put("diverged", r.diverged());
                net.put("wallSeconds", r.wallSeconds());
                net.put("agrees", r.agrees());
                agrees &= r.agrees();
                for (Verdict v : r.verdicts()) {
                    b.verdict(new Verdict(t.name() + " network: " + v.quantity(), v.theory(), v.simulation(), v.standardError(),
                            v.tolerance(), v.agrees(), v.basis()));
                }
            }
            b.result(t.name(), net);
        }
        if (s.results().size() < s.theories().size()) {
            b.warning("not every network was simulated when the view was exported: " + (s.results().isEmpty() ? "theory only"
                    : "the " + s.theories().get(s.results().size()).name() + " network has theory only"));
        } else {
            b.result("agrees", agrees);
        }
        return b;
    }
}
