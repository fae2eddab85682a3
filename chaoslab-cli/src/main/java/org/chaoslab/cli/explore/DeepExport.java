package org.chaoslab.cli.explore;

import java.io.IOException;
import java.util.Map;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.cli.deep.DeepMapsSummary;
import org.chaoslab.cli.deep.DeepParameters;
import org.chaoslab.compare.DeepComparison;
import org.chaoslab.compare.DeepComparisonResult;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.HeatmapPlot;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.sim.deep.LayerSeries;
import org.chaoslab.theory.deep.DeepPhase;
import org.chaoslab.theory.deep.PhaseDiagramGrid;

/**
 * The deep view's export, with the file names of {@code deepnet phase-diagram} and {@code deepnet compare} where they
 * overlap: the diagram ({@code sigma_w2.npy}, {@code sigma_b2.npy}, {@code chi1.npy}, {@code xi_c.npy},
 * {@code q_star.npy}, {@code c_star.npy} of shape (n_w, n_b), {@code boundary_sigma_b2.npy},
 * {@code boundary_sigma_w2.npy}), the chosen point's maps as functions ({@code q_map.npy}: rows q, 𝒱(q);
 * {@code c_map.npy}: rows c, 𝒞(c) at q*), the layers ({@code theory_q.npy}, {@code theory_c.npy}, and when the
 * simulation has finished {@code q.npy} and {@code c.npy} of shape (R, L) and {@code layers.csv} with theory, mean and
 * standard error per layer), the figures {@code chi1} (the χ1 map with the boundary and the point), {@code length_map},
 * {@code correlation_map} and {@code comparison} as PNG and SVG, and summary.json (command {@code explore deep}: every
 * option of the CLI's deep network, inputs and run as parsed, seeds and streams as {@code deepnet compare} writes them,
 * the point's mean field as {@code deepnet maps} writes it, the diagram's counts and the simulation's z-scores).
 */
final class DeepExport {

    private DeepExport() {
    }

    /**
     * What the view shows at one moment.
     *
     * @param params     the point and network
     * @param diagram    the phase diagram of its φ
     * @param point      the mean field at the point
     * @param comparison the simulation beside it, or null while it runs
     * @param threads    threads of the simulation
     */
    record Snapshot(DeepForm.Parameters params, DeepDiagrams.Diagram diagram, DeepExplorer.Point point,
                    DeepComparisonResult comparison, int threads) {
    }

    /** The export of {@code s}: the zip of its output directory. */
    static ExploreView.Export zip(Snapshot s) throws IOException {
        return Exports.zip("deep", dir -> write(dir, s), summary(s));
    }

    private static void write(OutputDirectory dir, Snapshot s) throws IOException {
        PhaseDiagramGrid g = s.diagram().grid();
        int nw = g.weightVariance().length;
        int nb = g.biasVariance().length;
        DeepNetwork net = s.params().network();
        dir.npy("sigma_w2.npy", g.weightVariance());
        dir.npy("sigma_b2.npy", g.biasVariance());
        dir.npy("chi1.npy", g.chi1(), nw, nb);
        dir.npy("xi_c.npy", g.xiC(), nw, nb);
        dir.npy("q_star.npy", g.qStar(), nw, nb);
        dir.npy("c_star.npy", g.cStar(), nw, nb);
        dir.npy("boundary_sigma_b2.npy", s.diagram().boundary().biasVariance());
        dir.npy("boundary_sigma_w2.npy", s.diagram().boundary().weightVariance());
        PlotSeries boundary = new PlotSeries("χ_1 = 1", s.diagram().boundary().weightVariance(),
                s.diagram().boundary().biasVariance(), null, LineStyle.LINE);
        PlotSeries here = new PlotSeries("σ_w² = " + net.weightVariance() + ", σ_b² = " + net.biasVariance(),
                new double[] {net.weightVariance()}, new double[] {net.biasVariance()}, null, LineStyle.MARKERS);
        dir.figure("chi1", HeatmapPlot.builder().title("χ_1 = σ_w² ⟨φ′(h)²⟩: " + g.phi()).xLabel(Plots.WEIGHT_VARIANCE)
                .yLabel(Plots.BIAS_VARIANCE).colorLabel("χ_1").grid(g.weightVariance(), g.biasVariance(), g.chi1())
                .overlay(boundary).overlay(here).build());
        DeepExplorer.Point p = s.point();
        dir.npy("q_map.npy", concat(p.q(), p.qNext()), 2, p.q().length);
        String where = net.transfer().name() + ", σ_w² = " + net.weightVariance() + ", σ_b² = " + net.biasVariance();
        LinePlot.Builder qMap = Plots.plot("Length map q^l = 𝒱(q^{l−1}): " + where, Plots.label("length", "q^{l−1}", ""),
                        Plots.label("length", "q^l", ""))
                .series("𝒱(q)", p.q(), p.qNext(), LineStyle.LINE)
                .reference("identity", new double[] {0.0, p.q()[p.q().length - 1]}, new double[] {0.0, p.q()[p.q().length - 1]});
        dir.figure("length_map", qMap.build());
        if (p.c().length > 0) {
            dir.npy("c_map.npy", concat(p.c(), p.cNext()), 2, p.c().length);
            dir.figure("correlation_map", Plots.plot("Correlation map c^l = 𝒞(c^{l−1}) at q*: " + where,
                            Plots.label("correlation", "c^{l−1}", ""), Plots.label("correlation", "c^l", ""))
                    .series("𝒞(c)", p.c(), p.cNext(), LineStyle.LINE)
                    .reference("identity", new double[] {-1.0, 1.0}, new double[] {-1.0, 1.0}).build());
        }
        dir.npy("theory_q.npy", p.layers().q());
        dir.npy("theory_c.npy", p.layers().c());
        double[] l = new double[net.depth()];
        for (int i = 0; i < l.length; i++) {
            l[i] = i + 1;
        }
        DeepComparisonResult r = s.comparison();
        LinePlot.Builder layers = Plots.plot("N = " + net.width() + ", " + where + (r == null ? "" : ", R = "
                + r.recording().realizations()), Plots.LAYER, "length q^l, correlation c^l");
        if (r != null) {
            npy(dir, "q.npy", r.recording().q());
            npy(dir, "c.npy", r.recording().c());
            dir.csv("layers.csv", CsvTable.builder().column("layer", l)
                    .column("q_theory", r.q().theory()).column("q", r.q().simulation()).column("q_stderr", r.q().standardError())
                    .column("c_theory", r.c().theory()).column("c", r.c().simulation()).column("c_stderr", r.c().standardError())
                    .build());
            Plots.pair(layers, "q^l theory", "q^l simulation", l, r.q().theory(), l, r.q().simulation(), r.q().standardError());
            Plots.pair(layers, "c^l theory", "c^l simulation", l, r.c().theory(), l, r.c().simulation(), r.c().standardError());
        } else {
            layers.series("q^l theory", l, p.layers().q(), LineStyle.LINE).series("c^l theory", l, p.layers().c(), LineStyle.LINE);
        }
        dir.figure("comparison", layers.build());
    }

    private static void npy(OutputDirectory dir, String name, LayerSeries s) throws IOException {
        dir.npy(name, s.values(), s.realizations(), s.depth());
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** summary.json of the export: command "explore deep", the options of deepnet compare as parsed. */
    private static RunSummary.Builder summary(Snapshot s) {
        DeepForm.Parameters p = s.params();
        RunSummary.Builder b = Exports.summary("deep", new DeepForm(), p.values(), s.threads());
        long seed = p.settings().seed();
        b.seed("master", seed)
                .seed("realizations", seed + " .. " + (seed + p.settings().realizations() - 1))
                .seed("streams", DeepParameters.STREAMS);
        b.result("theory", DeepMapsSummary.of(s.point().summary(), p.inputs().inputLength()));
        PhaseDiagramGrid g = s.diagram().grid();
        int[] counts = new int[DeepPhase.values().length];
        for (int i = 0; i < g.weightVariance().length; i++) {
            for (int j = 0; j < g.biasVariance().length; j++) {
                counts[g.phase(i, j).ordinal()]++;
            }
        }
        b.result("diagram", Map.of("phi", g.phi(), "nw", g.weightVariance().length, "nb", g.biasVariance().length,
                "engine", g.engine(), "seconds", s.diagram().seconds(), "ordered", counts[DeepPhase.ORDERED.ordinal()],
                "chaotic", counts[DeepPhase.CHAOTIC.ordinal()], "unbounded", counts[DeepPhase.UNBOUNDED.ordinal()]));
        DeepComparisonResult r = s.comparison();
        if (r != null) {
            int depth = p.network().depth();
            b.status(r.recording().completed() ? RunSummary.COMPLETED : RunSummary.DIVERGED)
                    .result("maxAbsZq", r.q().maxAbsZ(1, depth)).result("maxAbsZc", r.c().maxAbsZ(1, depth))
                    .result("significantZ", DeepComparison.significanceThreshold(r.recording().realizations(), 2 * depth, 0.01))
                    .result("q", r.q()).result("c", r.c()).result("problems", r.recording().problems())
                    .result("wallSeconds", r.recording().wallSeconds());
        } else {
            b.warning("the simulation had not finished when the view was exported: theory only");
        }
        return b;
    }
}
