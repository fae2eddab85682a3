package org.chaoslab.cli;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.GlauberComparison;
import org.chaoslab.compare.GlauberComparisonResult;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Npy;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.sim.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab compare glauber}: mean field beside simulations of the Glauber network and its matched rate model. */
@Command(name = "glauber", mixinStandardHelpOptions = true,
        description = {"Glauber binary network and its matched rate network (output noise from the dynamic mean field),",
                "R realizations (seeds seed..seed+R-1, J shared by both networks and the replicas): mean rate and unit",
                "autocorrelation C(s) against the mean field, N Var m(t) side by side, replica distance d(t) after one",
                "flipped unit against the mean-field ODE and its fixed point d*, and the early/late growth-rate ratio.",
                "Writes DIR/summary.json, autocorrelation.csv, distance.csv, *.npy and PNG/SVG plots."})
public final class CompareGlauberCommand implements Callable<Integer> {

    @Mixin
    GlauberOptions options;

    @Option(names = "--realizations", description = "Network realizations R >= 2. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    int realizations;

    @Option(names = "--seed", description = "Master seed of realization 0. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Option(names = "--t", description = "Recorded duration of the binary and rate runs. Default: ${DEFAULT-VALUE}.", defaultValue = "60")
    double duration;

    @Option(names = "--transient", description = "Time before recording and before the flip. Default: ${DEFAULT-VALUE}.", defaultValue = "10")
    double transientTime;

    @Option(names = "--sample-interval", description = "Sampling interval. Default: ${DEFAULT-VALUE}.", defaultValue = "0.1")
    double sampleInterval;

    @Option(names = "--max-lag", description = "Largest autocorrelation lag. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    double maxLag;

    @Option(names = "--rate-dt", description = "Step of the matched rate network (divides --sample-interval). Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.05")
    double rateDt;

    @Option(names = "--replica-t", description = "Recorded time after the flip (>= 2 tau). Default: ${DEFAULT-VALUE}.", defaultValue = "20")
    double replicaDuration;

    @Option(names = "--independent-noise", description = "Replicas draw their threshold noise independently (default: shared draws).")
    boolean independentNoise;

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
        GlauberNetwork net = options.network();
        if (replicaDuration < 2 * net.tau()) {
            throw new IllegalArgumentException("--replica-t must be >= 2 tau = " + 2 * net.tau() + " (got " + replicaDuration + ")");
        }
        GlauberComparison.Settings settings = new GlauberComparison.Settings(realizations, seed, duration, transientTime, sampleInterval,
                maxLag, rateDt, replicaDuration, !independentNoise);
        if (rateDt > sampleInterval) {
            throw new IllegalArgumentException("--rate-dt must be in (0, --sample-interval = " + sampleInterval + "] (got " + rateDt + ")");
        }
        if (Math.abs(Math.round(sampleInterval / rateDt) * rateDt - sampleInterval) > 1e-9 * sampleInterval) {
            throw new IllegalArgumentException("--rate-dt must divide --sample-interval = " + sampleInterval + " (got " + rateDt + ")");
        }
        var err = spec.commandLine().getErr();
        ProgressListener progress = Progress.on(err, "compare");
        GlauberComparisonResult r = GlauberComparison.run(net, settings, GaussianExpectation.standard(), progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        Files.createDirectories(out);
        List<String> files = new ArrayList<>();
        int lags = r.lags().length;
        double[][] acf = new double[5][lags];
        for (int l = 0; l < lags; l++) {
            acf[0][l] = r.binaryCorrelation()[l].theory();
            acf[1][l] = r.binaryCorrelation()[l].simulation();
            acf[2][l] = r.binaryCorrelation()[l].standardError();
            acf[3][l] = r.rateCorrelation()[l].simulation();
            acf[4][l] = r.rateCorrelation()[l].standardError();
        }
        CsvTable.builder().column("lag", r.lags()).column("theory", acf[0]).column("binary", acf[1]).column("binary_se", acf[2])
                .column("matched_rate", acf[3]).column("matched_rate_se", acf[4]).build().write(out.resolve("autocorrelation.csv"));
        CsvTable.builder().column("t", r.time()).column("simulation", r.distanceSim()).column("theory", r.distanceTheory())
                .column("matched_rate", r.distanceRate()).build()
                .write(out.resolve("distance.csv"));
        Npy.write(out.resolve("time.npy"), r.time(), r.time().length);
        Npy.write(out.resolve("distance_sim.npy"), r.distanceSim(), r.distanceSim().length);
        Npy.write(out.resolve("distance_theory.npy"), r.distanceTheory(), r.distanceTheory().length);
        Npy.write(out.resolve("distance_matched_rate.npy"), r.distanceRate(), r.distanceRate().length);
        files.addAll(List.of("autocorrelation.csv", "distance.csv", "time.npy", "distance_sim.npy", "distance_theory.npy", "distance_matched_rate.npy"));
        double m2 = r.theory().m() * r.theory().m();
        double[][] cov = new double[3][lags];
        for (int l = 0; l < lags; l++) {
            cov[0][l] = acf[0][l] - m2;
            cov[1][l] = acf[1][l] - m2;
            cov[2][l] = acf[3][l] - m2;
        }
        LinePlot a = LinePlot.builder().title("Unit autocovariance C(s) - m^2: binary, matched rate, mean field")
                .xLabel("s / tau").yLabel("C(s) - m^2")
                .series("binary (sim)", r.lags(), cov[1], LineStyle.LINE).series("matched rate (sim)", r.lags(), cov[2], LineStyle.LINE)
                .series("mean field", r.lags(), cov[0], LineStyle.DASHED).build();
        files.addAll(RateOutputs.names(a.writePngAndSvg(out, "autocorrelation")));
        double[] dStar = new double[r.time().length];
        java.util.Arrays.fill(dStar, r.distance().theory());
        LinePlot d = LinePlot.builder().title("Replica distance after one flip: simulation (mean of " + r.survived() + ") vs mean field")
                .xLabel("t / tau").yLabel("d").logY(true)
                .series("simulation", r.time(), r.distanceSim(), LineStyle.LINE)
                .series("mean field", r.time(), r.distanceTheory(), LineStyle.DASHED)
                .series("d*", r.time(), dStar, LineStyle.DASHED)
                .series("matched rate (sim)", r.time(), floor(r.distanceRate()), LineStyle.LINE).build();
        files.addAll(RateOutputs.names(d.writePngAndSvg(out, "distance")));
        files.add("summary.json");
        Theory theory = new Theory(r.theory().m(), r.theory().q(), r.theory().mean(), r.theory().alpha(), r.theory().beta(),
                r.distance().theory(), r.decorrelatedDistance(), r.growthCoefficient(), r.growthExponent(),
                r.autocorrelation().outputNoiseVariance(), r.theory().m() * (1 - r.theory().m()));
        JsonOutput.write(out.resolve("summary.json"), new Summary("compare glauber", net, settings, theory, r.rate(), r.matchedRate(),
                r.lags(), r.binaryCorrelation(), r.rateCorrelation(), r.populationVarianceBinary(), r.populationVarianceRate(),
                r.distance(), r.distanceRate()[r.distanceRate().length - 1], r.earlyLateGrowthRatio(), r.survived(), r.realizations(), r.wallSeconds(), Metadata.capture(1), files));
        var o = spec.commandLine().getOut();
        line(o, "m (binary)", r.rate());
        line(o, "m (matched rate)", r.matchedRate());
        for (int l = 0; l < lags; l += Math.max(1, (lags - 1) / 3)) {
            line(o, String.format("C(%.2g) binary", r.lags()[l]), r.binaryCorrelation()[l]);
            line(o, String.format("C(%.2g) matched", r.lags()[l]), r.rateCorrelation()[l]);
        }
        o.printf("N Var m(t): binary %.4g +- %.2g, matched rate %.4g +- %.2g%n", r.populationVarianceBinary()[0],
                r.populationVarianceBinary()[1], r.populationVarianceRate()[0], r.populationVarianceRate()[1]);
        line(o, "d*", r.distance());
        o.printf("matched rate replica distance: d(0) = %.3g, d(%.3g) = %.3g%n", r.distanceRate()[0], r.time()[r.time().length - 1],
                r.distanceRate()[r.distanceRate().length - 1]);
        o.printf("output noise a = %.5g (m(1-m) = %.5g); 2(m-q) = %.5g; sqrt-law c = %.4g, exponent %.3f; growth ratio sim %.3g, theory %.3g;"
                + " %d/%d perturbations survived%n", theory.outputNoiseVariance(), theory.binaryVariance(), r.decorrelatedDistance(),
                r.growthCoefficient(), r.growthExponent(), r.earlyLateGrowthRatio()[0], r.earlyLateGrowthRatio()[1], r.survived(),
                r.realizations());
        o.printf("wrote %s%n", dir.target());
        return 0;
    }

    /** Values below 10⁻¹² raised to it, so that a decayed distance stays on the log axis. */
    private static double[] floor(double[] d) {
        double[] f = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = Math.max(d[i], 1e-12);
        }
        return f;
    }

    private static void line(java.io.PrintWriter o, String name, Deviation d) {
        o.printf("%-18s theory %.6g  simulation %.6g +- %.2g  z = %.2f%n", name, d.theory(), d.simulation(), d.standardError(), d.zScore());
    }

    /** The mean-field numbers of summary.json. */
    record Theory(double m, double q, double meanInput, double inputVariance, double quenchedVariance, double distanceFixedPoint,
                  double decorrelatedDistance, double growthCoefficient, double growthExponent, double outputNoiseVariance,
                  double binaryVariance) {
    }

    /** summary.json. */
    record Summary(String command, GlauberNetwork network, GlauberComparison.Settings settings, Theory theory, Deviation rate,
                   Deviation matchedRate, double[] lags, Deviation[] binaryCorrelation, Deviation[] rateCorrelation,
                   double[] populationVarianceBinary, double[] populationVarianceRate, Deviation distance,
                   double matchedRateFinalDistance, double[] earlyLateGrowthRatio, int survived, int realizations, double wallSeconds,
                   org.chaoslab.io.RunMetadata metadata, List<String> files) {
    }
}
