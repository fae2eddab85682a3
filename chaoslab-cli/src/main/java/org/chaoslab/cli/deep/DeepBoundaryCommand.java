package org.chaoslab.cli.deep;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.model.Validate;
import org.chaoslab.theory.deep.BoundaryCurve;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.OrderChaosBoundary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab deepnet boundary}: the order-chaos boundary chi1 = 1 as a curve. */
@Command(name = "boundary", mixinStandardHelpOptions = true,
        description = {"The order-chaos boundary chi1(sigma_w^2, sigma_b^2) = 1: for each sigma_b^2 the critical sigma_w^2 by root finding.",
                "Writes DIR/boundary.csv, boundary.png/.svg, .npy arrays and summary.json."})
final class DeepBoundaryCommand implements Callable<Integer> {

    @Option(names = "--phi", description = "Transfer function (as for maps). Default: ${DEFAULT-VALUE}.", defaultValue = "tanh")
    String phi;

    @Option(names = "--keep", description = "Dropout keep probability rho in (0, 1]. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double keep;

    @Option(names = "--sigma-b2-min", description = "Smallest sigma_b^2 (>= 0). Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double min;

    @Option(names = "--sigma-b2-max", description = "Largest sigma_b^2. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double max;

    @Option(names = "--points", description = "Points on the curve (>= 2). Default: ${DEFAULT-VALUE}.", defaultValue = "101")
    int points;

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
        TransferFunction f = TransferFunctions.parse(phi);
        Validate.finiteAtLeast("sigma-b2-min", min, 0.0);
        if (!(max > min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("sigma-b2-max must be finite and > sigma-b2-min (got " + max + ")");
        }
        Validate.atLeast("points", points, 2);
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep (dropout keep probability) must be in (0, 1] (got " + keep + ")");
        }
        double[] sb2 = new double[points];
        for (int k = 0; k < points; k++) {
            sb2[k] = min + (max - min) * k / (points - 1);
        }
        long start = System.nanoTime();
        BoundaryCurve curve = new OrderChaosBoundary(new DeepMeanField()).compute(f, keep, sb2);
        double seconds = (System.nanoTime() - start) * 1e-9;
        List<String> files = new ArrayList<>();
        CsvTable.builder().column("sigma_b2", curve.biasVariance()).column("sigma_w2", curve.weightVariance())
                .column("q_star", curve.qStar()).column("chi1", curve.chi1()).build().write(out.resolve("boundary.csv"));
        files.add("boundary.csv");
        DeepOutputs.npy(out, files, "sigma_b2.npy", curve.biasVariance());
        DeepOutputs.npy(out, files, "sigma_w2.npy", curve.weightVariance());
        LinePlot plot = Plots.plot("Order-chaos boundary χ_1 = 1: " + f.name() + (keep < 1 ? ", keep " + keep : ""),
                        Plots.WEIGHT_VARIANCE, Plots.BIAS_VARIANCE)
                .series("χ_1 = 1 (ordered left, chaotic right)", curve.weightVariance(), curve.biasVariance(), LineStyle.LINE)
                .build();
        files.addAll(OutputDirectory.fileNames(plot.writePngAndSvg(out, "boundary")));
        int missing = 0;
        for (double v : curve.weightVariance()) {
            missing += Double.isNaN(v) ? 1 : 0;
        }
        dir.record(files);
        RunSummary.builder(spec, 1).result("phi", f.name()).result("pointsWithoutCrossing", missing).result("wallSeconds", seconds)
                .writeTo(dir);
        var o = spec.commandLine().getOut();
        o.printf("boundary chi1 = 1 for %s: sigma_w^2 = %.6f at sigma_b^2 = %.3g ... %.6f at sigma_b^2 = %.3g (%d points, %.2f s)%n",
                f.name(), curve.weightVariance()[0], sb2[0], curve.weightVariance()[points - 1], sb2[points - 1], points, seconds);
        if (missing > 0) {
            o.printf("no crossing in sigma_w^2 in [1e-6, 1e6] at %d of the sigma_b^2 values (NaN in the CSV)%n", missing);
        }
        o.println("wrote " + dir.target());
        return 0;
    }

}
