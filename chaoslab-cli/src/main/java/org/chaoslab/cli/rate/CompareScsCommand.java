package org.chaoslab.cli.rate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.compare.ScsComparison;
import org.chaoslab.compare.Verdict;
import org.chaoslab.compare.ScsComparisonResult;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.Npy;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.theory.dmft.DmftSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab compare scs}: DMFT beside simulations of several network realizations. */
@Command(name = "scs", header = "SCS rate network: simulated realizations beside the DMFT.", mixinStandardHelpOptions = true,
        description = {"Simulate R realizations of the SCS network (realization r uses seed + r), solve its DMFT, and write "
                + "both with deviations and standard errors to DIR/summary.json, arrays (.npy) and an overlay plot."})
public final class CompareScsCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Mixin
    SparseOptions sparse;

    @Mixin
    RunOptions run;

    @Option(names = "--realizations", description = "Network realizations R (>= 2). Default: ${DEFAULT-VALUE}.", defaultValue = "4")
    int realizations;

    @Option(names = "--shape-max-lag", description = "Compare autocorrelation shapes on [0, this]. Default: ${DEFAULT-VALUE}.",
            defaultValue = "20")
    double shapeMaxLag;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RateNetwork net = sparse.apply(network.theoryNetwork());
        if (net.couplings().sparse() && net.couplings().meanCoupling() != 0.0) {
            throw new IllegalArgumentException("--j0 must be 0 with --k-in for the comparison (diluting the mean coupling "
                    + "adds an input variance J0^2/K that the SCS DMFT leaves out; 'compare populations --fractions 1 --j-mean "
                    + "J0 --g-matrix G --k-in K' includes it; got " + net.couplings().meanCoupling() + ")");
        }
        RateSimulation settings = run.settings(0.1, IntegratorKind.RK4);
        if (realizations < 2) {
            throw new IllegalArgumentException("--realizations must be >= 2 for standard errors (got " + realizations + ")");
        }
        org.chaoslab.model.Validate.positive("shape-max-lag", shapeMaxLag);
        RunOptions.checkResources(net, settings, RecordingPlan.defaults());
        try (OutputDirectory dir = output.prepare()) {
            return execute(net, settings, realizations, shapeMaxLag, dir, spec);
        }
    }

    /** Runs the comparison into {@code dir}, reports, commits (also on divergence); returns the exit code. */
    public static int execute(RateNetwork net, RateSimulation settings, int realizations, double shapeMaxLag, OutputDirectory dir,
                       picocli.CommandLine.Model.CommandSpec spec) throws IOException {
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, spec.qualifiedName(" ").replaceFirst("^\\S+\\s+", "").split(" ")[0]);
        ScsComparisonResult result = ScsComparison.run(net,
                new ScsComparison.Settings(settings, realizations, RecordingPlan.defaults(), shapeMaxLag),
                new DmftSolver(), progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        List<String> warnings = warnings(net, settings, result);
        List<Verdict> verdicts = verdicts(net, result);
        write(dir, net, settings, realizations, result, verdicts, warnings, spec);
        dir.commit();
        report(spec.commandLine().getOut(), result, verdicts, dir.target());
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        if (!result.problems().isEmpty()) {
            result.problems().forEach(p -> err.println("chaoslab: " + p));
            return Main.EXIT_DIVERGED;
        }
        return 0;
    }

    /** Runs too short or too small for their estimates to mean anything. */
    static List<String> warnings(RateNetwork net, RateSimulation settings, ScsComparisonResult r) {
        List<String> w = new ArrayList<>();
        double maxLag = RecordingPlan.defaults().correlationMaxLag();
        if (r.realizations() > 0 && r.lags().length == 0) {
            w.add("--t " + settings.duration() + " is too short for autocorrelations up to lag " + maxLag
                    + " (needs --t >= " + 2 * maxLag + "); no autocorrelation compared");
        }
        double tau = r.theory().tauHalf();
        if (Double.isFinite(tau) && settings.duration() < 50 * Math.max(tau, 1.0)) {
            w.add(String.format(java.util.Locale.ROOT, "--t %.4g is under 50 correlation times (tauHalf = %.3g): "
                    + "time averages are biased by the initial state and few independent samples", settings.duration(), tau));
        }
        if (net.size() < 200) {
            w.add("--n " + net.size() + " is small: finite-size corrections O(1/N) to the N -> infinity theory may exceed the "
                    + "statistical tolerance");
        }
        int k = net.couplings().inDegree();
        if (k > 0 && k < 100) {
            w.add("--k-in " + k + " is small: finite-K corrections O(1/K) to the large-K theory may exceed the statistical "
                    + "tolerance");
        }
        if (r.realizations() < 2) {
            w.add(r.realizations() + " realization(s) completed: no standard error, no verdict");
        }
        return w;
    }

    /** One verdict per compared quantity (statistical tolerance, 3 standard errors over realizations). */
    static List<Verdict> verdicts(RateNetwork net, ScsComparisonResult r) {
        List<Verdict> v = new ArrayList<>();
        if (r.realizations() == 0) {
            return v;
        }
        String why = r.realizations() + " realizations, statistical only (O(1/N) corrections at N = " + net.size()
                + " not included)";
        v.add(Verdict.of("<x^2>", r.meanSquare(), 0.0, why));
        v.add(Verdict.of("<phi^2> = C(0)", r.c0(), 0.0, why));
        if (r.autocorrelationShape() != null) {
            v.add(Verdict.ofShape("autocorrelation shape", r.autocorrelationShape()));
            v.add(Verdict.ofShape("rate autocorrelation shape", r.rateAutocorrelationShape()));
        }
        return v;
    }

    static void write(OutputDirectory out, RateNetwork net, RateSimulation settings, int realizations, ScsComparisonResult r,
                      List<Verdict> verdicts, List<String> warnings, picocli.CommandLine.Model.CommandSpec spec) throws IOException {
        Path dir = out.dir();
        List<String> files = new ArrayList<>();
        var th = r.theory();
        Npy.write(dir.resolve("theory_tau.npy"), th.tau(), th.tau().length);
        Npy.write(dir.resolve("theory_delta.npy"), th.delta(), th.delta().length);
        Npy.write(dir.resolve("theory_rate_correlation.npy"), th.rateCorrelation(), th.rateCorrelation().length);
        Npy.write(dir.resolve("mean_square_per_realization.npy"), r.meanSquarePerRealization(), r.meanSquarePerRealization().length);
        files.addAll(List.of("theory_tau.npy", "theory_delta.npy", "theory_rate_correlation.npy", "mean_square_per_realization.npy"));
        if (r.lags().length > 0) {
            int n = r.lags().length;
            Npy.write(dir.resolve("lags.npy"), r.lags(), n);
            Npy.write(dir.resolve("sim_autocorrelation.npy"), r.autocorrelation(), n);
            Npy.write(dir.resolve("sim_autocorrelation_stderr.npy"), r.autocorrelationError(), n);
            Npy.write(dir.resolve("sim_rate_autocorrelation.npy"), r.rateAutocorrelation(), n);
            Npy.write(dir.resolve("sim_rate_autocorrelation_stderr.npy"), r.rateAutocorrelationError(), n);
            files.addAll(List.of("lags.npy", "sim_autocorrelation.npy", "sim_autocorrelation_stderr.npy",
                    "sim_rate_autocorrelation.npy", "sim_rate_autocorrelation_stderr.npy"));
            double mu2 = th.mean() * th.mean();
            double[] thX = new double[th.tau().length];
            for (int k = 0; k < thX.length; k++) {
                thX[k] = th.delta()[k] + mu2;
            }
            double tmax = r.lags()[n - 1];
            int m = 0;
            while (m < th.tau().length && th.tau()[m] <= tmax) {
                m++;
            }
            LinePlot.Builder b = Plots.plot("Theory vs simulation: N = " + net.size() + ", g = " + net.gain() + ", φ = "
                    + net.transfer().name() + ", R = " + r.realizations(), Plots.LAG, "autocorrelation");
            Plots.pair(b, "DMFT Δ(s) + μ²", "simulation ⟨x(t) x(t+s)⟩ ± SE", java.util.Arrays.copyOf(th.tau(), m),
                    java.util.Arrays.copyOf(thX, m), r.lags(), r.autocorrelation(), r.autocorrelationError());
            Plots.pair(b, "DMFT C(s)", "simulation ⟨φ(t) φ(t+s)⟩ ± SE", java.util.Arrays.copyOf(th.tau(), m),
                    java.util.Arrays.copyOf(th.rateCorrelation(), m), r.lags(), r.rateAutocorrelation(), r.rateAutocorrelationError());
            LinePlot plot = b.build();
            files.addAll(OutputDirectory.fileNames(plot.writePngAndSvg(dir, "comparison")));
        }
        out.record(files);
        RunSummary.Builder summary = RunSummary.builder(spec, settings.threads())
                .status(r.problems().isEmpty() ? RunSummary.COMPLETED : RunSummary.DIVERGED);
        RateSeeds.add(summary, settings.seed(), realizations);
        summary.result("theory", DmftSummary.of(th, net, new DmftSolver().engine()))
                .result("meanSquare", r.meanSquare()).result("c0", r.c0()).result("mean", r.mean())
                .result("autocorrelationShape", r.autocorrelationShape())
                .result("rateAutocorrelationShape", r.rateAutocorrelationShape())
                .result("meanSquarePerRealization", r.meanSquarePerRealization()).result("realizations", r.realizations())
                .result("problems", r.problems()).result("wallSeconds", r.wallSeconds())
                .result("network", NetworkParameters.of(net)).result("run", RunParameters.of(settings))
                .result("agrees", !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(summary::verdict);
        warnings.forEach(summary::warning);
        summary.writeTo(out);
    }

    static void report(PrintWriter o, ScsComparisonResult r, List<Verdict> verdicts, Path dir) {
        o.printf("phase (DMFT)   %s%n", r.theory().phase().label());
        o.printf("<x^2>          DMFT %.5f   simulation %.5f +- %.5f   (z = %.2f)%n", r.meanSquare().theory(),
                r.meanSquare().simulation(), r.meanSquare().standardError(), r.meanSquare().zScore());
        o.printf("<phi^2> = C(0) DMFT %.5f   simulation %.5f +- %.5f   (z = %.2f)%n", r.c0().theory(), r.c0().simulation(),
                r.c0().standardError(), r.c0().zScore());
        if (r.autocorrelationShape() != null) {
            o.printf("autocorrelation shape on [0, %.0f]: relative L2 distance %.3f (noise level %.3f)%n",
                    r.autocorrelationShape().maxLag(), r.autocorrelationShape().relativeL2(), r.autocorrelationShape().noiseL2());
        }
        verdicts.forEach(v -> o.println(v.line()));
        o.printf("%d realizations, %.1f s of simulation; wrote %s%n", r.realizations(), r.wallSeconds(), dir);
    }
}
