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
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.lyapunov.LyapunovAnalyzer;
import org.chaoslab.sim.lyapunov.LyapunovSettings;
import org.chaoslab.sim.lyapunov.LyapunovSpectrum;
import org.chaoslab.sim.lyapunov.TwoReplicaBatch;
import org.chaoslab.sim.lyapunov.TwoReplicaPoint;
import org.chaoslab.sim.rate.GainBatch;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.theory.dmft.DmftLyapunov;
import org.chaoslab.theory.dmft.DmftSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab lyapunov-sweep}: λ_max(g), DMFT beside simulation. */
@Command(name = "lyapunov-sweep", header = "The largest Lyapunov exponent against g: DMFT beside simulation.", mixinStandardHelpOptions = true,
        description = {"The largest Lyapunov exponent as a function of g: DMFT (N -> infinity; circular law below the "
                + "transition) beside the QR estimate (k exponents, 95%% CI) and the two-replica estimate of one network per g "
                + "(seed + index). Writes DIR/lambda_max_vs_g.csv, a plot (PNG and SVG) and summary.json.",
                "--same-network: every g on one realization (seed): J_g = g J_1, the quenched-disorder comparison across g.",
                "--method two-replica: the two-replica estimate alone (no QR, --k unused; the CSV has no QR columns); with "
                + "--same-network all gains run as one batch, every g a pair of columns of one matrix product per stage."})
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

    @Option(names = "--seed", description = "Master seed; g index i uses seed + i (with --same-network every g uses seed). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Option(names = "--same-network", description = "Run every g on one realization drawn from --seed (J_g = g J_1, the same "
            + "initial state and replica direction) instead of one network per g.")
    boolean sameNetwork;

    @Option(names = "--method", description = "qr: the QR estimate (k exponents) with the two-replica estimate along the "
            + "same trajectory, one run per g; two-replica: the two-replica estimate alone (with --same-network all g in "
            + "one batch). Default: ${DEFAULT-VALUE}.", defaultValue = "qr")
    String method;

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

    /** One row of a two-replica sweep ({@code --method two-replica}); status completed or diverged (then NaN). */
    record PairPoint(double g, double lambdaMaxDmft, double lambdaMaxTwoReplica, double lambdaMaxTwoReplicaCi, long seed,
                     String status) {
    }

    @Override
    public Integer call() throws Exception {
        return output.write(this::run);
    }

    private int run(OutputDirectory dir) throws Exception {
        if (gValues.length == 0) {
            throw new IllegalArgumentException("--g-values must list at least one gain");
        }
        boolean twoReplica = switch (method) {
            case "qr" -> false;
            case TwoReplicaResults.METHOD -> true;
            default -> throw new IllegalArgumentException("--method must be qr or two-replica (got '" + method + "')");
        };
        var phiFn = TransferFunctions.parse(phi);
        DmftSolver solver = new DmftSolver();
        DmftLyapunov theory = new DmftLyapunov(solver.engine(), 0.01);
        double[] dmft = new double[gValues.length];
        for (int i = 0; i < gValues.length; i++) {
            dmft[i] = theory.largest(solver.solve(RateNetwork.scs(n, gValues[i], phiFn)), phiFn).lambdaMax();
        }
        return twoReplica ? writeTwoReplica(dir, twoReplicaPoints(phiFn, dmft), theory, solver, phiFn)
                : writeQr(dir, qrPoints(phiFn, dmft), theory, solver, phiFn);
    }

    /** The seed of the network (and of its initial state and replica) of g index i. */
    private long seedOf(int i) {
        return sameNetwork ? seed : seed + i;
    }

    private LyapunovSettings settings(int i) {
        int kk = TwoReplicaResults.METHOD.equals(method) ? 1 : k;   // no tangent vectors in the two-replica method
        return new LyapunovSettings(dt, IntegratorKind.RK4, kk, 1.0, new LyapunovSettings.Warmup(warmup, warmup), t, seedOf(i),
                threads.threads(), LyapunovSettings.DEFAULT_BATCHES, 1.0, LyapunovSettings.DEFAULT_REPLICA_SEPARATION, 1.0);
    }

    /** The QR method: one analyzer run per g (on the shared realization with --same-network). */
    private List<Point> qrPoints(TransferFunction phiFn, double[] dmft) {
        List<Point> points = new ArrayList<>();
        var o = spec.commandLine().getOut();
        for (int i = 0; i < gValues.length; i++) {
            RateNetwork net = RateNetwork.scs(n, gValues[i], phiFn);
            LyapunovSettings settings = settings(i);
            LyapunovSpectrum s = LyapunovAnalyzer.spectrum(RealizedRateNetwork.draw(net, seedOf(i), settings.threads()), settings,
                    Progress.on(spec.commandLine().getErr(), "g = " + gValues[i]));
            Point p = new Point(gValues[i], dmft[i], s.lambdaMax(), s.lambdaMaxCi(), s.twoReplica().lambda().value(),
                    s.twoReplica().lambda().halfWidth(), seedOf(i));
            points.add(p);
            o.printf("g = %.3f  DMFT %.5f   QR %.5f +- %.5f   two replicas %.5f +- %.5f%n", p.g(), p.lambdaMaxDmft(),
                    p.lambdaMax(), p.lambdaMaxCi(), p.lambdaMaxTwoReplica(), p.lambdaMaxTwoReplicaCi());
        }
        return points;
    }

    /**
     * The two-replica method: with --same-network one batch of all g on the realization ({@link TwoReplicaBatch}),
     * else one pair per g on its own network.
     */
    private List<PairPoint> twoReplicaPoints(TransferFunction phiFn, double[] dmft) {
        List<TwoReplicaPoint> estimates = new ArrayList<>();
        var err = spec.commandLine().getErr();
        if (sameNetwork) {
            GainBatch batch = new GainBatch(RateNetwork.scs(n, 1.0, phiFn), gValues);
            LyapunovCommand.checkTwoReplicaResources(batch.unitGain(), gValues.length);
            estimates.addAll(TwoReplicaBatch.run(batch, seed, settings(0), Progress.on(err, "g = all")).points());
        } else {
            for (int i = 0; i < gValues.length; i++) {
                RateNetwork net = RateNetwork.scs(n, gValues[i], phiFn);
                LyapunovSettings settings = settings(i);
                estimates.add(TwoReplicaBatch.single(RealizedRateNetwork.draw(net, seedOf(i), settings.threads()), settings,
                        Progress.on(err, "g = " + gValues[i])));
            }
        }
        List<PairPoint> points = new ArrayList<>();
        var o = spec.commandLine().getOut();
        for (int i = 0; i < gValues.length; i++) {
            TwoReplicaPoint e = estimates.get(i);
            double ci = e.estimate().map(x -> x.lambda().halfWidth()).orElse(Double.NaN);
            PairPoint p = new PairPoint(gValues[i], dmft[i], e.lambda(), ci, seedOf(i),
                    e.completed() ? RunSummary.COMPLETED : RunSummary.DIVERGED);
            points.add(p);
            if (e.completed()) {
                o.printf("g = %.3f  DMFT %.5f   two replicas %.5f +- %.5f%n", p.g(), p.lambdaMaxDmft(), p.lambdaMaxTwoReplica(),
                        p.lambdaMaxTwoReplicaCi());
            } else {
                o.printf("g = %.3f  DMFT %.5f   two replicas: %s%n", p.g(), p.lambdaMaxDmft(), e.message());
            }
        }
        return points;
    }

    private int writeQr(OutputDirectory dir, List<Point> points, DmftLyapunov theory, DmftSolver solver, TransferFunction phiFn)
            throws Exception {
        Path out = dir.dir();
        int th = threads.threads();
        var o = spec.commandLine().getOut();
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
        double[] gFine = fine(g);
        double[] thFine = theoryCurve(gFine, theory, solver, phiFn);
        LinePlot.Builder plot = Plots.plot("Largest Lyapunov exponent, N = " + n + ", φ = " + phiFn.name(), Plots.GAIN,
                Plots.lyapunov("λ_max"));
        // both estimators measure the DMFT curve: its colour, distinct markers, set slightly apart
        int slot = Plots.pair(plot, "DMFT (N → ∞)", "QR (95% CI)", gFine, thFine, Plots.dodge(g, 0, 2, false), sim, ci);
        Plots.estimate(plot, "two replicas (95% CI)", Plots.dodge(g, 1, 2, false), two, twoCi, slot, 1);
        files.addAll(OutputDirectory.fileNames(plot.build().writePngAndSvg(out, "lambda_max_vs_g")));
        dir.record(files);
        RunSummary.Builder summary = RunSummary.builder(spec, th).seed("master", seed).seed("networks", networks())
                .seed("streams", "couplings/<row>, initial/0, ons, replica (under each network's seed)")
                .result("phi", phiFn.name()).result("integrator", "rk4");
        if (sameNetwork) {
            summary.result("sameNetwork", true);
        }
        summary.result("points", points).writeTo(dir);
        o.printf("wrote %s%n", dir.target());
        return 0;
    }

    private int writeTwoReplica(OutputDirectory dir, List<PairPoint> points, DmftLyapunov theory, DmftSolver solver,
                                TransferFunction phiFn) throws Exception {
        Path out = dir.dir();
        double[] g = points.stream().mapToDouble(PairPoint::g).toArray();
        double[] th1 = points.stream().mapToDouble(PairPoint::lambdaMaxDmft).toArray();
        double[] two = points.stream().mapToDouble(PairPoint::lambdaMaxTwoReplica).toArray();
        double[] twoCi = points.stream().mapToDouble(PairPoint::lambdaMaxTwoReplicaCi).toArray();
        List<String> files = new ArrayList<>();
        CsvTable.of(new String[] {"g", "lambdaMaxDmft", "lambdaMaxTwoReplica", "lambdaMaxTwoReplicaCi95"}, g, th1, two, twoCi)
                .write(out.resolve("lambda_max_vs_g.csv"));
        files.add("lambda_max_vs_g.csv");
        double[] gFine = fine(g);
        LinePlot.Builder plot = Plots.plot("Largest Lyapunov exponent, N = " + n + ", φ = " + phiFn.name(), Plots.GAIN,
                Plots.lyapunov("λ_max"));
        Plots.pair(plot, "DMFT (N → ∞)", "two replicas (95% CI)", gFine, theoryCurve(gFine, theory, solver, phiFn), g, two,
                twoCi);
        files.addAll(OutputDirectory.fileNames(plot.build().writePngAndSvg(out, "lambda_max_vs_g")));
        dir.record(files);
        RunSummary.Builder summary = RunSummary.builder(spec, threads.threads()).seed("master", seed).seed("networks", networks())
                .seed("streams", "couplings/<row>, initial/0, replica (under each network's seed)")
                .result("phi", phiFn.name()).result("integrator", "rk4").result("method", TwoReplicaResults.METHOD);
        if (sameNetwork) {
            summary.result("sameNetwork", true).result("batched", true);
        }
        if (points.stream().anyMatch(p -> !p.status().equals(RunSummary.COMPLETED))) {
            summary.status(RunSummary.DIVERGED);
        }
        summary.result("points", points).writeTo(dir);
        spec.commandLine().getOut().printf("wrote %s%n", dir.target());
        return points.stream().allMatch(p -> p.status().equals(RunSummary.COMPLETED)) ? 0 : org.chaoslab.cli.Main.EXIT_DIVERGED;
    }

    /** The summary's description of the networks' seeds. */
    private String networks() {
        return sameNetwork ? seed + " (one realization for every g: J_g = g J_1)"
                : seed + " .. " + (seed + gValues.length - 1) + " (g index i uses master + i)";
    }

    /** 81 gains over the range of {@code g}, for the theory curve. */
    private static double[] fine(double[] g) {
        double[] gFine = new double[81];
        double lo = Arrays.stream(g).min().orElseThrow();
        double hi = Arrays.stream(g).max().orElseThrow();
        for (int j = 0; j < gFine.length; j++) {
            gFine[j] = lo + (hi - lo) * j / (gFine.length - 1.0);
        }
        return gFine;
    }

    private double[] theoryCurve(double[] gFine, DmftLyapunov theory, DmftSolver solver, TransferFunction phiFn) {
        double[] thFine = new double[gFine.length];
        for (int j = 0; j < gFine.length; j++) {
            thFine[j] = theory.largest(solver.solve(RateNetwork.scs(n, gFine[j], phiFn)), phiFn).lambdaMax();
        }
        return thFine;
    }
}
