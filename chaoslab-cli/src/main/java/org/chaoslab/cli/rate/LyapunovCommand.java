package org.chaoslab.cli.rate;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Npy;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.lyapunov.LyapunovAnalyzer;
import org.chaoslab.sim.lyapunov.LyapunovSettings;
import org.chaoslab.sim.lyapunov.LyapunovSpectrum;
import org.chaoslab.sim.lyapunov.TwoReplicaBatch;
import org.chaoslab.sim.lyapunov.TwoReplicaPoint;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.theory.dmft.DmftLyapunov;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.NoisyDmftSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab lyapunov}: the Lyapunov spectrum of one realization of the rate network. */
@Command(name = "lyapunov", header = "Lyapunov spectrum of a rate network by the QR method.", mixinStandardHelpOptions = true,
        description = {"Lyapunov spectrum of dx/dt = -x + J phi(x) + I by the QR method (k tangent vectors, re-orthonormalized "
                + "every t-ons by Cholesky QR, Householder QR when ill-conditioned), with the largest exponent cross-checked by two nearby trajectories.",
                "Exponents are per unit time; with --integrator euler they are those of the map x <- (1-dt)x + dt(J phi(x) + I).",
                "Writes DIR/summary.json (lambdaMax, Kaplan-Yorke dimension, KS entropy rate, mean Jacobian trace, 95%% CIs), "
                + "spectrum.npy, spectrum_ci.npy, convergence.npy (points x k), convergence_times.npy and plots (PNG and SVG).",
                "With --noise white/ou the state and its replica are driven by the same noise (exponents of the random "
                + "dynamical system, as in the noisy DMFT). Exit code 3 if the state or the tangent system diverges (NaN/Inf).",
                "--method two-replica measures lambda_max by the two trajectories alone (no tangent vectors, no QR: --k and "
                + "--tangent-precision unused) and writes summary.json only (lambdaMaxTwoReplica, its 95%% CI, lambdaMaxDmft); "
                + "a sweep of it with same-realization-across: [g] runs the gains of one realization as one batch."})
public final class LyapunovCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Option(names = "--t", description = "Accumulation time after the warm-up (>= 2 t-ons). Default: ${DEFAULT-VALUE}.",
            defaultValue = "500")
    double t;

    @Option(names = "--dt", description = "Time step (> 0, tau = 1). Default: ${DEFAULT-VALUE}.", defaultValue = "0.1")
    double dt;

    @Option(names = "--ons", description = "Re-orthonormalization interval t-ons (>= dt, rounded to whole steps). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    double ons;

    @Option(names = "--k", description = "Number of exponents (1 <= k <= n). Default: n (the full spectrum) for n <= 500, "
            + "else n/4 (enough for D_KY and h_KS while D_KY < n/4; summary.json flags kaplanYorkeResolved=false otherwise).")
    Integer k;

    @Option(names = "--warmup", description = "STATE[:ONS]: transient of the state alone, then warm-up of the orthonormal "
            + "system without accumulation (one value: both). Default: ${DEFAULT-VALUE}.", defaultValue = "100")
    String warmup;

    @Option(names = "--seed", description = "Master seed of the initial condition (stream SEED/initial/0), the orthonormal system "
            + "(SEED/ons) and the replica (SEED/replica). Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Option(names = "--network-seed", description = "Master seed of the couplings (stream SEED/couplings/<row>). Default: --seed.")
    Long networkSeed;

    @Option(names = "--integrator", description = "euler (the map), exp-euler, rk4. Default: ${DEFAULT-VALUE}.", defaultValue = "rk4")
    String integrator;

    @Option(names = "--batches", description = "Batches for the confidence intervals (>= 2). Default: ${DEFAULT-VALUE}.",
            defaultValue = "20")
    int batches;

    @Mixin
    ThreadsOptions threads;

    @Option(names = "--tangent-precision", description = "float64, or float32: the tangent vectors' product J (phi' o Q) by "
            + "sgemm (mixed precision, ~2x faster for large k; state, updates and QR stay float64; exponents change by "
            + "~1e-7, far below their error bars). Default: ${DEFAULT-VALUE}.", defaultValue = "float64")
    String tangentPrecision;

    @Option(names = "--method", description = "qr: the QR spectrum (k exponents) with the two-replica estimate of "
            + "lambda_max along the same trajectory; two-replica: the two-replica estimate alone (a pair of trajectories, "
            + "renormalized every t-ons; summary.json only). Default: ${DEFAULT-VALUE}.", defaultValue = "qr")
    String method;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A run as the options describe it, validated (before anything is allocated or written). */
    record Prepared(RateNetwork network, LyapunovSettings settings, long networkSeed, boolean twoReplica) {
    }

    /**
     * The network, settings and network seed of the options, validated as a run validates them (a batched g-sweep of
     * the two-replica method, {@link LyapunovBatch}, validates its points with the same code).
     */
    Prepared prepare() {
        boolean twoReplica = switch (method) {
            case "qr" -> false;
            case TwoReplicaResults.METHOD -> true;
            default -> throw new IllegalArgumentException("--method must be qr or two-replica (got '" + method + "')");
        };
        RateNetwork net = network.network();
        LyapunovSettings settings = settings(net, twoReplica);
        if (twoReplica) {
            checkTwoReplicaResources(net, 1);
        } else {
            checkResources(net, settings);
        }
        return new Prepared(net, settings, networkSeed == null ? seed : networkSeed, twoReplica);
    }

    @Override
    public Integer call() throws Exception {
        Prepared p = prepare();
        return output.write(dir -> p.twoReplica() ? runTwoReplica(p, dir) : run(p, dir));
    }

    private int run(Prepared prepared, OutputDirectory dir) throws Exception {
        Path out = dir.dir();
        RateNetwork net = prepared.network();
        LyapunovSettings settings = prepared.settings();
        long netSeed = prepared.networkSeed();
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, "lyapunov");
        RealizedRateNetwork realized = RealizedRateNetwork.draw(net, netSeed, settings.threads());
        LyapunovSpectrum result;
        try {
            result = LyapunovAnalyzer.spectrum(realized, settings, progress);
        } catch (IllegalStateException e) {
            if (progress instanceof Progress p) {
                p.clear();
            }
            RunSummary.Builder summary = seeds(RunSummary.builder(spec, settings.threads()), settings, netSeed)
                    .status(RunSummary.DIVERGED).result("message", e.getMessage()).result("k", settings.k())
                    .result("network", NetworkParameters.of(net))
                    .result("run", parameters(settings, netSeed, settings.replicaSeparation() * Math.sqrt(net.size())));
            summary.writeTo(dir);
            err.println("chaoslab: " + e.getMessage());
            return Main.EXIT_DIVERGED;
        }
        if (progress instanceof Progress p) {
            p.clear();
        }
        OptionalDouble dmft = dmftLambdaMax(net, settings);
        dir.record(write(out, result, dmft));
        summary(result, dmft).writeTo(dir);
        var o = spec.commandLine().getOut();
        o.printf("lambda_max = %.5f +- %.5f (QR), %.5f +- %.5f (two replicas); D_KY/N = %.5f%s, h_KS/N = %.6f%s; "
                        + "k = %d, %.1f s; wrote %s%n", result.lambdaMax(), result.lambdaMaxCi(), result.twoReplica().lambda().value(),
                result.twoReplica().lambda().halfWidth(), result.kaplanYorkePerN(),
                result.kaplanYorkeResolved() ? "" : " (lower bound: increase --k)",
                result.entropyRatePerN(), result.entropyResolved() ? "" : " (lower bound: increase --k)", result.k(),
                result.cost().wallSeconds(), dir.target());
        return 0;
    }

    /**
     * {@code --method two-replica}: the two-replica estimate alone ({@link TwoReplicaBatch#single}), summary.json with
     * {@link TwoReplicaResults}; exit code 3 with the message when it diverged.
     */
    private int runTwoReplica(Prepared p, OutputDirectory dir) throws Exception {
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, "lyapunov");
        RealizedRateNetwork realized = RealizedRateNetwork.draw(p.network(), p.networkSeed(), p.settings().threads());
        long start = System.nanoTime();   // the estimate's time, as the QR method's wallSeconds (drawing excluded)
        TwoReplicaPoint point = TwoReplicaBatch.single(realized, p.settings(), progress);
        double wall = (System.nanoTime() - start) * 1e-9;
        if (progress instanceof Progress bar) {
            bar.clear();
        }
        RunSummary.Builder summary = seeds(RunSummary.builder(spec, p.settings().threads()), p.settings(), p.networkSeed(), true);
        OptionalDouble dmft = point.completed() ? dmftLambdaMax(p.network(), p.settings()) : OptionalDouble.empty();
        summary.results(TwoReplicaResults.of(point, dmft, wall, p.settings(), p.networkSeed()));
        if (!point.completed()) {
            summary.status(RunSummary.DIVERGED).writeTo(dir);
            err.println("chaoslab: " + point.message());
            return Main.EXIT_DIVERGED;
        }
        summary.writeTo(dir);
        var e = point.estimate().orElseThrow().lambda();
        spec.commandLine().getOut().printf("lambda_max = %.5f +- %.5f (two replicas)%s; wrote %s%n", e.value(), e.halfWidth(),
                dmft.isPresent() ? String.format(java.util.Locale.ROOT, ", DMFT %.5f", dmft.getAsDouble()) : "", dir.target());
        return 0;
    }

    /**
     * Refuses before allocation what cannot fit the two-replica estimate of {@code gains} points: dense N beyond one
     * Java array; the couplings (N², once more in float64 when stored in float32) and per point its two columns in
     * eight arrays (state, rates, drive, two RK4 stages, OU noise, packed panels) beyond the heap.
     */
    static void checkTwoReplicaResources(RateNetwork net, int gains) {
        long n = net.size();
        org.chaoslab.cli.common.Resources.denseSize("--n", n);
        // float32 and bfloat16 storage widened once more to float64 for the products
        Precision p = net.couplings().precision();
        double coupling = (double) n * n * (p.bytes() + (p == Precision.FLOAT64 ? 0 : 8));
        double total = coupling + 8.0 * 8 * n * 2 * gains;
        org.chaoslab.cli.common.Resources.require("--n", n, "the couplings and the trajectory pairs (N^2 + 16 N x gains "
                + "doubles; total " + org.chaoslab.cli.common.Resources.size(total) + ")", total);
    }

    /** The settings from the options; validation messages name the option. */
    LyapunovSettings settings(RateNetwork net, boolean twoReplica) {
        // the two-replica method has no tangent vectors: --k is not used (the settings need some k)
        int kk = twoReplica ? 1 : k != null ? k : defaultK(net.size());
        if (kk < 1 || kk > net.size()) {
            throw new IllegalArgumentException("--k must be in [1, n = " + net.size() + "] (got " + kk + ")");
        }
        double[] w = parseWarmup(warmup);
        int th = threads.threads();
        IntegratorKind kind = IntegratorKind.parse(integrator);
        Precision precision = switch (tangentPrecision) {
            case "float64" -> Precision.FLOAT64;
            case "float32" -> Precision.FLOAT32;
            default -> throw new IllegalArgumentException("--tangent-precision must be float64 or float32 (got '"
                    + tangentPrecision + "')");
        };
        return new LyapunovSettings(dt, kind, kk, ons, new LyapunovSettings.Warmup(w[0], w[1]), t, seed, th, batches, ons,
                LyapunovSettings.DEFAULT_REPLICA_SEPARATION, 1.0, precision);
    }

    /**
     * Refuses before allocation what cannot fit: dense N beyond one Java array; couplings (N^2), the k tangent
     * vectors with their integrator stages and the k x k re-orthonormalization blocks beyond the heap available.
     */
    static void checkResources(RateNetwork net, LyapunovSettings s) {
        long n = net.size();
        org.chaoslab.cli.common.Resources.denseSize("--n", n);
        double k = s.k();
        org.chaoslab.cli.common.Resources.arraySize("--k", s.k(), "the tangent vectors (N x k)", n * k);
        // the analysis runs on the couplings in float64 (float32 and bfloat16 storage widened, exactly: the same
        // network) and, with --tangent-precision float32, in float32 (a widened copy unless stored in float32)
        Precision p = net.couplings().precision();
        double coupling = (double) n * n * (p.bytes() + (p == Precision.FLOAT64 ? 0 : 8)
                + (s.tangentPrecision() == Precision.FLOAT32 && p != Precision.FLOAT32 ? 4 : 0));
        double tangent = 8.0 * n * k * 10 + 8.0 * k * k * 4 + 8.0 * n * 20;
        double total = coupling + tangent;
        if (tangent > coupling) {
            org.chaoslab.cli.common.Resources.require("--k", s.k(), "the tangent system (N x k vectors, integrator stages; total "
                    + org.chaoslab.cli.common.Resources.size(total) + ")", total);
        } else {
            org.chaoslab.cli.common.Resources.require("--n", n, "the couplings and the tangent system (N^2 + 10 N k doubles; total "
                    + org.chaoslab.cli.common.Resources.size(total) + ")", total);
        }
    }

    /** n for n ≤ 500, else n/4: the full spectrum costs O(n³) per time unit (minutes per 1000 time units at n = 1000). */
    static int defaultK(int n) {
        return n <= 500 ? n : Math.max(1, n / 4);
    }

    static double[] parseWarmup(String s) {
        String[] parts = s == null ? new String[0] : s.trim().split(":");
        try {
            if (parts.length == 1) {
                double v = Double.parseDouble(parts[0]);
                return check(new double[] {v, v}, s);
            }
            if (parts.length == 2) {
                return check(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])}, s);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--warmup must be STATE or STATE:ONS, times >= 0 (got '" + s + "')");
    }

    private static double[] check(double[] w, String s) {
        for (double v : w) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("--warmup must be STATE or STATE:ONS, times >= 0 (got '" + s + "')");
            }
        }
        return w;
    }

    /**
     * The N → ∞ value of λ_max from the DMFT ({@link DmftLyapunov}), marked on the spectrum plot and written
     * as {@code lambdaMaxDmft}; empty when the network has no bounded stationary solution. It is the value of
     * the continuous-time flow: compare with RK4 or small dt (the Euler map with step δ differs at O(δ)).
     */
    static OptionalDouble dmftLambdaMax(RateNetwork net, LyapunovSettings settings) {
        // the continuous-time DMFT value (SCS 1988); an Euler map with a large dt has its own exponents
        if (net.input().noise().annealed() && net.input().noise().sigma() > 0) {
            // with noise: the exponent of two replicas driven by the same noise (Schuecker, Goedeke & Helias 2018)
            var noisy = NoisyDmftSolver.forNoise(net.input().noise(), DmftOptions.defaults()).solve(net);
            return Double.isFinite(noisy.lambdaMax()) ? OptionalDouble.of(noisy.lambdaMax()) : OptionalDouble.empty();
        }
        DmftSolver solver = new DmftSolver();
        DmftSolution s = solver.solve(net);
        double lambda = new DmftLyapunov(solver.engine(), 0.01).largest(s, net.transfer()).lambdaMax();
        return Double.isFinite(lambda) ? OptionalDouble.of(lambda) : OptionalDouble.empty();
    }

    /** Writes the arrays and plots; returns the file names. */
    static List<String> write(Path dir, LyapunovSpectrum r, OptionalDouble dmft) throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        int k = r.k();
        Npy.write(dir.resolve("spectrum.npy"), r.exponents(), k);
        Npy.write(dir.resolve("spectrum_ci.npy"), r.confidence(), k);
        double[] times = r.convergenceTimes();
        Npy.write(dir.resolve("convergence.npy"), r.convergence(), times.length, k);
        Npy.write(dir.resolve("convergence_times.npy"), times, times.length);
        files.addAll(List.of("spectrum.npy", "spectrum_ci.npy", "convergence.npy", "convergence_times.npy"));
        files.addAll(OutputDirectory.fileNames(spectrumPlot(r, dmft).writePngAndSvg(dir, "spectrum")));
        files.addAll(OutputDirectory.fileNames(convergencePlot(r).writePngAndSvg(dir, "convergence")));
        return files;
    }

    /**
     * λ_i against i/N with 95% error bars (a band when dense), the zero line, and (when known) the DMFT λ_max as a short
     * solid mark in the colour of the spectrum.
     */
    static LinePlot spectrumPlot(LyapunovSpectrum r, OptionalDouble dmft) {
        int k = r.k();
        int n = r.n();
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = (i + 1.0) / n;
        }
        LinePlot.Builder p = Plots.plot("Lyapunov spectrum: N = " + n + ", g = " + r.network().gain() + ", φ = "
                        + r.network().transfer().name() + ", " + r.settings().integrator().label() + " dt = " + r.settings().dt(),
                Plots.label("exponent index", "i/N", ""), Plots.lyapunov("λ_i"));
        PlotSeries qr = Plots.measured("QR (95% CI)", x, r.exponents(), r.confidence());
        p.series(qr).reference("", new double[] {0, x[k - 1]}, new double[] {0, 0});
        if (dmft.isPresent()) {
            double lo = 0;
            double hi = Math.max(x[k - 1] * 0.1, 1.0 / n);
            p.series(new PlotSeries("DMFT λ_max (N → ∞)", new double[] {lo, hi}, new double[] {dmft.getAsDouble(), dmft.getAsDouble()},
                    null, LineStyle.LINE, 0));
        }
        return p.build();
    }

    /** Running estimates of a few exponents (1, 2, k/4, k/2, k) against accumulation time. */
    static LinePlot convergencePlot(LyapunovSpectrum r) {
        int k = r.k();
        java.util.TreeSet<Integer> idx = new java.util.TreeSet<>(List.of(0, Math.min(1, k - 1), k / 4, k / 2, k - 1));
        LinePlot.Builder p = Plots.plot("Convergence of the Lyapunov exponents", Plots.label("accumulation time", "t",
                "units of " + Plots.TAU), Plots.label("running estimate of", "λ_i", "1/" + Plots.TAU));
        double[] times = r.convergenceTimes();
        for (int i : idx) {
            p.series("λ_" + (i + 1), times, r.convergenceOf(i), LineStyle.LINE);
        }
        return p.build();
    }

    /** The master seeds (of the state and of the couplings) and the named streams. */
    private static RunSummary.Builder seeds(RunSummary.Builder summary, LyapunovSettings s, long netSeed) {
        return seeds(summary, s, netSeed, false);
    }

    /** ... without the orthonormal system's stream for the two-replica method, which has none. */
    private static RunSummary.Builder seeds(RunSummary.Builder summary, LyapunovSettings s, long netSeed, boolean twoReplica) {
        StreamSeeds root = StreamSeeds.of(s.seed());
        summary.seed("master", s.seed()).seed("network", netSeed)
                .seed("couplings", StreamSeeds.of(netSeed).child(StreamSeeds.COUPLINGS).path() + "/<row>")
                .seed("initial", root.child(StreamSeeds.INITIAL).child(0).path());
        if (!twoReplica) {
            summary.seed("ons", root.child(LyapunovAnalyzer.ONS).path());
        }
        return summary.seed("replica", root.child(LyapunovAnalyzer.REPLICA).path());
    }

    private RunSummary.Builder summary(LyapunovSpectrum r, OptionalDouble dmft) {
        var c = r.cost();
        return seeds(RunSummary.builder(spec, r.settings().threads()), r.settings(), r.seeds().networkSeed())
                .result("lambdaMax", r.lambdaMax()).result("lambdaMaxCi", r.lambdaMaxCi())
                .result("lambdaMaxTwoReplica", r.twoReplica().lambda().value())
                .result("lambdaMaxTwoReplicaCi", r.twoReplica().lambda().halfWidth())
                .result("lambdaMaxDmft", dmft.isPresent() ? dmft.getAsDouble() : null)
                .result("kaplanYorke", r.kaplanYorke().value()).result("kaplanYorkeCi", r.kaplanYorke().halfWidth())
                .result("kaplanYorkePerN", r.kaplanYorkePerN()).result("kaplanYorkeResolved", r.kaplanYorkeResolved())
                .result("entropyRate", r.entropyRate().value()).result("entropyRateCi", r.entropyRate().halfWidth())
                .result("entropyRatePerN", r.entropyRatePerN()).result("entropyResolved", r.entropyResolved())
                .result("meanJacobianTrace", r.meanJacobianTrace().value())
                .result("meanJacobianTraceCi", r.meanJacobianTrace().halfWidth())
                .result("sumOfExponents", r.exponentSum().value()).result("sumOfExponentsCi", r.exponentSum().halfWidth())
                .result("k", r.k()).result("accumulationTime", r.accumulationTime()).result("batches", r.batches())
                .result("wallSeconds", c.wallSeconds()).result("msPerTangentStep", c.msPerTangentStep())
                .result("msPerOrthonormalization", c.msPerOrthonormalization()).result("steps", c.steps())
                .result("choleskySecondPasses", c.choleskySecondPasses()).result("householderFallbacks", c.householderFallbacks())
                .result("network", NetworkParameters.of(r.network()))
                .result("run", parameters(r.settings(), r.seeds().networkSeed(), r.twoReplica().d0()));
    }

    private static LyapunovParameters parameters(LyapunovSettings s, long netSeed, double d0) {
        StreamSeeds root = StreamSeeds.of(s.seed());
        return new LyapunovParameters(s.dt(), s.accumulationTime(), s.warmup().state(), s.warmup().ons(),
                s.onsInterval(), s.k(), s.integrator().label(), s.seed(), netSeed,
                StreamSeeds.of(netSeed).child(StreamSeeds.COUPLINGS).path() + "/<row>",
                root.child(StreamSeeds.INITIAL).child(0).path(), root.child(LyapunovAnalyzer.ONS).path(),
                root.child(LyapunovAnalyzer.REPLICA).path(), s.renormSteps() * s.dt(), d0, s.batches(), s.threads(),
                s.tangentPrecision().name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The run settings and seed streams as resolved (summary.json's results.run).
     *
     * @param warmupState  transient of the state alone
     * @param warmupOns    warm-up of the orthonormal system (no accumulation)
     * @param tOns         re-orthonormalization interval actually used
     * @param tRenorm      replica renormalization interval actually used
     * @param d0           replica separation
     * @param tangentPrecision float64, or float32 for mixed-precision tangent products
     */
    record LyapunovParameters(double dt, double t, double warmupState, double warmupOns, double tOns, int k,
                              String integrator, long seed, long networkSeed, String couplingStreams,
                              String initialStream, String onsStream, String replicaStream, double tRenorm, double d0,
                              int batches, int threads, String tangentPrecision) {
    }
}
