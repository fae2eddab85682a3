package org.chaoslab.cli;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chaoslab.compare.BalancedComparison;
import org.chaoslab.compare.BalancedComparisonResult;
import org.chaoslab.compare.BalancedRateDistribution;
import org.chaoslab.compare.Deviation;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
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
        description = {"Balanced E/I binary network: finite-K mean field beside R simulated realizations (seeds seed..seed+R-1),",
                "each with two replicas differing by one flipped unit. Rates, q, late-time replica distance vs D* = 2(m - q)",
                "(z-scores from the scatter over realizations), CV and Fano factors, optional KS distances of rate distributions."})
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
        try (OutputDirectory dir = output.prepare()) {
            int code = run(dir);
            dir.commit();
            return code;
        }
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
        LinePlot d = LinePlot.builder().title("Replica distance: simulation (mean of " + r.realizations() + ") vs mean field")
                .xLabel("t / tau_E").yLabel("D")
                .series("D_E sim", r.time(), r.distanceSimE(), LineStyle.LINE).series("D_I sim", r.time(), r.distanceSimI(), LineStyle.LINE)
                .series("D_E theory", r.time(), r.distanceTheoryE(), LineStyle.DASHED)
                .series("D_I theory", r.time(), r.distanceTheoryI(), LineStyle.DASHED).build();
        files.addAll(RateOutputs.names(d.writePngAndSvg(out, "distance")));
        files.add("summary.json");
        Summary summary = new Summary(BalancedTheorySummary.of(r.theory()), r.rateE(), r.rateI(), r.qE(), r.qI(), r.distanceE(),
                r.distanceI(), r.rateDistributions(), r.cvE(), r.cvI(), r.fanoE(), r.fanoI(), r.growthExponent(), r.survived(),
                r.realizations(), settings.run().seed(), r.wallSeconds(), r.updatesPerSecond(), r.synapticEventsPerSecond(),
                Metadata.capture(1), files);
        JsonOutput.write(out.resolve("summary.json"), summary);
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
        o.printf("wrote %s%n", dir.target());
        return 0;
    }

    private static void line(java.io.PrintWriter o, String name, Deviation d) {
        o.printf("%-4s theory %.6g  simulation %.6g +- %.2g  z = %.2f%n", name, d.theory(), d.simulation(), d.standardError(), d.zScore());
    }

    /** summary.json. */
    record Summary(BalancedTheorySummary theory, Deviation rateE, Deviation rateI, Deviation qE, Deviation qI, Deviation distanceE,
                   Deviation distanceI, List<BalancedRateDistribution> rateDistributions, double[] cvE, double[] cvI, double[] fanoE,
                   double[] fanoI, double growthExponent, int survived, int realizations, long seed, double wallSeconds,
                   double updatesPerSecond, double synapticEventsPerSecond, org.chaoslab.io.RunMetadata metadata, List<String> files) {
    }
}
