package org.chaoslab.cli.deep;

import org.chaoslab.cli.common.OptionalOutputOptions;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.io.CsvTable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.theory.deep.CircleTrajectory;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.LayerTrajectory;
import org.chaoslab.theory.deep.SignalPropagation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab deepnet maps}: the mean-field signal-propagation summary of one (sigma_w^2, sigma_b^2). */
@Command(name = "maps", header = "Mean-field signal propagation through a deep random network.", mixinStandardHelpOptions = true,
        description = {"Mean-field signal propagation (N -> infinity): the length map's fixed point q* (or that none exists), "
                + "the correlation map's c*, chi1, chi_c, depth scales xi_q and xi_c, chi2, the circle's asymptotic curvature and the phase.",
                "With --out also the layer-by-layer maps for the probe inputs and the circle (CSV, .npy, plot) and summary.json."})
final class DeepMapsCommand implements Callable<Integer> {

    @Mixin
    DeepNetworkOptions network;

    @Mixin
    DeepInputOptions inputs;

    @Option(names = "--json", description = "Print the results as one JSON object (the results of summary.json).")
    boolean json;

    @Mixin
    OptionalOutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DeepNetwork net = network.network();
        inputs.validate();
        output.check();
        DeepMeanField theory = new DeepMeanField();
        SignalPropagation s = theory.solve(net, inputs.q0);
        RunSummary.Builder summary = RunSummary.builder(spec, 1).resultsOf(DeepMapsSummary.of(s, inputs.q0));
        var target = output.finish(summary, dir -> write(dir, net, theory, s, summary));
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(summary.results()));
        } else {
            print(o, s);
        }
        target.ifPresent(t -> o.println("wrote " + t));
        return 0;
    }

    private static void print(java.io.PrintWriter o, SignalPropagation s) {
        o.printf("phase             %s%n", s.phase().label());
        o.printf("qStar             %.10g%n", s.qStar());
        o.printf("convergenceDepth  %d%n", s.convergenceDepth());
        o.printf("cStar             %.10g%n", s.cStar());
        o.printf("chi1              %.10g%n", s.chi1());
        o.printf("chiC              %.10g%n", s.chiC());
        o.printf("xiQ               %.6g%n", s.xiQ());
        o.printf("xiC               %.6g%n", s.xiC());
        o.printf("chi2              %.6g%n", s.chi2());
        o.printf("curvatureStar     %.6g%n", s.curvatureStar());
        if (s.note() != null) {
            o.println(s.note());
        }
    }

    /** The layer-by-layer maps (CSV, .npy, plot); adds the network and the circle's note to the results. */
    private void write(OutputDirectory dir, DeepNetwork net, DeepMeanField theory, SignalPropagation s, RunSummary.Builder summary)
            throws java.io.IOException {
        Path out = dir.dir();
        double q0c = inputs.circleLengthGiven() || !s.qStarExists() || s.qStar() <= net.biasVariance()
                ? inputs.inputs(inputs.q0).circleLength() : (s.qStar() - net.biasVariance()) / net.weightVariance();
        DeepNetworkInputs in = inputs.inputs(q0c);
        LayerTrajectory t = theory.layers(net, in);
        CircleTrajectory c = theory.circle(net, in.circleLength());
        double[] l = DeepOutputs.layerAxis(net.depth());
        List<String> files = new ArrayList<>();
        CsvTable.builder().column("layer", l).column("q", t.q()).column("c", t.c()).column("jacobian", t.jacobian())
                .column("circle_q", c.q()).column("circle_length", c.lengthEuclidean())
                .column("grassmann_length", c.lengthGrassmann()).column("curvature", c.curvature()).build()
                .write(out.resolve("layers.csv"));
        files.add("layers.csv");
        DeepOutputs.npy(out, files, "q.npy", t.q());
        DeepOutputs.npy(out, files, "c.npy", t.c());
        DeepOutputs.npy(out, files, "jacobian.npy", t.jacobian());
        DeepOutputs.npy(out, files, "circle_length.npy", c.lengthEuclidean());
        DeepOutputs.npy(out, files, "curvature.npy", c.curvature());
        LinePlot plot = Plots.plot("Mean-field maps: " + net.transfer().name() + ", σ_w² = " + net.weightVariance() + ", σ_b² = "
                        + net.biasVariance(), Plots.LAYER, "length q^l, correlation c^l")
                .series("q^l", l, t.q(), LineStyle.LINE_AND_MARKERS)
                .series("c^l", l, t.c(), LineStyle.LINE_AND_MARKERS)
                .build();
        files.addAll(OutputDirectory.fileNames(plot.writePngAndSvg(out, "maps")));
        dir.record(files);
        summary.result("network", DeepParameters.of(net, in, null, null)).result("circleNote", c.note());
    }
}
