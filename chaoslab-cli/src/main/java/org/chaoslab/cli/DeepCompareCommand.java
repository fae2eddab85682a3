package org.chaoslab.cli;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.compare.DeepComparison;
import org.chaoslab.compare.DeepComparisonResult;
import org.chaoslab.compare.DeepLayerDeviations;
import org.chaoslab.compare.Deviation;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.RunMetadata;
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
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Simulate R random deep networks and lay them beside the mean-field maps, layer by layer: q^l, c^l, the",
                "Jacobian's mean squared singular value (chi1 once q = q*), and for the circle (started at q^1 = q* unless",
                "--circle-q0 is given) its length, curvature and length growth per layer (sqrt(chi1)). Deviations carry",
                "standard errors over realizations and z-scores. Writes DIR/summary.json, layers.csv, .npy arrays and plots."})
final class DeepCompareCommand implements Callable<Integer> {

    @Mixin
    DeepNetworkOptions network;

    @Mixin
    DeepInputOptions inputs;

    @Mixin
    DeepRunOptions run;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (OutputDirectory dir = output.prepare()) {
            int code = run(dir);
            dir.commit();
            return code;
        }
    }

    private int run(OutputDirectory dir) throws Exception {
        Path out = dir.dir();
        DeepNetwork net = network.network();
        inputs.validate();
        network.checkSimulation(inputs.pairs * 2 + inputs.circlePoints);
        DeepSimulation settings = run.settings(8);
        Validate.atLeast("realizations", settings.realizations(), 2);
        DeepMeanField theory = new DeepMeanField();
        DeepNetworkInputs in = inputs.inputs(inputs.q0);
        if (!inputs.circleLengthGiven()) {
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
        files.addAll(RateOutputs.names(LinePlot.builder().title(title).xLabel("layer l")
                .yLabel("q^l, c^l, Jacobian")
                .series("simulation q^l", l, r.q().simulation(), r.q().standardError(), LineStyle.MARKERS)
                .series("theory q^l", l, r.q().theory(), LineStyle.DASHED)
                .series("simulation c^l", l, r.c().simulation(), r.c().standardError(), LineStyle.MARKERS)
                .series("theory c^l", l, r.c().theory(), LineStyle.DASHED)
                .series("simulation Jacobian", l, r.jacobian().simulation(), r.jacobian().standardError(), LineStyle.MARKERS)
                .series("theory Jacobian", l, r.jacobian().theory(), LineStyle.DASHED)
                .build().writePngAndSvg(out, "comparison")));
        if (in.hasCircle() && !net.hasDropout()) {
            DeepOutputs.npy(out, files, "theory_circle_length.npy", r.circle().lengthEuclidean());
            DeepOutputs.npy(out, files, "theory_curvature.npy", r.circle().curvature());
            files.addAll(RateOutputs.names(LinePlot.builder().title("Circle of " + in.circlePoints() + " inputs, " + title)
                    .xLabel("layer l").yLabel("length, curvature").logY(true)
                    .series("simulation length", l, DeepOutputs.positive(r.circleLength().simulation()),
                            r.circleLength().standardError(), LineStyle.MARKERS)
                    .series("theory length", l, DeepOutputs.positive(r.circleLength().theory()), LineStyle.DASHED)
                    .series("simulation curvature", l, DeepOutputs.positive(r.curvature().simulation()),
                            r.curvature().standardError(), LineStyle.MARKERS)
                    .series("theory curvature", l, DeepOutputs.positive(r.curvature().theory()), LineStyle.DASHED)
                    .build().writePngAndSvg(out, "circle")));
        }
        files.add("summary.json");
        int depth = net.depth();
        int resolved = r.resolvedLayers();
        // |z| beyond which a deviation is significant: Student t (R − 1 dof), Bonferroni over the 3L layer values, 1 %
        double significantZ = DeepComparison.significanceThreshold(settings.realizations(), 3 * depth, 0.01);
        CompareOutput summary = new CompareOutput("deepnet compare", r.recording().completed() ? "completed" : "diverged",
                DeepMapsSummary.of(r.theory(), in.inputLength()), r.q().maxAbsZ(1, depth), r.c().maxAbsZ(1, depth),
                r.jacobian().maxAbsZ(1, depth), resolved > 0 ? r.curvature().maxAbsZ(1, resolved) : Double.NaN, significantZ,
                resolved,
                r.lengthGrowth(), Math.sqrt(r.theory().chi1()), r.q(), r.c(), r.jacobian(), r.circleLength(), r.curvature(),
                r.recording().problems(), r.recording().wallSeconds(), DeepParameters.of(net, in, settings.realizations(),
                settings.seed()), Metadata.capture(settings.threads()), files);
        JsonOutput.write(out.resolve("summary.json"), summary);
        report(summary, dir.target());
        if (!r.recording().completed()) {
            r.recording().problems().forEach(p -> err.println("chaoslab: " + p));
            return Main.EXIT_DIVERGED;
        }
        return 0;
    }

    private void report(CompareOutput s, Path target) {
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
        o.printf("%.1f s of simulation; wrote %s%n", s.wallSeconds(), target);
    }

    /** summary.json of deepnet compare. */
    record CompareOutput(String command, String status, DeepMapsSummary theory, double maxAbsZq, double maxAbsZc,
                         double maxAbsZjacobian, double maxAbsZcurvature, double significantZ, int resolvedCircleLayers,
                         Deviation lengthGrowth,
                         double sqrtChi1, DeepLayerDeviations q, DeepLayerDeviations c, DeepLayerDeviations jacobian,
                         DeepLayerDeviations circleLength, DeepLayerDeviations curvature, List<String> problems,
                         double wallSeconds, DeepParameters parameters, RunMetadata metadata, List<String> files) {
    }
}
