package org.chaoslab.cli.kernel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.compare.KernelComparison;
import org.chaoslab.compare.LearningCurveComparison;
import org.chaoslab.compare.RegularizationComparison;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Marker;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.theory.glauber.MatchedRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chaoslab kernel regularization}: a chaotic binary network and its non-chaotic matched rate twin, side by side. */
@Command(name = "regularization", header = "Chaotic regularization: discrete signaling beside its rate twin.", mixinStandardHelpOptions = true,
        description = {"Discrete signaling vs its rate twin (Bauer, Keup, Kadmon & Helias 2026; Keup et al. 2021): the Glauber "
                + "network and the matched rate network with output noise (same couplings, stimuli and first- and "
                + "second-order statistics; output noise from the dynamic mean field with the stimulus) on one circle of "
                + "stimuli: kernel vs distance with the two-replica theory, nugget, plain and cvPCA spectra with power-law "
                + "fits, learning curves of a linear readout with kernel-regression theory (nugget as ridge), roughness of "
                + "transients from one shared state. Writes kernel.csv, spectra.csv, learning_curves.csv, roughness.csv, "
                + "four figures and summary.json."})
public final class KernelRegularizationCommand implements Callable<Integer> {

    @Option(names = "--n", description = "Units N >= 2. Default: ${DEFAULT-VALUE}.", defaultValue = "1000")
    int n;

    @Option(names = "--g", description = "Coupling gain g >= 0. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double g;

    @Option(names = "--theta", description = "Threshold b. Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double theta;

    @Option(names = "--threshold-noise", description = "Threshold noise sigma >= 0 of the binary units. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.0")
    double sigma;

    @Option(names = "--dt", description = "Time step of the matched rate network (tau = 1). Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.05")
    double dt;

    @Mixin
    StimulusOptions stimuli;

    @Option(names = "--transient", description = "Time (tau) before the first recording. Default: ${DEFAULT-VALUE}.",
            defaultValue = "20")
    double transientTime;

    @Option(names = "--samples", description = "Recordings (kernel averaged over them). Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    int samples;

    @Option(names = "--fit-ranks", description = "FROM:TO, ranks of the spectral fits. Default: ${DEFAULT-VALUE}.", defaultValue = "11:100")
    String fitRanks;

    @Option(names = "--sizes", split = ",", description = "Training-set sizes of the learning curves. Default: ${DEFAULT-VALUE}.",
            defaultValue = "8,16,32,64,128")
    int[] sizes;

    @Option(names = "--target", description = "Readout target (cos:K, sin:K joined by '+'). Default: ${DEFAULT-VALUE}.",
            defaultValue = "cos:1+sin:3")
    String target;

    @Option(names = "--draws", description = "Training sets per size. Default: ${DEFAULT-VALUE}.", defaultValue = "30")
    int draws;

    @Option(names = "--roughness-times", split = ",", paramLabel = "T",
            description = "Times (tau) of the transient from one shared state whose roughness is compared (local exponent of "
                    + "1 - K_t(Delta)/K_t(0)); multiples of --dt; 'none' to skip. Default: ${DEFAULT-VALUE}.", defaultValue = "1,2,4")
    String[] roughnessTimes;

    @Option(names = "--roughness-lags", description = "FROM:TO, lags k (Delta_k = 2 pi k / P) of the roughness fits, "
            + "1 <= FROM < TO <= P/2. Default: 2:min(16, P/2).")
    String roughnessLags;

    @Option(names = "--seed", description = "Master seed, shared by both networks (same J, inputs). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    long seed;

    @Mixin
    OutputOptions output;

    @Mixin
    ThreadsOptions threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!stimuli.isCircle()) {
            throw new IllegalArgumentException("--stimuli must be circle:P");
        }
        Stimuli.Circle circle = (Stimuli.Circle) stimuli.stimuli(seed);
        if (samples < 1 || !(transientTime >= 0)) {
            throw new IllegalArgumentException("--samples must be >= 1 and --transient >= 0");
        }
        KernelLearningCurveCommand.checkDraws(draws);
        int[] ranks = KernelTheoryCommand.ranks(fitRanks);
        KernelLearningCurveCommand.checkSizes(sizes, circle.count());
        LearningCurveComparison.target(target, circle.count());
        StimulusNetwork glauber = new StimulusNetwork(StimulusNetwork.Kind.GLAUBER, n, g, 0.0, theta, 0.0, null, sigma, 0.0, 1.0, 1.0,
                org.chaoslab.model.Precision.FLOAT64);
        StimulusNetwork matched = MatchedRate.of(glauber, circle.scale(), dt);
        double[] times = roughnessTimes();
        int[] lags = KernelTheoryCommand.roughnessLags(roughnessLags, circle.count());
        if (times.length > 0 && lags[1] > circle.count() / 2) {
            throw new IllegalArgumentException("--roughness-lags must be <= P/2 = " + circle.count() / 2 + " (got " + lags[1] + ")");
        }
        RegularizationComparison.Settings settings = new RegularizationComparison.Settings(
                ResponseProtocol.stationary(2, transientTime, samples, 5.0), seed, ranks, 10, sizes, target, draws, threads.threads(),
                times, lags);
        try (OutputDirectory dir = output.prepare()) {
            ProgressListener progress = Progress.on(spec.commandLine().getErr(), "kernel regularization");
            List<RegularizationComparison.Code> codes = RegularizationComparison.run(List.of(glauber, matched), circle, settings, progress);
            if (progress instanceof Progress bar) {
                bar.clear();
            }
            var theory = KernelComparison.theory(glauber, circle.scale()).statistics();
            RunSummary.Builder summary = RunSummary.builder(spec, threads.threads()).seed("master", seed)
                    .result("outputNoiseVariance", matched.outputNoiseVariance()).result("theory", theory);
            CsvTable.Builder kernelCsv = CsvTable.builder().column("delta", codes.getFirst().kernel().distances());
            CsvTable.Builder spectraCsv = CsvTable.builder();
            CsvTable.Builder lcCsv = CsvTable.builder();
            LinePlot.Builder kernelPlot = Plots.plot(String.format("Kernel vs distance, N = %d, g = %.3g", n, g),
                    Plots.STIMULUS_DISTANCE, Plots.label("kernel", "K(Δ)", ""));
            double[] fine = new double[65];
            double[] fineK = new double[65];
            var kt = KernelComparison.theory(glauber, circle.scale());
            for (int j = 0; j < fine.length; j++) {
                fine[j] = Math.PI * j / (fine.length - 1);
                fineK[j] = kt.kernelOnCircle(fine[j]);
            }
            // the Glauber network is the binary network of the theory: its colour; the matched rate network another
            int theorySlot = kernelPlot.newColor();
            kernelPlot.series(new PlotSeries("two-replica theory (binary)", fine, fineK, null, LineStyle.LINE, theorySlot));
            LinePlot.Builder spectrumPlot = SpectrumSeries.plot("Response spectra: plain PCA and cvPCA");
            LinePlot.Builder roughPlot = Plots.plot("Transient roughness 1 − K_t(Δ)/K_t(0)", Plots.STIMULUS_DISTANCE,
                    Plots.label("roughness", "1 − K_t(Δ)/K_t(0)", "")).logX(true).logY(true)
                    .note("solid: Glauber two-replica theory; markers: Glauber simulation; dashed: matched rate network");
            CsvTable.Builder roughCsv = CsvTable.builder().column("delta", codes.getFirst().kernel().distances());
            LinePlot.Builder lcPlot = Plots.plot("Learning curves of a linear readout", Plots.label("training stimuli", "P", ""),
                    Plots.label("generalization error", "E_g", "")).logX(true).logY(true);
            int model = 0;
            List<Map<String, Object>> rows = new ArrayList<>();
            PrintWriter o = spec.commandLine().getOut();
            for (RegularizationComparison.Code c : codes) {
                String name = c.network().kind().label();
                kernelCsv.column(name + "_same", c.kernel().sameTrial()).column(name + "_cross", c.kernel().crossTrial());
                int slot = model == 0 ? theorySlot : kernelPlot.newColor();
                Plots.estimate(kernelPlot, name + " cross-trial", c.kernel().distances(), c.kernel().crossTrial(), null, slot, model);
                kernelPlot.series(new PlotSeries(name + " same trial K(0)", new double[] {0.0},
                        new double[] {c.kernel().sameTrial()[0]}, null, LineStyle.MARKERS, slot).withMarker(model == 0 ? Marker.DIAMOND : Marker.OPEN_DIAMOND));
                model++;
                spectraCsv.column(name + "_plain", pad(c.plain().variances(), circle.count()))
                        .column(name + "_cv", pad(c.crossValidated().variances(), circle.count()));
                SpectrumSeries.add(spectrumPlot, name + " plain", c.plain(), c.plainFit(), false);
                SpectrumSeries.add(spectrumPlot, name + " cvPCA", c.crossValidated(), c.crossValidatedFit(), true);
                int m = c.learningCurve().points().size();
                double[] pp = new double[m];
                double[] e = new double[m];
                double[] se = new double[m];
                double[] th = new double[m];
                for (int i = 0; i < m; i++) {
                    var pt = c.learningCurve().points().get(i);
                    pp[i] = pt.trainSize();
                    e[i] = pt.measured().value();
                    se[i] = pt.measured().standardError();
                    th[i] = pt.theory();
                }
                lcCsv.column(name + "_P", pp).column(name + "_error", e).column(name + "_error_se", se).column(name + "_theory", th);
                Plots.pair(lcPlot, name + " theory", name + " simulation", pp, th, pp, e, se);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", name);
                row.put("meanResponse", c.meanResponse());
                row.put("sameTrialK0", c.kernel().sameTrial()[0]);
                row.put("crossTrialK0", c.kernel().crossTrial()[0]);
                row.put("nugget", c.nugget());
                row.put("plainExponent", c.plainFit().exponent());
                row.put("cvExponent", c.crossValidatedFit().exponent());
                row.put("fitRanks", ranks);
                row.put("learningCurve", c.learningCurve());
                row.put("wallSeconds", c.wallSeconds());
                rows.add(row);
                o.printf("%-13s m %.4f  K(0) %.4f  K(0+) %.4f  nugget %.4f  alpha plain %.3f cvPCA %.3f%n", name, c.meanResponse(),
                        c.kernel().sameTrial()[0], c.kernel().crossTrial()[0], c.nugget(), c.plainFit().exponent().value(),
                        c.crossValidatedFit().exponent().value());
                for (var pt : c.learningCurve().points()) {
                    o.printf("              P = %4d  E_g %.4g +- %.2g  theory (ridge = nugget) %.4g%n", pt.trainSize(),
                            pt.measured().value(), pt.measured().standardError(), pt.theory());
                }
                List<Map<String, Object>> rough = new ArrayList<>();
                for (RegularizationComparison.Roughness r : c.roughness()) {
                    rough.add(Map.of("t", r.time(), "exponent", r.exponent()));
                    String label = String.format("%s t=%.3g", name, r.time());
                    roughCsv.column(String.format("%s_t%.3g", name, r.time()), r.relativeDeficit());
                    o.printf("              transient t = %.3g: roughness exponent %.3f (lags %d..%d)%n", r.time(), r.exponent(), lags[0],
                            lags[1]);
                }
                row.put("roughness", rough);
            }
            o.printf("theory (binary, N -> infinity): m %.4f  K(0+) %.4f  nugget %.4f; matched output noise a = %.4f%n",
                    theory.meanResponse(), theory.zeroPlus(), theory.nugget(), matched.outputNoiseVariance());
            if (times.length > 0) {
                // simulation beside the Glauber two-replica ODE with shared update times (docs/kernels.md), one colour per
                // time; the matched rate network has no transient theory; log axes: positive deficits only
                double[] d = codes.getFirst().kernel().distances();
                var bt = (org.chaoslab.theory.kernel.BinaryKernelTheory) kt;
                for (int i = 0; i < times.length; i++) {
                    double[] y = new double[d.length - 1];
                    for (int k = 1; k < d.length; k++) {
                        var tr = bt.glauberTransient(Math.min(Math.PI, d[k]), 0.5, times[i], Math.min(0.01, times[i] / 100));
                        y[k - 1] = tr.relativeDeficit(tr.time().length - 1);
                    }
                    roughCsv.column(String.format("glauber_t%.3g_theory", times[i]), prepend(y));
                    int slot = roughPlot.newColor();
                    for (RegularizationComparison.Code c : codes) {
                        RegularizationComparison.Roughness r = c.roughness().get(i);
                        int[] keep = java.util.stream.IntStream.range(1, d.length).filter(k -> r.relativeDeficit()[k] > 0).toArray();
                        double[] xs = java.util.Arrays.stream(keep).mapToDouble(k -> d[k]).toArray();
                        double[] ys = java.util.Arrays.stream(keep).mapToDouble(k -> r.relativeDeficit()[k]).toArray();
                        String label = String.format("%s t = %.3g (γ = %.2f)", c.network().kind().label(), times[i], r.exponent());
                        if (c.network().kind() == StimulusNetwork.Kind.GLAUBER) {
                            roughPlot.series(new PlotSeries(label + " theory", java.util.Arrays.copyOfRange(d, 1, d.length), y, null,
                                    LineStyle.LINE, slot));
                            Plots.estimate(roughPlot, label + " simulation", xs, ys, null, slot, 0);
                        } else if (keep.length > 0) {
                            roughPlot.series(new PlotSeries(label, xs, ys, null, LineStyle.DASHED, slot));
                        }
                    }
                }
            }
            dir.csv("kernel.csv", kernelCsv.build());
            dir.csv("spectra.csv", spectraCsv.build());
            dir.csv("learning_curves.csv", lcCsv.build());
            dir.figure("kernel", kernelPlot.build());
            dir.figure("spectra", spectrumPlot.build());
            dir.figure("learning_curves", lcPlot.build());
            if (times.length > 0) {
                dir.csv("roughness.csv", roughCsv.build());
                dir.figure("roughness", roughPlot.build());
            }
            summary.result("models", rows);
            summary.writeTo(dir);
            dir.commit();
            o.printf("wrote %s%n", dir.target());
        }
        return 0;
    }

    /** The --roughness-times, empty for 'none'. */
    private double[] roughnessTimes() {
        if (roughnessTimes.length == 1 && "none".equalsIgnoreCase(roughnessTimes[0].trim())) {
            return new double[0];
        }
        double[] t = new double[roughnessTimes.length];
        for (int i = 0; i < t.length; i++) {
            try {
                t[i] = Double.parseDouble(roughnessTimes[i].trim());
            } catch (NumberFormatException e) {
                t[i] = Double.NaN;
            }
            if (!(t[i] > 0) || !Double.isFinite(t[i]) || (i > 0 && t[i] <= t[i - 1])) {
                throw new IllegalArgumentException("--roughness-times must be increasing positive times or 'none' (got '"
                        + String.join(",", roughnessTimes) + "')");
            }
        }
        return t;
    }

    private static double[] prepend(double[] y) {
        double[] out = new double[y.length + 1];
        System.arraycopy(y, 0, out, 1, y.length);
        return out;
    }

    private static double[] pad(double[] v, int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, Double.NaN);
        System.arraycopy(v, 0, out, 0, Math.min(v.length, length));
        return out;
    }
}
