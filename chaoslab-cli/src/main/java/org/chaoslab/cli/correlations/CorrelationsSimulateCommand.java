package org.chaoslab.cli.correlations;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.cli.rate.NetworkOptions;
import org.chaoslab.cli.rate.NetworkParameters;
import org.chaoslab.cli.rate.RateSeeds;
import org.chaoslab.cli.rate.RunOptions;
import org.chaoslab.cli.rate.RunParameters;
import org.chaoslab.compare.ChaoticDimensionComparison;
import org.chaoslab.compare.CorrelationComparison;
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.compare.CorrelationComparisonResult;
import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.Verdict;
import org.chaoslab.io.Npy;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab correlations simulate}: covariance statistics of simulated linear networks beside the closed forms. */
@Command(name = "simulate", header = "Covariance statistics of simulated noise-driven networks beside the theory.", mixinStandardHelpOptions = true,
        description = {"Simulates R realizations of the network with white or OU noise (--noise white:SIGMA, ou:SIGMA:TAU; "
                + "with --noise quenched:SIGMA: the fixed points of --trials frozen inputs per realization and their covariance "
                + "across trials, beside the cavity on the static state; "
                + "theory: the closed forms for linear phi with white noise, else --mapping), streams the equal-time and "
                + "zero-frequency covariances (two halves, cross-block "
                + "estimators) and writes summary.json, eigenvalues.npy, cross_covariances.npy and plots beside the theory.",
                "Without --noise: PR/N of x and phi(x) of the simulated chaotic state (cross-block, samples 0.5 apart; RK4, "
                + "dt 0.1 unless given) beside the two-site cavity theory, and a plot of PR/N vs g (pr_vs_g)."})
final class CorrelationsSimulateCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Mixin
    RunOptions run;

    @Option(names = "--realizations", description = "Network realizations R (>= 2; realization r uses seed + r). Default: ${DEFAULT-VALUE}.",
            defaultValue = "20")
    int realizations;

    @Option(names = "--window", description = "Window T_w of the zero-frequency estimator (>> 1/(1 - R)). Default: ${DEFAULT-VALUE}.",
            defaultValue = "50")
    double window;

    @Mixin
    QuenchedTrialsOption trials;

    @Mixin
    MappingOption mapping;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return output.write(dir -> execute(network, run, realizations, window, trials.get(), mapping.get(), dir, spec,
                "correlations"));
    }

    /** Shared by {@code correlations simulate} and {@code compare correlations}. */
    static int execute(NetworkOptions network, RunOptions run, int realizations, double window, int trials,
                       CovarianceTheory.Mapping mapping, OutputDirectory dir,
                       picocli.CommandLine.Model.CommandSpec spec, String label) throws Exception {
        RateNetwork net = network.network();
        Path out = dir.dir();
        if (realizations < 2) {
            throw new IllegalArgumentException("--realizations must be >= 2 for standard errors (got " + realizations + ")");
        }
        org.chaoslab.cli.common.Resources.denseSize("--n", net.size());
        double n2 = (double) net.size() * net.size();
        org.chaoslab.cli.common.Resources.require("--n", net.size(), "the couplings and the covariance accumulators (about 8 N^2 "
                + "doubles)", 8 * 8 * n2);
        if (net.input().noise().sigma() == 0.0) {
            return cavity(net, run, realizations, dir, spec, label);
        }
        if (net.input().noise() instanceof org.chaoslab.model.Noise.Quenched) {
            RateSimulation s = run.settings(0.05, IntegratorKind.EXPONENTIAL_EULER);
            return QuenchedCorrelations.simulate(network.theoryNetwork(), trials, realizations, s.seed(), s.threads(), mapping,
                    dir, spec, label);
        }
        CovarianceTheory solved = CovarianceTheory.of(net, mapping);
        CorrelationTheorySummary theory = CorrelationsTheoryCommand.summary(net, solved);
        RateSimulation settings = run.settings(0.05, IntegratorKind.EXPONENTIAL_EULER);
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, label);
        CorrelationComparisonResult r = CorrelationComparison.run(net, solved,
                new CorrelationComparison.Settings(settings, realizations, window), progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        List<String> files = new ArrayList<>();
        Npy.write(out.resolve("eigenvalues.npy"), r.eigenvalues(), r.eigenvalues().length);
        Npy.write(out.resolve("cross_covariances.npy"), r.crossCovariances(), r.crossCovariances().length);
        files.addAll(List.of("eigenvalues.npy", "cross_covariances.npy"));
        files.addAll(CorrelationPlots.participationRatioVsGain(out, theory.noiseIntensity(), net.gain(),
                r.participationRatioPerN().simulation(), r.participationRatioPerN().standardError()));
        files.addAll(CorrelationPlots.crossCovarianceHistogram(out, r.crossCovariances(), r.zeroFrequencyTheory()));
        files.addAll(CorrelationPlots.eigenvalueHistogram(out, r.eigenvalues(), r.zeroFrequencyTheory(),
                solved.zeroFrequencySpectrum()));
        List<Verdict> verdicts = org.chaoslab.compare.CorrelationVerdicts.of(net, solved, settings, r);
        List<String> warnings = new ArrayList<>();
        double relax = 1.0 / Math.max(1e-9, 1.0 - Math.min(theory.spectralRadius(), 0.999999));
        if (window < 10 * relax) {
            warnings.add(String.format(java.util.Locale.ROOT, "--window %.4g is under 10 relaxation times 1/(1 - R) = %.3g: "
                    + "the zero-frequency estimates are biased", window, relax));
        }
        for (var f : r.failures()) {
            warnings.add("left out: " + f.line());
        }
        if (settings.duration() < 20 * window) {
            warnings.add(String.format(java.util.Locale.ROOT, "--t %.4g holds fewer than 20 windows of %.4g: the "
                    + "zero-frequency estimates are noisy and biased", settings.duration(), window));
        }
        dir.record(files);
        RunSummary.Builder s = RateSeeds.add(RunSummary.builder(spec, settings.threads()), settings.seed(), realizations);
        s.result("network", NetworkParameters.of(net)).result("noise", net.input().noise().label())
                .result("run", RunParameters.of(settings)).result("realizations", r.realizations()).result("failedRealizations", r.failed())
                .result("window", window).result("mapping", r.mapping())
                .result("theory", theory).result("meanAutoCov", r.meanAutoCov()).result("meanCrossCov", r.meanCrossCov())
                .result("varCrossCov", r.varCrossCov()).result("participationRatioPerN", r.participationRatioPerN())
                .result("equalTimeMeanAutoCov", r.equalTimeMeanAutoCov()).result("equalTimeMeanCrossCov", r.equalTimeMeanCrossCov())
                .result("equalTimeVarCrossCov", r.equalTimeVarCrossCov())
                .result("equalTimeParticipationRatioPerN", r.equalTimeParticipationRatioPerN())
                .result("agrees", verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(s::verdict);
        warnings.forEach(s::warning);
        s.writeTo(dir);
        var o = spec.commandLine().getOut();
        o.printf("theory: %s (R = %.6g)%n", r.mapping(), theory.spectralRadius());
        o.printf("zero-frequency covariance, %d realizations (theory vs simulation ± SE, z):%n", r.realizations());
        line(o, "meanAutoCov", r.meanAutoCov());
        line(o, "meanCrossCov", r.meanCrossCov());
        line(o, "varCrossCov", r.varCrossCov());
        line(o, "PR/N", r.participationRatioPerN());
        o.println("equal-time covariance:");
        line(o, "meanAutoCov", r.equalTimeMeanAutoCov());
        if (r.equalTimeMeanCrossCov().theory() != 0.0) {
            line(o, "meanCrossCov", r.equalTimeMeanCrossCov());     // a mean coupling's common mode
        }
        line(o, "varCrossCov", r.equalTimeVarCrossCov());
        line(o, "PR/N", r.equalTimeParticipationRatioPerN());
        verdicts.forEach(v -> o.println(v.line()));
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        o.println("wrote " + dir.target().resolve("summary.json"));
        return 0;
    }

    /** Without noise: PR/N of the simulated chaotic activity beside the two-site cavity theory (RK4, dt = 0.1 default). */
    private static int cavity(RateNetwork net, RunOptions run, int realizations, OutputDirectory dir,
                              picocli.CommandLine.Model.CommandSpec spec, String label) throws Exception {
        Path out = dir.dir();
        CavityDimensionSummary theory = CorrelationsTheoryCommand.cavitySummary(net, true);
        RateSimulation settings = run.settings(0.1, IntegratorKind.RK4).withReplicas(1);
        int stride = (int) Math.max(1, Math.round(0.5 / settings.dt()));     // samples 0.5 time units apart
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, label);
        ChaoticDimensionComparison.Result r = ChaoticDimensionComparison.run(net,
                new ChaoticDimensionComparison.Settings(settings, realizations, stride), progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        List<String> files = new ArrayList<>(CorrelationPlots.cavityParticipationRatioVsGain(out, net, new double[] {net.gain(),
                r.participationRatioPerN().simulation(), r.participationRatioPerN().standardError(),
                r.participationRatioPhiPerN().simulation(), r.participationRatioPhiPerN().standardError()}));
        List<Verdict> verdicts = List.of(Verdict.of("PR^x/N", r.participationRatioPerN(), 0.0, FINITE_N),
                Verdict.of("PR^phi/N", r.participationRatioPhiPerN(), 0.0, FINITE_N), Verdict.of("<x^2>", r.varianceX()));
        List<String> warnings = new ArrayList<>();
        if (settings.duration() < 4000) {
            // measured (docs/covariance-dimension.md): at g = 3, N = 500, T = 1000 biases PR/N up by ~4 SE (0.042 vs 0.031);
            // the slowest collective modes relax at 1 - g<phi'> and are underestimated by per-half mean subtraction
            warnings.add("--t " + settings.duration() + " is short for PR/N of chaotic activity: finite-T bias up (at g = 3, N = "
                    + "500, T = 1000 gave 0.042 against 0.031); use T >= 4000 (docs/covariance-dimension.md)");
        }
        dir.record(files);
        RunSummary.Builder s = RateSeeds.add(RunSummary.builder(spec, settings.threads()), settings.seed(), realizations);
        s.result("network", NetworkParameters.of(net)).result("run", RunParameters.of(settings))
                .result("realizations", realizations).result("stride", stride).result("theory", theory)
                .result("participationRatioPerN", r.participationRatioPerN())
                .result("participationRatioPhiPerN", r.participationRatioPhiPerN()).result("meanAutoCov", r.varianceX())
                .result("perRealizationX", r.perRealizationX()).result("perRealizationPhi", r.perRealizationPhi())
                .result("excluded", r.excluded()).result("agrees", verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(s::verdict);
        warnings.forEach(s::warning);
        s.writeTo(dir);
        var o = spec.commandLine().getOut();
        o.printf("dimension of the chaotic activity, N = %d, %d realizations (cavity theory vs simulation ± SE, z):%n",
                net.size(), realizations);
        line(o, "PR^x/N", r.participationRatioPerN());
        line(o, "PR^phi/N", r.participationRatioPhiPerN());
        line(o, "<x^2>", r.varianceX());
        if (r.excluded() > 0) {
            o.printf("  %d realization(s) left the chaotic state (variance < 0.1 Delta0) and were excluded%n", r.excluded());
        }
        verdicts.forEach(v -> o.println(v.line()));
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        o.println("wrote " + dir.target().resolve("summary.json"));
        return 0;
    }

    /** The basis of the verdicts of finite-N estimates. */
    private static final String FINITE_N = "statistical only; O(1/N) finite-size bias not included";

    private static void line(java.io.PrintWriter o, String name, Deviation d) {
        o.printf("  %-12s %.6g vs %.6g ± %.2g  (z = %.2f)%n", name, d.theory(), d.simulation(), d.standardError(), d.zScore());
    }
}
