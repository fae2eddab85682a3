package org.chaoslab.cli.deep;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LineStyle;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.deep.DeepRecording;
import org.chaoslab.sim.deep.DeepSimulation;
import org.chaoslab.sim.deep.DeepSimulator;
import org.chaoslab.sim.deep.LayerSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab deepnet simulate}: finite-width random deep networks. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate R finite-width random deep networks (realization r uses seed + r), propagating input pairs and "
                + "a circle of inputs with one matrix product per layer. Writes DIR/summary.json (per-layer means and standard "
                + "errors), arrays (R, L) as .npy, layers.csv and plots. Exit code 3 if a realization diverges (NaN/Inf)."})
final class DeepSimulateCommand implements Callable<Integer> {

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
        DeepNetworkInputs in = simulation.inputs();
        DeepSimulation settings = simulation.settings(4);
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, "simulate");
        DeepRecording rec = DeepSimulator.run(net, in, settings, progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        List<String> files = writeArrays(out, rec, in.hasCircle());
        DeepLayerStatistics stats = DeepLayerStatistics.of(rec);
        double[] l = DeepOutputs.layerAxis(net.depth());
        CsvTable.builder().column("layer", l).column("q", stats.q()).column("q_stderr", stats.qStdErr()).column("c", stats.c())
                .column("c_stderr", stats.cStdErr()).column("jacobian", stats.jacobian())
                .column("jacobian_stderr", stats.jacobianStdErr()).column("circle_length", stats.circleLength())
                .column("circle_length_stderr", stats.circleLengthStdErr()).column("curvature", stats.curvature())
                .column("curvature_stderr", stats.curvatureStdErr()).build().write(out.resolve("layers.csv"));
        files.add("layers.csv");
        String title = "N = " + net.width() + ", " + net.transfer().name() + ", σ_w² = " + net.weightVariance()
                + ", σ_b² = " + net.biasVariance() + ", R = " + rec.realizations();
        files.addAll(OutputDirectory.fileNames(Plots.plot(title, Plots.LAYER, "length q^l, correlation c^l")
                .series("q^l", l, stats.q(), stats.qStdErr(), LineStyle.LINE_AND_MARKERS)
                .series("c^l", l, stats.c(), stats.cStdErr(), LineStyle.LINE_AND_MARKERS)
                .build().writePngAndSvg(out, "layers")));
        if (in.hasCircle()) {
            files.addAll(OutputDirectory.fileNames(Plots.plot("Circle of " + in.circlePoints() + " inputs, " + title, Plots.LAYER,
                            "length of the propagated circle").logY(true)
                    .series("Euclidean length", l, DeepOutputs.positive(stats.circleLength()), stats.circleLengthStdErr(),
                            LineStyle.LINE_AND_MARKERS)
                    .series("Grassmannian length", l, DeepOutputs.positive(stats.grassmannLength()),
                            stats.grassmannLengthStdErr(), LineStyle.LINE_AND_MARKERS)
                    .build().writePngAndSvg(out, "circle")));
        }
        dir.record(files);
        RunSummary.builder(spec, settings.threads()).status(rec.completed() ? RunSummary.COMPLETED : RunSummary.DIVERGED)
                .seed("master", settings.seed())
                .seed("realizations", settings.seed() + " .. " + (settings.seed() + settings.realizations() - 1))
                .seed("streams", DeepParameters.STREAMS)
                .result("problems", rec.problems()).result("wallSeconds", rec.wallSeconds()).result("layers", stats)
                .result("network", DeepParameters.of(net, in, settings.realizations(), settings.seed())).writeTo(dir);
        if (!rec.completed()) {
            rec.problems().forEach(p -> err.println("chaoslab: " + p));
            return Main.EXIT_DIVERGED;
        }
        int last = net.depth();
        spec.commandLine().getOut().printf("layer %d: q = %.5f +- %.5f, c = %.5f +- %.5f, jacobian = %.5f +- %.5f; %d realizations in %.2f s; wrote %s%n",
                last, stats.q()[last - 1], stats.qStdErr()[last - 1], stats.c()[last - 1], stats.cStdErr()[last - 1],
                stats.jacobian()[last - 1], stats.jacobianStdErr()[last - 1], rec.realizations(), rec.wallSeconds(), dir.target());
        return 0;
    }

    /** The raw (R, L) arrays. */
    static List<String> writeArrays(Path dir, DeepRecording rec, boolean circle) throws IOException {
        List<String> files = new ArrayList<>();
        npy(dir, files, "q.npy", rec.q());
        npy(dir, files, "c.npy", rec.c());
        npy(dir, files, "jacobian.npy", rec.jacobian());
        if (circle) {
            npy(dir, files, "circle_q.npy", rec.circleQ());
            npy(dir, files, "circle_length.npy", rec.circleLength());
            npy(dir, files, "grassmann_length.npy", rec.grassmannLength());
            npy(dir, files, "curvature.npy", rec.curvature());
            npy(dir, files, "max_turning.npy", rec.maxTurning());
        }
        return files;
    }

    private static void npy(Path dir, List<String> files, String name, LayerSeries s) throws IOException {
        DeepOutputs.npy(dir, files, name, s.values(), s.realizations(), s.depth());
    }
}
