package org.chaoslab.cli.deep;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.compare.DeepComparison;
import org.chaoslab.compare.DeepComparisonResult;
import org.chaoslab.compare.DeepLayerDeviations;
import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.Verdict;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.deep.DeepSimulation;
import org.chaoslab.theory.deep.DeepMeanField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab deepnet compare}: mean-field theory beside finite-width simulation. */
@Command(name = "compare", header = "Simulated deep random networks beside the mean-field maps.", mixinStandardHelpOptions = true,
        description = {"Simulate R random deep networks and lay them beside the mean-field maps, layer by layer: q^l, c^l, the "
                + "Jacobian's mean squared singular value (chi1 once q = q*), and for the circle (started at q^1 = q* unless "
                + "--circle-q0 is given) its length, curvature and length growth per layer (sqrt(chi1)). Deviations carry "
                + "standard errors over realizations and z-scores. Prints and records (summary.json verdicts) a verdict for q^l, "
                + "c^l, the Jacobian (all layers), the curvature (resolved layers) and the length growth: agrees when "
                + "|simulation - theory| <= t SE (Student t, R - 1 dof, Bonferroni, 1 %% family-wise) + the O(1/N) finite-width bias.",
                "Writes DIR/summary.json, layers.csv, .npy arrays and plots."})
final class DeepCompareCommand implements Callable<Integer> {

    @Mixin
    DeepSimulationOptions simulation;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return output.write(this::run);
    }

    private int run(OutputDirectory dir) throws Exception {
        Path out = dir.dir();
        DeepNetwork net = simulation.network();
        DeepSimulation settings = simulation.settings(8);
        Validate.atLeast("realizations", settings.realizations(), 2);
        DeepMeanField theory = new DeepMeanField();
        DeepNetworkInputs in = simulation.inputs();
        if (!simulation.circleLengthGiven()) {
            in = DeepComparison.circleAtFixedPoint(net, in, theory);
        }
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, "compare");
        DeepComparisonResult r = DeepComparison.run(net, in, settings, theory, progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        List<String> files = DeepSimulateCommand.writeArrays(out, r.recording(), in.hasCircle());
        double[] l = DeepOutputs.layerAxis(net.depth());
        CsvTable.builder().column("layer", l)
                .column("q_theory", r.q().theory()).column("q", r.q().simulation()).column("q_stderr", r.q().standardError())
                .column("c_theory", r.c().theory()).column("c", r.c().simulation()).column("c_stderr", r.c().standardError())
                .column("jacobian_theory", r.jacobian().theory()).column("jacobian", r.jacobian().simulation())
                .column("jacobian_stderr", r.jacobian().standardError())
                .column("circle_length_theory", r.circleLength().theory()).column("circle_length", r.circleLength().simulation())
                .column("circle_length_stderr", r.circleLength().standardError())
                .column("curvature_theory", r.curvature().theory()).column("curvature", r.curvature().simulation())
                .column("curvature_stderr", r.curvature().standardError()).build().write(out.resolve("layers.csv"));
        files.add("layers.csv");
        DeepOutputs.npy(out, files, "theory_q.npy", r.layers().q());
        DeepOutputs.npy(out, files, "theory_c.npy", r.layers().c());
        DeepOutputs.npy(out, files, "theory_jacobian.npy", r.layers().jacobian());
        String title = "N = " + net.width() + ", " + net.transfer().name() + ", σ_w² = " + net.weightVariance()
                + ", σ_b² = " + net.biasVariance() + ", R = " + r.recording().realizations();
        LinePlot.Builder layers = Plots.plot(title, Plots.LAYER, "length q^l, correlation c^l, Jacobian");
        Plots.pair(layers, "q^l theory", "q^l simulation", l, r.q().theory(), l, r.q().simulation(), r.q().standardError());
        Plots.pair(layers, "c^l theory", "c^l simulation", l, r.c().theory(), l, r.c().simulation(), r.c().standardError());
        Plots.pair(layers, "Jacobian theory", "Jacobian simulation", l, r.jacobian().theory(), l, r.jacobian().simulation(),
                r.jacobian().standardError());
        files.addAll(OutputDirectory.fileNames(layers.build().writePngAndSvg(out, "comparison")));
        if (in.hasCircle() && !net.hasDropout()) {
            DeepOutputs.npy(out, files, "theory_circle_length.npy", r.circle().lengthEuclidean());
            DeepOutputs.npy(out, files, "theory_curvature.npy", r.circle().curvature());
            LinePlot.Builder circle = Plots.plot("Circle of " + in.circlePoints() + " inputs, " + title, Plots.LAYER,
                    "length, curvature of the propagated circle").logY(true);
            Plots.pair(circle, "length theory", "length simulation", l, DeepOutputs.positive(r.circleLength().theory()), l,
                    DeepOutputs.positive(r.circleLength().simulation()), r.circleLength().standardError());
            Plots.pair(circle, "curvature theory", "curvature simulation", l, DeepOutputs.positive(r.curvature().theory()), l,
                    DeepOutputs.positive(r.curvature().simulation()), r.curvature().standardError());
            files.addAll(OutputDirectory.fileNames(circle.build().writePngAndSvg(out, "circle")));
        }
        dir.record(files);
        int depth = net.depth();
        int resolved = r.resolvedLayers();
        // |z| beyond which a deviation is significant: Student t (R − 1 dof), Bonferroni over the 3L layer values, 1 %
        double significantZ = DeepComparison.significanceThreshold(settings.realizations(), 3 * depth, 0.01);
        CompareOutput s = new CompareOutput(DeepMapsSummary.of(r.theory(), in.inputLength()), r.q().maxAbsZ(1, depth),
                r.c().maxAbsZ(1, depth), r.jacobian().maxAbsZ(1, depth),
                resolved > 0 ? r.curvature().maxAbsZ(1, resolved) : Double.NaN, significantZ, resolved,
                r.lengthGrowth(), Math.sqrt(r.theory().chi1()), r.q(), r.c(), r.jacobian(), r.circleLength(), r.curvature(),
                r.recording().problems(), r.recording().wallSeconds());
        List<Verdict> verdicts = verdicts(net, settings.realizations(), r, in.hasCircle() && !net.hasDropout());
        List<String> warnings = warnings(net, settings.realizations(), r, in.hasCircle() && !net.hasDropout());
        RunSummary.Builder summary = RunSummary.builder(spec, settings.threads())
                .status(r.recording().completed() ? RunSummary.COMPLETED : RunSummary.DIVERGED)
                .seed("master", settings.seed())
                .seed("realizations", settings.seed() + " .. " + (settings.seed() + settings.realizations() - 1))
                .seed("streams", DeepParameters.STREAMS);
        summary.result("theory", s.theory()).result("maxAbsZq", s.maxAbsZq()).result("maxAbsZc", s.maxAbsZc())
                .result("maxAbsZjacobian", s.maxAbsZjacobian()).result("maxAbsZcurvature", s.maxAbsZcurvature())
                .result("significantZ", s.significantZ()).result("resolvedCircleLayers", s.resolvedCircleLayers())
                .result("lengthGrowth", s.lengthGrowth()).result("sqrtChi1", s.sqrtChi1()).result("q", s.q()).result("c", s.c())
                .result("jacobian", s.jacobian()).result("circleLength", s.circleLength()).result("curvature", s.curvature())
                .result("problems", s.problems()).result("wallSeconds", s.wallSeconds())
                .result("network", DeepParameters.of(net, in, settings.realizations(), settings.seed()))
                .result("agrees", verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(summary::verdict);
        warnings.forEach(summary::warning);
        summary.writeTo(dir);
        report(s, verdicts, dir.target());
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        if (!r.recording().completed()) {
            r.recording().problems().forEach(p -> err.println("chaoslab: " + p));
            return Main.EXIT_DIVERGED;
        }
        return 0;
    }

    /**
     * One verdict per compared quantity (q^l, c^l, the Jacobian, the circle's curvature on its resolved layers, its
     * length growth), with the tolerances of DeepTheoryVsSimulationTest: t SE, t the Student quantile for R − 1
     * degrees of freedom with a Bonferroni correction to a 1 % family-wise false alarm (the 3L layer values, and
     * separately the circle's values), plus the O(1/N) bias a finite width leaves. A layer-wise quantity agrees when
     * every layer does; its verdict shows the layer nearest to (or furthest beyond) its tolerance.
     */
    static List<Verdict> verdicts(DeepNetwork net, int realizations, DeepComparisonResult r, boolean circle) {
        int depth = net.depth();
        double n = net.width();
        var th = r.theory();
        double t = DeepComparison.significanceThreshold(realizations, 3 * depth, 0.01);
        String family = String.format(java.util.Locale.ROOT, "%.3g SE (Student t, %d dof, Bonferroni over the 3L = %d layer values, "
                + "1 %% family-wise)", t, realizations - 1, 3 * depth);
        double xiQ = th.xiQ() >= 0 && th.xiQ() < depth ? th.xiQ() : depth;
        double xiC = th.xiC() >= 0 && th.xiC() < depth ? th.xiC() : depth;
        boolean qStar = Double.isFinite(th.qStar());
        List<Verdict> v = new ArrayList<>();
        double[] allowQ = new double[depth];
        double[] allowC = new double[depth];
        double[] allowJ = new double[depth];
        for (int l = 0; l < depth; l++) {
            allowQ[l] = 2 * (1 + xiQ) / n * (qStar ? th.qStar() : Math.abs(r.q().theory()[l]));
            allowC[l] = 2 * (1 + xiC) / n;
            allowJ[l] = 2 * (1 + xiQ) / n * Math.abs(r.jacobian().theory()[l]);
        }
        String fmt = "%s + 2(1 + xi)/N %s (finite-width bias accumulated over the relaxation depth xi_%s = %.3g, at most L)";
        v.add(worst("q^l", r.q(), depth, t, allowQ, String.format(java.util.Locale.ROOT, fmt, family, qStar ? "q*" : "q^l", "q", xiQ)));
        v.add(worst("c^l", r.c(), depth, t, allowC, String.format(java.util.Locale.ROOT, fmt, family, "(absolute)", "c", xiC)));
        v.add(worst("Jacobian", r.jacobian(), depth, t, allowJ,
                String.format(java.util.Locale.ROOT, fmt, family, "x theory", "q", xiQ)));
        int resolved = r.resolvedLayers();
        if (circle && resolved > 0) {
            int comparisons = resolved + (r.lengthGrowth() != null ? 1 : 0);
            double tc = DeepComparison.significanceThreshold(realizations, comparisons, 0.01);
            String circleFamily = String.format(java.util.Locale.ROOT, "%.3g SE (Student t, %d dof, Bonferroni over the %d circle "
                    + "values, 1 %% family-wise)", tc, realizations - 1, comparisons);
            double[] allowK = new double[resolved];
            for (int l = 0; l < resolved; l++) {
                allowK[l] = 2.0 * (2 + l) / n * Math.abs(r.curvature().theory()[l]);
            }
            v.add(worst("curvature", r.curvature(), resolved, tc, allowK, circleFamily
                    + " + 2(1 + l)/N relative (each layer's O(1/N) error feeds the next); resolved layers only"));
            Deviation g = r.lengthGrowth();
            if (g != null) {
                v.add(Verdict.within("circle length growth per layer", g, tc * g.standardError() + 3.0 / n * Math.abs(g.theory()),
                        circleFamily + " + 3/N relative (bias of the fitted log-growth, measured -2/N)"));
            }
        }
        return v;
    }

    /** The verdict of a layer-wise quantity on layers 1 … {@code layers}: the layer with the largest |difference|/tolerance. */
    private static Verdict worst(String name, DeepLayerDeviations d, int layers, double t, double[] allowance, String basis) {
        Verdict worst = null;
        double ratio = Double.NEGATIVE_INFINITY;
        int at = 1;
        for (int l = 0; l < layers; l++) {
            Deviation dev = Deviation.of(d.theory()[l], d.simulation()[l], d.standardError()[l]);
            double tol = t * d.standardError()[l] + allowance[l];
            double x = Math.abs(dev.difference()) / tol;
            if (!(x <= ratio) || worst == null) { // NaN counts as the worst
                ratio = Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
                worst = Verdict.within(name, dev, tol, basis);
                at = l + 1;
            }
        }
        Verdict w = worst;
        return new Verdict(name + " at layer " + at + " (the worst of " + layers + ")", w.theory(), w.simulation(), w.standardError(),
                w.tolerance(), w.agrees(), w.basis());
    }

    /** Runs too small for their estimates to mean anything. */
    static List<String> warnings(DeepNetwork net, int realizations, DeepComparisonResult r, boolean circle) {
        List<String> w = new ArrayList<>();
        double t = DeepComparison.significanceThreshold(realizations, 3 * net.depth(), 0.01);
        if (realizations < 3 || t > 10) {
            w.add(String.format(java.util.Locale.ROOT, "--realizations %d: with %d degree(s) of freedom and a Bonferroni correction "
                    + "over %d layer values the tolerance is %.3g standard errors, so only gross deviations show; use more "
                    + "realizations (8 give about 7)", realizations, realizations - 1, 3 * net.depth(), t));
        }
        if (net.width() < 200) {
            w.add("--width " + net.width() + " is small: the O(1/N) finite-width bias is " + String.format(java.util.Locale.ROOT, "%.2g",
                    1.0 / net.width()) + " per layer and beyond, and higher orders the allowance leaves out may matter");
        }
        if (circle && r.lengthGrowth() == null) {
            w.add("the circle is resolved on " + r.resolvedLayers() + " layer(s) only (fewer than 3): no length growth is "
                    + "compared; use more --circle-points");
        }
        return w;
    }

    private void report(CompareOutput s, List<Verdict> verdicts, Path target) {
        var o = spec.commandLine().getOut();
        o.printf("theory: phase %s, q* = %.6g, c* = %.6g, chi1 = %.6g, xi_c = %.4g%n", s.theory().phase(), s.theory().qStar(),
                s.theory().cStar(), s.theory().chi1(), s.theory().xiC());
        o.printf("max |z| over layers: q %.2f, c %.2f, jacobian %.2f, curvature %.2f (resolved layers %d); significant beyond |z| = %.2f%n",
                s.maxAbsZq(), s.maxAbsZc(), s.maxAbsZjacobian(), s.maxAbsZcurvature(), s.resolvedCircleLayers(),
                s.significantZ());
        o.println("  (Student t with R - 1 degrees of freedom, Bonferroni over the 3L layer values, 1 % family-wise; finite-width"
                + " bias of O(1/N) comes on top)");
        if (s.lengthGrowth() != null) {
            o.printf("circle length growth per layer: simulation %.5f +- %.5f, theory %.5f (sqrt(chi1) = %.5f), z = %.2f%n",
                    s.lengthGrowth().simulation(), s.lengthGrowth().standardError(), s.lengthGrowth().theory(), s.sqrtChi1(),
                    s.lengthGrowth().zScore());
        }
        verdicts.forEach(v -> o.println(v.line()));
        o.printf("%.1f s of simulation; wrote %s%n", s.wallSeconds(), target);
    }

    /** The results of deepnet compare (summary.json's results). */
    record CompareOutput(DeepMapsSummary theory, double maxAbsZq, double maxAbsZc,
                         double maxAbsZjacobian, double maxAbsZcurvature, double significantZ, int resolvedCircleLayers,
                         Deviation lengthGrowth,
                         double sqrtChi1, DeepLayerDeviations q, DeepLayerDeviations c, DeepLayerDeviations jacobian,
                         DeepLayerDeviations circleLength, DeepLayerDeviations curvature, List<String> problems,
                         double wallSeconds) {
    }
}
