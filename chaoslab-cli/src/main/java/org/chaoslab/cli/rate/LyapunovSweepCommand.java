package org.chaoslab.cli.rate;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.lyapunov.LyapunovAnalyzer;
import org.chaoslab.sim.lyapunov.LyapunovSettings;
import org.chaoslab.sim.lyapunov.LyapunovSpectrum;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.theory.dmft.DmftLyapunov;
import org.chaoslab.theory.dmft.DmftSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab lyapunov-sweep}: λ_max(g), DMFT beside simulation. */
@Command(name = "lyapunov-sweep", header = "The largest Lyapunov exponent against g: DMFT beside simulation.", mixinStandardHelpOptions = true,
        description = {"The largest Lyapunov exponent as a function of g: DMFT (N -> infinity; circular law below the",
                "transition) beside the QR estimate (k exponents, 95%% CI) and the two-replica estimate of one network per g",
                "(seed + index). Writes DIR/lambda_max_vs_g.csv, a plot (PNG and SVG) and summary.json."})
public final class LyapunovSweepCommand implements Callable<Integer> {

    @Option(names = "--g-values", split = ",", description = "Gains to sweep. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.8,1.2,1.5,2,2.5,3")
    double[] gValues;

    @Option(names = "--n", description = "Network size. Default: ${DEFAULT-VALUE}.", defaultValue = "500")
    int n;

    @Option(names = "--phi", description = "Transfer function (see dmft scs --help). Default: ${DEFAULT-VALUE}.", defaultValue = "tanh")
    String phi;

    @Option(names = "--k", description = "Exponents per network (>= 1). Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    int k;

    @Option(names = "--t", description = "Accumulation time per network. Default: ${DEFAULT-VALUE}.", defaultValue = "500")
    double t;

    @Option(names = "--dt", description = "Time step (RK4). Default: ${DEFAULT-VALUE}.", defaultValue = "0.1")
    double dt;

    @Option(names = "--warmup", description = "Transient of the state and warm-up of the tangent vectors. Default: ${DEFAULT-VALUE}.",
            defaultValue = "100")
    double warmup;

    @Option(names = "--seed", description = "Master seed; g index i uses seed + i. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Mixin
    ThreadsOptions threads;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One row of the sweep. */
    record Point(double g, double lambdaMaxDmft, double lambdaMax, double lambdaMaxCi, double lambdaMaxTwoReplica,
                 double lambdaMaxTwoReplicaCi, long seed) {
    }

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
        if (gValues.length == 0) {
            throw new IllegalArgumentException("--g-values must list at least one gain");
        }
        int th = threads.threads();
        var phiFn = TransferFunctions.parse(phi);
        DmftSolver solver = new DmftSolver();
        DmftLyapunov theory = new DmftLyapunov(solver.engine(), 0.01);
        List<Point> points = new ArrayList<>();
        var o = spec.commandLine().getOut();
        for (int i = 0; i < gValues.length; i++) {
            RateNetwork net = RateNetwork.scs(n, gValues[i], phiFn);
            double dmft = theory.largest(solver.solve(net), phiFn).lambdaMax();
            LyapunovSettings settings = new LyapunovSettings(dt, IntegratorKind.RK4, k, 1.0,
                    new LyapunovSettings.Warmup(warmup, warmup), t, seed + i, th, LyapunovSettings.DEFAULT_BATCHES, 1.0,
                    LyapunovSettings.DEFAULT_REPLICA_SEPARATION, 1.0);
            LyapunovSpectrum s = LyapunovAnalyzer.spectrum(RealizedRateNetwork.draw(net, seed + i, th), settings,
                    Progress.on(spec.commandLine().getErr(), "g = " + gValues[i]));
            Point p = new Point(gValues[i], dmft, s.lambdaMax(), s.lambdaMaxCi(), s.twoReplica().lambda().value(),
                    s.twoReplica().lambda().halfWidth(), seed + i);
            points.add(p);
            o.printf("g = %.3f  DMFT %.5f   QR %.5f +- %.5f   two replicas %.5f +- %.5f%n", p.g(), p.lambdaMaxDmft(),
                    p.lambdaMax(), p.lambdaMaxCi(), p.lambdaMaxTwoReplica(), p.lambdaMaxTwoReplicaCi());
        }
        double[] g = points.stream().mapToDouble(Point::g).toArray();
        double[] th1 = points.stream().mapToDouble(Point::lambdaMaxDmft).toArray();
        double[] sim = points.stream().mapToDouble(Point::lambdaMax).toArray();
        double[] ci = points.stream().mapToDouble(Point::lambdaMaxCi).toArray();
        double[] two = points.stream().mapToDouble(Point::lambdaMaxTwoReplica).toArray();
        double[] twoCi = points.stream().mapToDouble(Point::lambdaMaxTwoReplicaCi).toArray();
        List<String> files = new ArrayList<>();
        CsvTable.of(new String[] {"g", "lambdaMaxDmft", "lambdaMax", "lambdaMaxCi95", "lambdaMaxTwoReplica", "lambdaMaxTwoReplicaCi95"},
                g, th1, sim, ci, two, twoCi).write(out.resolve("lambda_max_vs_g.csv"));
        files.add("lambda_max_vs_g.csv");
        double[] gFine = new double[81];
        double[] thFine = new double[81];
        double lo = Arrays.stream(g).min().orElseThrow();
        double hi = Arrays.stream(g).max().orElseThrow();
        for (int j = 0; j < gFine.length; j++) {
            gFine[j] = lo + (hi - lo) * j / (gFine.length - 1.0);
            thFine[j] = theory.largest(solver.solve(RateNetwork.scs(n, gFine[j], phiFn)), phiFn).lambdaMax();
        }
        LinePlot.Builder plot = Plots.plot("Largest Lyapunov exponent, N = " + n + ", φ = " + phiFn.name(), Plots.GAIN,
                Plots.lyapunov("λ_max"));
        // both estimators measure the DMFT curve: its colour, distinct markers, set slightly apart
        int slot = Plots.pair(plot, "DMFT (N → ∞)", "QR (95% CI)", gFine, thFine, Plots.dodge(g, 0, 2, false), sim, ci);
        Plots.estimate(plot, "two replicas (95% CI)", Plots.dodge(g, 1, 2, false), two, twoCi, slot, 1);
        files.addAll(OutputDirectory.fileNames(plot.build().writePngAndSvg(out, "lambda_max_vs_g")));
        dir.record(files);
        RunSummary.builder(spec, th).seed("master", seed).seed("networks", seed + " .. " + (seed + gValues.length - 1)
                        + " (g index i uses master + i)")
                .seed("streams", "couplings/<row>, initial/0, ons, replica (under each network's seed)")
                .result("phi", phiFn.name()).result("integrator", "rk4").result("points", points).writeTo(dir);
        o.printf("wrote %s%n", dir.target());
        return 0;
    }
}
