package org.chaoslab.cli.rate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.PopulationComparison;
import org.chaoslab.compare.PopulationComparisonResult;
import org.chaoslab.compare.Verdict;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.theory.populations.PopulationFixedPoint;
import org.chaoslab.theory.populations.PopulationMeanField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab compare populations}: the static population mean field beside simulated realizations. */
@Command(name = "populations", mixinStandardHelpOptions = true,
        header = "Multi-population rate network: population mean field beside simulated realizations.",
        description = {"Solve the population mean field of the network (Kadmon & Sompolinsky 2015; as 'dmft populations') and "
                + "simulate R realizations (realization r uses seed + r). Per population: the mean, the variance across "
                + "units, the temporal variance (0 at a fixed point) and the spread of the units' time averages beside "
                + "the theory, with standard errors over the realizations and deviations in standard errors; the "
                + "predicted phase (fixed point, chaotic where rho(M) > 1, unstable means, no static solution) beside the "
                + "observed one (fixed point or fluctuating).",
                "Below the transition the theory is the static fixed point; above it, the stationary solution of the "
                        + "time-dependent population DMFT (Delta_k(0), Delta_k(inf), the temporal variance as the run's "
                        + "window measures it), and the autocorrelations Delta_k(tau) beside the simulated ones.",
                "Writes DIR/summary.json (with verdicts), comparison.csv, comparison.png/.svg, and in the chaotic phase "
                        + "autocorrelation.csv and autocorrelation.png/.svg."})
public final class ComparePopulationsCommand implements Callable<Integer> {

    @Mixin
    PopulationSimulationOptions simulation;

    @Option(names = "--realizations", description = "Network realizations R (>= 2). Default: ${DEFAULT-VALUE}.", defaultValue = "4")
    int realizations;

    @Mixin
    SampleIntervalOption interval;

    @Option(names = "--acf-max-lag", description = "Record the autocorrelations Delta_k(tau) up to this lag (>= 0; 0: "
            + "none; up to 1024 units per population of replica 0). Default: ${DEFAULT-VALUE}.", defaultValue = "20")
    double acfMaxLag;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The theory as written into summary.json. */
    record TheorySummary(String phase, double gCritical, double spectralRadius, double[] mean, double[] variance, double[] rate,
                         double[][] meanModes, double[] meanScatter, double[] varianceScatter, String noSolution,
                         DmftPopulationsCommand.ChaoticSummary chaotic, String noChaoticSolution,
                         double[][] dilutionVariance) {
    }

    @Override
    public Integer call() throws Exception {
        PopulationNetwork net = simulation.network();
        RateSimulation settings = simulation.settings(0.1, IntegratorKind.RK4);
        if (realizations < 2) {
            throw new IllegalArgumentException("--realizations must be >= 2 for standard errors (got " + realizations + ")");
        }
        org.chaoslab.sim.PopulationInDegrees kIn = simulation.inDegrees(net);
        PopulationComparison.Settings s = interval.settings(settings, realizations, acfMaxLag, kIn);
        simulation.checkResources(net, kIn, settings, RecordingPlan.defaults());
        try (OutputDirectory dir = output.prepare()) {
            var err = spec.commandLine().getErr();
            ProgressListener progress = Progress.on(err, "compare");
            PopulationComparisonResult r = PopulationComparison.run(net, s, new PopulationMeanField(), progress);
            if (progress instanceof Progress bar) {
                bar.clear();
            }
            PopulationNetwork theoryNet = PopulationComparison.theoryNetwork(net, s);
            List<Verdict> verdicts = verdicts(theoryNet, r);
            write(dir, net, theoryNet, kIn, settings, r, verdicts);
            dir.commit();
            report(spec.commandLine().getOut(), net, r, verdicts, dir);
            if (!r.problems().isEmpty()) {
                r.problems().forEach(p -> err.println("chaoslab: " + p));
                return Main.EXIT_DIVERGED;
            }
            return 0;
        }
    }

    /**
     * One verdict per population and quantity where the theory has the network's state. At a stable fixed point: 3
     * standard errors over the realizations plus 2Δ_k/N for the O(1/N) corrections of the N → ∞ theory; the temporal
     * variance against 0 with {@link PopulationComparison#FIXED_POINT_TOLERANCE}·Δ_k for the relaxation left after the
     * transient. In the chaotic phase (the time-dependent DMFT): the mean, the variance across units, the temporal
     * variance and the spread of the time averages, 3 standard errors plus 2Δ_k(0)/N (the same order of the finite-N
     * corrections; the simulated λ_max and variances of SCS networks at N ≥ 1000 sit within it, docs/populations.md).
     * Sparse networks ({@code net} with its in-degrees): 2Δ_k(1/N + 1/K_k), K_k = Σ_l K_kl, for the O(1/K) terms that
     * the large-K theory leaves out beyond the dilution of the means (the spread of Σ_j J_ij² over units, the
     * non-Gaussian sum of K inputs). None where the theory has no state (unstable means, no solution).
     */
    static List<Verdict> verdicts(PopulationNetwork net, PopulationComparisonResult r) {
        List<Verdict> v = new ArrayList<>();
        PopulationFixedPoint fp = r.theory().fixedPoint();
        if (!r.theory().hasState() || r.realizations() < 2) {
            return v;
        }
        String why = net.isSparse() ? "O(1/N + 1/K) corrections" : "O(1/N) corrections";
        int[][] kkl = net.inDegrees();
        for (int k = 0; k < net.populations(); k++) {
            double order = 1.0 / net.size() + (kkl == null ? 0.0 : 1.0 / java.util.Arrays.stream(kkl[k]).sum());
            if (r.theory().isDynamic()) {
                double allowance = 2 * r.theory().dynamic().delta0()[k] * order;
                String pop = " of population " + (k + 1);
                v.add(Verdict.of("mean" + pop, r.mean()[k], allowance, why));
                v.add(Verdict.of("variance across units" + pop, r.varianceAcrossUnits()[k], allowance, why));
                v.add(Verdict.of("temporal variance" + pop, r.temporalVariance()[k], allowance, why));
                v.add(Verdict.of("spread of time averages" + pop, r.staticVariance()[k], allowance, why));
                continue;
            }
            double allowance = 2 * fp.variance()[k] * order;
            v.add(Verdict.of("mean of population " + (k + 1), r.mean()[k], allowance, why));
            v.add(Verdict.of("variance across units of population " + (k + 1), r.varianceAcrossUnits()[k], allowance, why));
            v.add(Verdict.of("temporal variance of population " + (k + 1), r.temporalVariance()[k],
                    PopulationComparison.FIXED_POINT_TOLERANCE * fp.variance()[k], "relaxation left after the transient"));
        }
        return v;
    }

    private void write(OutputDirectory dir, PopulationNetwork net, PopulationNetwork theoryNet,
                       org.chaoslab.sim.PopulationInDegrees kIn, RateSimulation settings, PopulationComparisonResult r,
                              List<Verdict> verdicts) throws java.io.IOException {
        int p = net.populations();
        List<Integer> pop = new ArrayList<>();
        List<String> quantity = new ArrayList<>();
        List<Deviation> devs = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            for (var e : List.of(java.util.Map.entry("mean", r.mean()[k]),
                    java.util.Map.entry("variance_across_units", r.varianceAcrossUnits()[k]),
                    java.util.Map.entry("temporal_variance", r.temporalVariance()[k]),
                    java.util.Map.entry("spread_of_time_averages", r.staticVariance()[k]), java.util.Map.entry("rate", r.rate()[k]))) {
                pop.add(k + 1);
                quantity.add(e.getKey());
                devs.add(e.getValue());
            }
        }
        dir.csv("comparison.csv", CsvTable.builder()
                .column("population", pop.stream().mapToInt(Integer::intValue).toArray())
                .column("quantity", quantity.toArray(String[]::new))
                .column("theory", devs.stream().mapToDouble(Deviation::theory).toArray())
                .column("simulation", devs.stream().mapToDouble(Deviation::simulation).toArray())
                .column("standard_error", devs.stream().mapToDouble(Deviation::standardError).toArray())
                .column("z", devs.stream().mapToDouble(Deviation::zScore).toArray())
                .build());
        double[] x = new double[p];
        for (int k = 0; k < p; k++) {
            x[k] = k + 1;
        }
        boolean dynamic = r.theory().isDynamic();
        LinePlot.Builder b = Plots.plot((dynamic ? "Population DMFT" : "Static mean field") + " vs simulation: N = "
                + net.size() + ", R = " + r.realizations() + ", phase " + r.theory().phase() + " (observed "
                + r.observedPhase() + ")", "population k", "value");
        Plots.pair(b, "theory μ_k", "simulation mean ± SE", x, values(r.mean(), Deviation::theory), x,
                values(r.mean(), Deviation::simulation), values(r.mean(), Deviation::standardError));
        Plots.pair(b, "theory Δ_k", "simulation variance across units ± SE", x, values(r.varianceAcrossUnits(), Deviation::theory),
                x, values(r.varianceAcrossUnits(), Deviation::simulation), values(r.varianceAcrossUnits(), Deviation::standardError));
        Plots.pair(b, dynamic ? "theory temporal variance (window)" : "fixed point: temporal variance 0",
                "simulation temporal variance ± SE", x, values(r.temporalVariance(), Deviation::theory), x,
                values(r.temporalVariance(), Deviation::simulation), values(r.temporalVariance(), Deviation::standardError));
        dir.figure("comparison", b.build());
        if (dynamic && r.autocorrelation() != null) {
            writeAutocorrelation(dir, net, r);
        }
        PopulationFixedPoint fp = r.theory().fixedPoint();
        PopulationMeanField.FiniteSizeScatter scatter = fp == null ? null : PopulationMeanField.finiteSizeScatter(net, fp);
        TheorySummary th = new TheorySummary(r.theory().phase(), r.theory().gCritical(), fp == null ? Double.NaN : fp.spectralRadius(),
                fp == null ? null : fp.mean(), fp == null ? null : fp.variance(), fp == null ? null : fp.rate(),
                fp == null ? null : fp.meanModes(), scatter == null ? null : scatter.mean(),
                scatter == null ? null : scatter.variance(), r.theory().noSolution(),
                dynamic ? DmftPopulationsCommand.ChaoticSummary.of(r.theory().dynamic()) : null,
                dynamic || r.theory().dynamic() == null ? r.theory().noDynamic()
                        : "the time-dependent DMFT settles on a static state",
                theoryNet.isSparse() ? PopulationMeanField.dilutionVariance(theoryNet) : null);
        PopulationSimulationOptions.InDegrees degrees = simulation.inDegreeResults(net, kIn);
        RunSummary.Builder summary = RateSeeds.add(RunSummary.builder(spec, settings.threads()), settings.seed(),
                r.realizations() + r.problems().size())
                .status(r.problems().isEmpty() ? RunSummary.COMPLETED : RunSummary.DIVERGED);
        summary.result("network", simulation.parameters(net))
                .result("kIn", degrees.kIn())
                .result("kMatrix", degrees.kMatrix())
                .result("run", RunParameters.of(settings))
                .result("theory", th)
                .result("observedPhase", r.observedPhase())
                .result("phaseAgrees", r.phaseAgrees())
                .result("mean", r.mean())
                .result("varianceAcrossUnits", r.varianceAcrossUnits())
                .result("temporalVariance", r.temporalVariance())
                .result("rate", r.rate())
                .result("staticVariance", r.staticVariance())
                .result("realizations", r.realizations())
                .result("problems", r.problems())
                .result("agrees", r.phaseAgrees() && verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(summary::verdict);
        if (!r.theory().hasState()) {
            String w = "the static theory's phase is " + r.theory().phase() + " and the time-dependent DMFT has no "
                    + "stationary solution (" + r.theory().noDynamic() + "): only the phase is compared";
            summary.warning(w);
            spec.commandLine().getErr().println("chaoslab: warning: " + w);
        }
        summary.writeTo(dir);
    }

    /**
     * Δ_k(τ): the simulated autocovariance (averaged over realizations; replica 0, up to 1024 units per population)
     * beside the DMFT's, in autocorrelation.csv and autocorrelation.png/.svg.
     */
    private static void writeAutocorrelation(OutputDirectory dir, PopulationNetwork net, PopulationComparisonResult r)
            throws java.io.IOException {
        int p = net.populations();
        double[] tau = r.recordings().getFirst().lagTimes();
        CsvTable.Builder t = CsvTable.builder().column("tau", tau);
        LinePlot.Builder b = Plots.plot("Autocovariance of the input: population DMFT vs simulation (N = " + net.size()
                + ", R = " + r.realizations() + ")", "lag tau", "Delta_k(tau)");
        for (int k = 0; k < p; k++) {
            double[] theory = new double[tau.length];
            for (int i = 0; i < tau.length; i++) {
                theory[i] = r.theory().dynamic().delta(k, tau[i]);
            }
            t.column("delta_" + (k + 1) + "_theory", theory).column("delta_" + (k + 1) + "_simulation", r.autocorrelation()[k]);
            Plots.pair(b, "DMFT population " + (k + 1), "simulation population " + (k + 1), tau, theory, tau,
                    r.autocorrelation()[k], null);
        }
        dir.csv("autocorrelation.csv", t.build());
        dir.figure("autocorrelation", b.build());
    }

    private static double[] values(Deviation[] d, java.util.function.ToDoubleFunction<Deviation> f) {
        return java.util.Arrays.stream(d).mapToDouble(f).toArray();
    }

    private static void report(PrintWriter o, PopulationNetwork net, PopulationComparisonResult r, List<Verdict> verdicts,
                               OutputDirectory dir) {
        o.printf(Locale.ROOT, "phase           predicted %s (gCritical %.6g x the gains simulated), observed %s: %s%n",
                r.theory().phase(), r.theory().gCritical(), r.observedPhase(), r.phaseAgrees() ? "agrees" : "differs");
        for (int k = 0; k < net.populations(); k++) {
            o.printf(Locale.ROOT, "population %d (%s)%n", k + 1, net.transfers().get(k).name());
            line(o, "  mean", r.mean()[k]);
            line(o, "  variance", r.varianceAcrossUnits()[k]);
            line(o, "  temporal var", r.temporalVariance()[k]);
            line(o, "  time-avg sprd", r.staticVariance()[k]);
        }
        verdicts.forEach(v -> o.println(v.line()));
        o.printf(Locale.ROOT, "%d realizations; wrote %s%n", r.realizations(), dir.target());
    }

    private static void line(PrintWriter o, String name, Deviation d) {
        o.printf(Locale.ROOT, "%-15s theory %.5g   simulation %.5g +- %.3g   (%.2f SE)%n", name, d.theory(), d.simulation(),
                d.standardError(), d.zScore());
    }
}
