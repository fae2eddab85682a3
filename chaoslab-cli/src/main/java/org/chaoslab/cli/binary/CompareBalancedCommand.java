package org.chaoslab.cli.binary;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chaoslab.compare.BalancedComparison;
import org.chaoslab.compare.BalancedComparisonResult;
import org.chaoslab.compare.BalancedRateDistribution;
import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.Verdict;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.Npy;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.chaoslab.theory.balanced.InputModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab compare balanced}: mean field beside simulations of the balanced E/I binary network. */
@Command(name = "balanced", mixinStandardHelpOptions = true,
        description = {"Balanced E/I binary network: finite-K mean field beside R simulated realizations (seeds seed..seed+R-1), "
                + "each with two replicas differing by one flipped unit. Rates, q, late-time replica distance vs D* = 2(m - q)",
                "(z-scores from the scatter over realizations), CV and Fano factors, optional KS distances of rate distributions.",
                "Prints and records (summary.json verdicts) a verdict for m, q and D* of each population: agrees when "
                + "|simulation - theory| <= 3 SE + O(1/sqrt K) relative (2/sqrt K for q); warns when R < 3, a population has "
                + "< 200 units, K > 10 %% of it, --t < 20 update times or < 2 flips survived."})
public final class CompareBalancedCommand implements Callable<Integer> {

    @Mixin
    BalancedOptions options;

    @Mixin
    BalancedRunOptions runOptions;

    @Option(names = "--realizations", description = "Network realizations R >= 2. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    int realizations;

    @Option(names = "--fano-window", description = "Counting window of the Fano factor (> 0, <= --t / 2). Default: 10, or --t / 2 when --t < 20.")
    Double fanoWindowOption;

    @Option(names = "--ks", description = "Also compute KS distances of the rate distributions (seconds per population).")
    boolean ks;

    @Option(names = "--input-model", description = "discrete or gaussian. Default: ${DEFAULT-VALUE}.", defaultValue = "discrete")
    String inputModel;

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
        BalancedNetwork net = options.network();
        double fanoWindow = fanoWindowOption == null ? Math.min(10.0, runOptions.duration / 2) : fanoWindowOption;
        if (!(fanoWindow > 0) || fanoWindow * 2 > runOptions.duration) {
            throw new IllegalArgumentException("--fano-window must be in (0, --t / 2 = " + runOptions.duration / 2 + "] (got " + fanoWindow + ")");
        }
        BalancedOptions.checkSize(net);
        BalancedComparison.Settings settings = new BalancedComparison.Settings(runOptions.settings(2, true), realizations, fanoWindow, ks);
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, "compare");
        BalancedComparisonResult r = BalancedComparison.run(net, settings, new BalancedMeanField(InputModel.parse(inputModel)), progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        Files.createDirectories(out);
        List<String> files = new ArrayList<>();
        int s = r.time().length;
        Npy.write(out.resolve("time.npy"), r.time(), s);
        Npy.write(out.resolve("distance_sim.npy"), BalancedPlots.flatten(new double[][] {r.distanceSimE(), r.distanceSimI()}), 2, s);
        Npy.write(out.resolve("distance_theory.npy"), BalancedPlots.flatten(new double[][] {r.distanceTheoryE(), r.distanceTheoryI()}), 2, s);
        files.addAll(List.of("time.npy", "distance_sim.npy", "distance_theory.npy"));
        LinePlot.Builder db = Plots.plot("Replica distance: simulation (mean of " + r.realizations() + ") vs mean field",
                Plots.time(Plots.TAU_E), Plots.label("replica distance", "D", ""));
        Plots.pair(db, "D_E mean field", "D_E simulation", r.time(), r.distanceTheoryE(), r.time(), r.distanceSimE(), null);
        Plots.pair(db, "D_I mean field", "D_I simulation", r.time(), r.distanceTheoryI(), r.time(), r.distanceSimI(), null);
        LinePlot d = db.build();
        files.addAll(OutputDirectory.fileNames(d.writePngAndSvg(out, "distance")));
        dir.record(files);
        List<Verdict> verdicts = verdicts(net, r);
        List<String> warnings = warnings(net, runOptions.duration, r);
        long seed = settings.run().seed();
        RunSummary.Builder summary = RunSummary.builder(spec, 1).seed("master", seed)
                .seed("realizations", seed + " .. " + (seed + realizations - 1));
        summary.result("theory", BalancedTheorySummary.of(r.theory())).result("rateE", r.rateE()).result("rateI", r.rateI())
                .result("qE", r.qE()).result("qI", r.qI()).result("distanceE", r.distanceE()).result("distanceI", r.distanceI())
                .result("rateDistributions", r.rateDistributions()).result("cvE", r.cvE()).result("cvI", r.cvI())
                .result("fanoE", r.fanoE()).result("fanoI", r.fanoI()).result("growthExponent", r.growthExponent())
                .result("survived", r.survived()).result("realizations", r.realizations()).result("wallSeconds", r.wallSeconds())
                .result("updatesPerSecond", r.updatesPerSecond()).result("synapticEventsPerSecond", r.synapticEventsPerSecond())
                .result("agrees", verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(summary::verdict);
        warnings.forEach(summary::warning);
        summary.writeTo(dir);
        var o = spec.commandLine().getOut();
        line(o, "mE", r.rateE());
        line(o, "mI", r.rateI());
        line(o, "qE", r.qE());
        line(o, "qI", r.qI());
        line(o, "D*E", r.distanceE());
        line(o, "D*I", r.distanceI());
        o.printf("CV E %.3f +- %.3f, I %.3f +- %.3f; Fano E %.3f +- %.3f, I %.3f +- %.3f (Poisson: 1)%n", r.cvE()[0], r.cvE()[1],
                r.cvI()[0], r.cvI()[1], r.fanoE()[0], r.fanoE()[1], r.fanoI()[0], r.fanoI()[1]);
        for (BalancedRateDistribution k : r.rateDistributions()) {
            o.printf("KS %s: %.4f (bound %.4f)%n", k.population(), k.ksDistance(), k.ksBound());
        }
        verdicts.forEach(v -> o.println(v.line()));
        o.printf("wrote %s%n", dir.target());
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        return 0;
    }

    /**
     * One verdict per compared quantity, with the tolerance of BalancedComparisonTest: 3 standard errors over
     * realizations plus O(1/sqrt K) relative for the input correlations the mean field neglects (shared inputs and
     * the temporal correlation of the few active inputs), twice that for q (a square of rates).
     */
    static List<Verdict> verdicts(BalancedNetwork net, BalancedComparisonResult r) {
        double relK = 1 / Math.sqrt(net.k());
        String why = "O(1/sqrt K) relative (input correlations the mean field neglects)";
        String whyQ = "2 O(1/sqrt K) relative (input correlations the mean field neglects; q is a square of rates)";
        String whyD = "O(1/sqrt K) relative; mean over the " + r.survived() + " surviving perturbations";
        List<Verdict> v = new ArrayList<>();
        v.add(Verdict.of("mE", r.rateE(), relK * Math.abs(r.rateE().theory()), why));
        v.add(Verdict.of("mI", r.rateI(), relK * Math.abs(r.rateI().theory()), why));
        v.add(Verdict.of("qE", r.qE(), 2 * relK * Math.abs(r.qE().theory()), whyQ));
        v.add(Verdict.of("qI", r.qI(), 2 * relK * Math.abs(r.qI().theory()), whyQ));
        v.add(Verdict.of("D*E (late replica distance)", r.distanceE(), relK * Math.abs(r.distanceE().theory()), whyD));
        v.add(Verdict.of("D*I (late replica distance)", r.distanceI(), relK * Math.abs(r.distanceI().theory()), whyD));
        return v;
    }

    /** Runs too small or too short for their estimates to mean anything. */
    static List<String> warnings(BalancedNetwork net, double duration, BalancedComparisonResult r) {
        List<String> w = new ArrayList<>();
        if (r.realizations() < 3) {
            w.add("--realizations " + r.realizations() + ": standard errors from " + (r.realizations() - 1)
                    + " degree(s) of freedom are themselves uncertain by a factor of 2 or more; use >= 3 (better 5) for verdicts to mean much");
        }
        if (Math.min(net.nE(), net.nI()) < 200) {
            w.add("--ne " + net.nE() + ", --ni " + net.nI() + " are small: population averages over fewer than 200 units");
        }
        double p = (double) net.k() / Math.min(net.nE(), net.nI());
        if (p > 0.1) {
            w.add(String.format(java.util.Locale.ROOT, "--k %d is %.0f %% of the smaller population: shared inputs correlate the units "
                    + "beyond what the mean field (K << N) and its O(1/sqrt K) allowance assume", net.k(), 100 * p));
        }
        double few = 20 * Math.max(net.tauE(), net.tauI());
        if (duration < few) {
            w.add(String.format(java.util.Locale.ROOT, "--t %.4g is under 20 update times (%.4g): rates and q average few independent "
                    + "samples, and the late replica distance (second half of the run) may not have saturated at D*", duration, few));
        }
        if (r.survived() < 2) {
            w.add(r.survived() + " of " + r.realizations() + " one-flip perturbations survived (the others healed, distance 0): D* has "
                    + "no standard error and cannot be judged; use more realizations");
        }
        return w;
    }

    private static void line(java.io.PrintWriter o, String name, Deviation d) {
        o.printf("%-4s theory %.6g  simulation %.6g +- %.2g  z = %.2f%n", name, d.theory(), d.simulation(), d.standardError(), d.zScore());
    }

}
