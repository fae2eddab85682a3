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
import org.chaoslab.compare.Deviation;
import org.chaoslab.compare.GlauberComparison;
import org.chaoslab.compare.GlauberComparisonResult;
import org.chaoslab.compare.Verdict;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.Npy;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.sim.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab compare glauber}: mean field beside simulations of the Glauber network and its matched rate model. */
@Command(name = "glauber", header = "Glauber binary network and its matched rate network beside their mean-field theory.", mixinStandardHelpOptions = true,
        description = {"Glauber binary network and its matched rate network (output noise from the dynamic mean field), "
                + "R realizations (seeds seed..seed+R-1, J shared by both networks and the replicas): mean rate and unit "
                + "autocorrelation C(s) against the mean field, N Var m(t) side by side, replica distance d(t) after one "
                + "flipped unit against the mean-field ODE and its fixed point d*, and the early/late growth-rate ratio.",
                "Prints and records (summary.json verdicts) a verdict per quantity: agrees when |simulation - theory| <= 3 SE "
                + "over realizations + an O(1/sqrt N) relative allowance (plus O(rate-dt/tau) for the matched rate C(s), s > 0); "
                + "warns when R < 3, N < 200, --t < max(20 tau, 10 x --max-lag), --replica-t < 20 tau or < 2 flips survived.",
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

    @Option(names = {"--acf-max-lag", "--max-lag"}, description = "Largest autocorrelation lag (--max-lag is the old name). Default: ${DEFAULT-VALUE}.", defaultValue = "3")
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
        return output.write(this::run);
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
        LinePlot.Builder ab = Plots.plot("Unit autocovariance C(s) − m²: binary, matched rate, mean field", Plots.LAG,
                Plots.label("autocovariance", "C(s) − m²", ""));
        Plots.pair(ab, "mean field", "binary (simulation ± SE)", r.lags(), cov[0], r.lags(), cov[1], acf[2]);
        Plots.estimate(ab, "matched rate (simulation ± SE)", r.lags(), cov[2], acf[4], ab.newColor(), 1);
        LinePlot a = ab.build();
        files.addAll(OutputDirectory.fileNames(a.writePngAndSvg(out, "autocorrelation")));
        double[] dStar = new double[r.time().length];
        java.util.Arrays.fill(dStar, r.distance().theory());
        LinePlot.Builder db = Plots.plot("Replica distance after one flip: simulation (mean of " + r.survived() + ") vs mean field",
                Plots.TIME, Plots.label("replica distance", "d", "")).logY(true);
        Plots.pair(db, "mean field", "binary (simulation)", r.time(), r.distanceTheory(), r.time(), r.distanceSim(), null);
        db.reference("fixed point d*", r.time(), dStar)
                .series(Plots.measured("matched rate (simulation)", r.time(), floor(r.distanceRate()), null));
        LinePlot d = db.build();
        files.addAll(OutputDirectory.fileNames(d.writePngAndSvg(out, "distance")));
        dir.record(files);
        Theory theory = new Theory(r.theory().m(), r.theory().q(), r.theory().mean(), r.theory().alpha(), r.theory().beta(),
                r.distance().theory(), r.decorrelatedDistance(), r.growthCoefficient(), r.growthExponent(),
                r.autocorrelation().outputNoiseVariance(), r.theory().m() * (1 - r.theory().m()));
        int[] shown = shownLags(lags);
        List<Verdict> verdicts = verdicts(net, settings, r, shown);
        List<String> warnings = warnings(net, settings, r);
        RunSummary.Builder summary = RunSummary.builder(spec, 1)
                .seed("master", seed).seed("realizations", seed + " .. " + (seed + realizations - 1))
                .seed("streams", "couplings shared by the binary and the matched rate network and by both replicas");
        summary.result("network", net).result("settings", settings).result("theory", theory).result("rate", r.rate())
                .result("matchedRate", r.matchedRate()).result("lags", r.lags()).result("binaryCorrelation", r.binaryCorrelation())
                .result("rateCorrelation", r.rateCorrelation()).result("populationVarianceBinary", r.populationVarianceBinary())
                .result("populationVarianceRate", r.populationVarianceRate()).result("distance", r.distance())
                .result("matchedRateFinalDistance", r.distanceRate()[r.distanceRate().length - 1])
                .result("earlyLateGrowthRatio", r.earlyLateGrowthRatio()).result("survived", r.survived())
                .result("realizations", r.realizations()).result("wallSeconds", r.wallSeconds())
                .result("agrees", verdicts.stream().allMatch(Verdict::agrees));
        verdicts.forEach(summary::verdict);
        warnings.forEach(summary::warning);
        summary.writeTo(dir);
        var o = spec.commandLine().getOut();
        line(o, "m (binary)", r.rate());
        line(o, "m (matched rate)", r.matchedRate());
        for (int l : shown) {
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
        verdicts.forEach(v -> o.println(v.line()));
        o.printf("wrote %s%n", dir.target());
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        return 0;
    }

    /** The lag indices printed and judged: 0 and about three more, evenly spaced. */
    static int[] shownLags(int lags) {
        int step = Math.max(1, (lags - 1) / 3);
        return java.util.stream.IntStream.iterate(0, l -> l < lags, l -> l + step).toArray();
    }

    /**
     * One verdict per compared quantity, with the tolerances of the core tests (GlauberComparisonTest,
     * GlauberMatchedRateTest, GlauberReplicaTest): 3 standard errors over realizations plus an O(1/sqrt N) relative
     * allowance for what the mean field neglects (the self-coupling J_ii and the pairwise correlations of units).
     */
    static List<Verdict> verdicts(GlauberNetwork net, GlauberComparison.Settings s, GlauberComparisonResult r, int[] shown) {
        double rel = 1 / Math.sqrt(net.n());
        String meanField = "O(1/sqrt N) relative (self-coupling, pairwise correlations the mean field neglects)";
        List<Verdict> v = new ArrayList<>();
        v.add(Verdict.of("m (binary)", r.rate(), rel * Math.abs(r.rate().theory()), meanField));
        v.add(Verdict.of("m (matched rate)", r.matchedRate(), rel * Math.abs(r.matchedRate().theory()), meanField));
        double m2 = r.theory().m() * r.theory().m();
        double euler = s.rateDt() / net.tau();
        for (int l : shown) {
            // C is judged as the covariance C - m^2: the relative allowance applies to that scale, plus the rate's
            // allowance propagated to m^2 (2 m . rel . m)
            double scale = Math.abs(r.binaryCorrelation()[l].theory() - m2);
            double allowance = rel * scale + 2 * rel * m2;
            String lag = String.format(java.util.Locale.ROOT, "%.2g", r.lags()[l]); // as in the printed lines
            v.add(Verdict.of("C(" + lag + ") binary", r.binaryCorrelation()[l], allowance,
                    "O(1/sqrt N) relative of C - m^2 and of m^2 (correlations the mean field neglects)"));
            // the matched rate network's exponential Euler step holds F(h) over --rate-dt: O(dt/tau) of the covariance
            // at lags > 0 (C(0), set by the output noise, is exact for any step)
            double step = l == 0 ? 0 : euler * scale;
            v.add(Verdict.of("C(" + lag + ") matched rate", r.rateCorrelation()[l], allowance + step,
                    l == 0 ? "O(1/sqrt N) relative of C - m^2 and of m^2"
                            : "O(1/sqrt N) relative of C - m^2 and of m^2, and O(rate-dt/tau) of C - m^2 for the Euler step"));
        }
        v.add(Verdict.of("d* (late replica distance)", r.distance(), rel * Math.abs(r.distance().theory()),
                "O(1/sqrt N) relative; mean over the " + r.survived() + " surviving perturbations"));
        double[] vb = r.populationVarianceBinary();
        double[] vr = r.populationVarianceRate();
        // not predicted by the N -> infinity mean field: the matched rate network is judged against the binary one
        v.add(Verdict.of("N Var m(t) matched rate vs binary (theory = binary network)", Deviation.of(vb[0], vr[0], Math.hypot(vb[1], vr[1])),
                rel * Math.abs(vb[0]), "O(1/sqrt N) relative; SE of both networks combined"));
        return v;
    }

    /** Runs too small or too short for their estimates to mean anything. */
    static List<String> warnings(GlauberNetwork net, GlauberComparison.Settings s, GlauberComparisonResult r) {
        List<String> w = new ArrayList<>();
        if (s.realizations() < 3) {
            w.add("--realizations " + s.realizations() + ": standard errors from " + (s.realizations() - 1)
                    + " degree(s) of freedom are themselves uncertain by a factor of 2 or more; use >= 3 (better 5) for verdicts to mean much");
        }
        if (net.n() < 200) {
            w.add(String.format(java.util.Locale.ROOT, "--n %d is small: the O(1/sqrt N) corrections (%.0f %%) the mean field "
                    + "neglects may exceed the stated allowance", net.n(), 100 / Math.sqrt(net.n())));
        }
        double few = Math.max(20 * net.tau(), 10 * s.maxLag());
        if (s.duration() < few) {
            w.add(String.format(java.util.Locale.ROOT, "--t %.4g is under max(20 tau, 10 x --max-lag) = %.4g: time averages hold few "
                    + "independent samples and C(s) is biased by the short window", s.duration(), few));
        }
        if (s.replicaDuration() < 20 * net.tau()) {
            w.add(String.format(java.util.Locale.ROOT, "--replica-t %.4g is under 20 tau: the late replica distance (mean over the "
                    + "second half) may not have saturated at d*", s.replicaDuration()));
        }
        if (r.survived() < 2) {
            w.add(r.survived() + " of " + r.realizations() + " one-flip perturbations survived (the others healed): d* has no "
                    + "standard error and cannot be judged; use more realizations");
        }
        return w;
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

}
