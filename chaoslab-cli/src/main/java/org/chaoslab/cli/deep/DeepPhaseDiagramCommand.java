package org.chaoslab.cli.deep;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.io.HeatmapPlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.model.Validate;
import org.chaoslab.theory.deep.BoundaryCurve;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.DeepPhase;
import org.chaoslab.theory.deep.OrderChaosBoundary;
import org.chaoslab.theory.deep.PhaseDiagram;
import org.chaoslab.theory.deep.PhaseDiagramGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab deepnet phase-diagram}: chi1, xi_c and friends on a (sigma_w^2, sigma_b^2) grid. */
@Command(name = "phase-diagram", mixinStandardHelpOptions = true,
        description = {"The phase diagram on a grid: q*, c*, chi1, chi_c, xi_q, xi_c at every (sigma_w^2, sigma_b^2).",
                "Writes DIR/*.npy grids of shape (n_w, n_b) with the axes sigma_w2.npy, sigma_b2.npy, heat maps "
                + "chi1/xi_c/c_star .png/.svg with the boundary chi1 = 1 drawn over them, and summary.json with the timing.",
                "Bounds: each point takes <= 33 length-map steps (3 plain + <= 30 Newton) and <= "
                + "12 Newton steps for c*, roots by Brent in <= 500 evaluations: about 1.2e-4 s "
                + "per point per thread (30 x that with --accurate), e.g. 5 s for the default 200 "
                + "x 200 on 2 threads; a terminal is told the bound before a grid over 5 s."})
final class DeepPhaseDiagramCommand implements Callable<Integer> {

    @Option(names = "--phi", description = "Transfer function (as for maps). Default: ${DEFAULT-VALUE}.", defaultValue = "tanh")
    String phi;

    @Option(names = "--keep", description = "Dropout keep probability rho in (0, 1]. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double keep;

    @Option(names = "--sigma-w2-min", description = "Default: ${DEFAULT-VALUE}.", defaultValue = "0.5")
    double wMin;

    @Option(names = "--sigma-w2-max", description = "Default: ${DEFAULT-VALUE}.", defaultValue = "5.0")
    double wMax;

    @Option(names = "--sigma-b2-min", description = "Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double bMin;

    @Option(names = "--sigma-b2-max", description = "Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double bMax;

    @Option(names = "--resolution", description = "Grid points per axis (>= 2). Default: ${DEFAULT-VALUE}.", defaultValue = "200")
    int resolution;

    @Option(names = "--accurate", description = "Use the default Gaussian engine (tolerance 1e-9, about 25x slower) instead of the grid engine.")
    boolean accurate;

    @Mixin
    ThreadsOptions threads;

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
        Validate.positive("sigma-w2-min", wMin);
        Validate.finiteAtLeast("sigma-b2-min", bMin, 0.0);
        if (!(wMax > wMin) || !Double.isFinite(wMax)) {
            throw new IllegalArgumentException("sigma-w2-max must be finite and > sigma-w2-min (got " + wMax + ")");
        }
        if (!(bMax > bMin) || !Double.isFinite(bMax)) {
            throw new IllegalArgumentException("sigma-b2-max must be finite and > sigma-b2-min (got " + bMax + ")");
        }
        Validate.atLeast("resolution", resolution, 2);
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep (dropout keep probability) must be in (0, 1] (got " + keep + ")");
        }
        int th = threads.threads();
        double[] sw = axis(wMin, wMax, resolution);
        double[] sb = axis(bMin, bMax, resolution);
        DeepMeanField theory = accurate ? new DeepMeanField() : PhaseDiagram.gridTheory();
        // measured on 2 shared cores: about 1.2e-4 s per point per thread on the grid engine, 3.7e-3 s with --accurate;
        // three times that as the bound
        double perPoint = accurate ? 7.4e-3 : 2.3e-4;
        long bound = Math.round(3 * perPoint * sw.length * (double) sb.length / th);
        if (bound > 5) {
            Progress.notice(spec.commandLine().getErr(), "the phase diagram on " + sw.length + " x " + sb.length + " points", bound);
        }
        long start = System.nanoTime();
        PhaseDiagramGrid grid;
        try (ParallelRows pool = new ParallelRows(th)) {
            grid = new PhaseDiagram(theory).compute(f, keep, sw, sb, pool);
        }
        double gridSeconds = (System.nanoTime() - start) * 1e-9;
        // the boundary curve drawn over the maps: 81 points, denser at small sigma_b^2 where it bends most
        double[] bb = new double[81];
        for (int k = 0; k < bb.length; k++) {
            double u = k / (bb.length - 1.0);
            bb[k] = bMin + (bMax - bMin) * u * u;
        }
        BoundaryCurve boundary = new OrderChaosBoundary(new DeepMeanField()).compute(f, keep, bb);
        List<String> files = new ArrayList<>();
        int nw = sw.length;
        int nb = sb.length;
        DeepOutputs.npy(out, files, "sigma_w2.npy", sw);
        DeepOutputs.npy(out, files, "sigma_b2.npy", sb);
        DeepOutputs.npy(out, files, "chi1.npy", grid.chi1(), nw, nb);
        DeepOutputs.npy(out, files, "xi_c.npy", grid.xiC(), nw, nb);
        DeepOutputs.npy(out, files, "xi_q.npy", grid.xiQ(), nw, nb);
        DeepOutputs.npy(out, files, "q_star.npy", grid.qStar(), nw, nb);
        DeepOutputs.npy(out, files, "c_star.npy", grid.cStar(), nw, nb);
        DeepOutputs.npy(out, files, "chi_c.npy", grid.chiC(), nw, nb);
        DeepOutputs.npy(out, files, "boundary_sigma_b2.npy", boundary.biasVariance());
        DeepOutputs.npy(out, files, "boundary_sigma_w2.npy", boundary.weightVariance());
        PlotSeries line = new PlotSeries("χ_1 = 1", boundary.weightVariance(), boundary.biasVariance(), null, LineStyle.LINE);
        String what = f.name() + (keep < 1 ? ", keep " + keep : "");
        files.addAll(OutputDirectory.fileNames(heatmap("χ_1 = σ_w² ⟨φ′(h)²⟩: " + what, "χ_1", sw, sb, grid.chi1(), false,
                Double.NaN, Double.NaN, line).writePngAndSvg(out, "chi1")));
        files.addAll(OutputDirectory.fileNames(heatmap("depth scale ξ_c (colours clipped at 100): " + what, "depth scale ξ_c (layers)",
                sw, sb, grid.xiC(), true, Double.NaN, 100.0, line).writePngAndSvg(out, "xi_c")));
        files.addAll(OutputDirectory.fileNames(heatmap("fixed point c*: " + what, "correlation fixed point c*", sw, sb, grid.cStar(),
                false, Double.NaN, 1.0, line).writePngAndSvg(out, "c_star")));
        int[] counts = new int[DeepPhase.values().length];
        for (int i = 0; i < nw; i++) {
            for (int j = 0; j < nb; j++) {
                counts[grid.phase(i, j).ordinal()]++;
            }
        }
        dir.record(files);
        RunSummary.builder(spec, th).result("phi", f.name()).result("nw", nw).result("nb", nb).result("gridSeconds", gridSeconds)
                .result("pointsPerSecond", nw * nb / gridSeconds).result("engine", grid.engine())
                .result("ordered", counts[DeepPhase.ORDERED.ordinal()]).result("chaotic", counts[DeepPhase.CHAOTIC.ordinal()])
                .result("critical", counts[DeepPhase.CRITICAL.ordinal()]).result("unbounded", counts[DeepPhase.UNBOUNDED.ordinal()])
                .writeTo(dir);
        var o = spec.commandLine().getOut();
        o.printf("phase diagram %d x %d (%d points) in %.2f s on %d threads (%s); ordered %d, chaotic %d, unbounded %d%n",
                nw, nb, nw * nb, gridSeconds, th, grid.engine(), counts[DeepPhase.ORDERED.ordinal()],
                counts[DeepPhase.CHAOTIC.ordinal()], counts[DeepPhase.UNBOUNDED.ordinal()]);
        o.println("wrote " + dir.target());
        return 0;
    }

    private static HeatmapPlot heatmap(String title, String label, double[] sw, double[] sb, double[] z, boolean log,
                                       double min, double max, PlotSeries line) {
        return HeatmapPlot.builder().title(title).xLabel(Plots.WEIGHT_VARIANCE).yLabel(Plots.BIAS_VARIANCE).colorLabel(label)
                .grid(sw, sb, z).logColor(log).colorRange(min, max).overlay(line).build();
    }

    static double[] axis(double lo, double hi, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = lo + (hi - lo) * k / (n - 1);
        }
        return a;
    }
}
