package org.chaoslab.cli.kernel;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.analysis.kernel.CircleKernel;
import org.chaoslab.analysis.kernel.ResponseKernels;
import org.chaoslab.analysis.kernel.TrialKernels;
import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.Resources;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Marker;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.kernel.KernelSimulator;
import org.chaoslab.sim.kernel.ResponseMemory;
import org.chaoslab.sim.kernel.ResponseRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chaoslab kernel simulate}: batched responses of one network realization to a stimulus set. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Responses of one network realization to P stimuli x T trials, all P*T columns advanced together (one "
                + "matrix product per step). Writes DIR/responses.npy (float32, recordings x stimuli x trials x units; "
                + "streamed to disk as recorded, one recording in memory), kernel_same.npy and kernel_cross.npy (P x P, "
                + "averaged over recordings), mean_response.npy, times.npy, "
                + "on a circle also kernel.csv (K by distance) and a plot, and summary.json."})
public final class KernelSimulateCommand implements Callable<Integer> {

    @Mixin
    KernelNetworkOptions network;

    @Mixin
    StimulusOptions stimuli;

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--seed", description = "Master seed: couplings, stimuli, initial states, update times. Default: ${DEFAULT-VALUE}.",
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
        StimulusNetwork net = network.network(stimuli.scale());
        Stimuli st = stimuli.stimuli(seed);
        ResponseProtocol prot = protocol.protocol();
        int nThreads = threads.threads();
        int p = st.count();
        int t = prot.trials();
        int n = net.n();
        Resources.arraySize("--stimuli", p, "one recording of stimuli x trials x units", (double) p * t * n);
        Resources.require("--stimuli", p, "the network state and one recording (responses are streamed to disk)",
                ResponseMemory.estimate(net, st, prot, false).total() + StreamedResponses.memory(p, t, n));
        Resources.requireDisk("--stimuli", p, "responses.npy, float32", output.directory(),
                4.0 * prot.recordings() * p * t * n);
        try (OutputDirectory dir = output.prepare()) {
            PrintWriter err = spec.commandLine().getErr();
            ProgressListener progress = Progress.on(err, "kernel simulate");
            StreamedResponses stream = new StreamedResponses(dir.path("responses.npy"));
            ResponseRun run = KernelSimulator.run(net, st, prot, seed, nThreads, List.of(stream), progress);
            if (progress instanceof Progress bar) {
                bar.clear();
            }
            int recorded = stream.recorded();
            RunSummary.Builder summary = RunSummary.builder(spec, nThreads)
                    .seed("master", seed).seed("streams", "couplings/<row> (balanced: connectivity/unit/<i>), stimuli/<feature>, "
                            + "initial/<p>/<t> or initial/shared, updates/<p>/<t>, noise/<p>/<t>");
            dir.record("responses.npy");
            if (recorded > 0) {
                dir.npy("times.npy", stream.times());
                dir.npy("mean_response.npy", stream.means());
                TrialKernels averaged = stream.meanKernels();
                double[] same = averaged.sameTrial();
                double[] cross = t >= 2 ? averaged.crossTrial() : null;
                dir.npy("kernel_same.npy", same, p, p);
                if (cross != null) {
                    dir.npy("kernel_cross.npy", cross, p, p);
                }
                double meanResponse = java.util.Arrays.stream(stream.means()).average().orElse(Double.NaN);
                summary.result("meanResponse", meanResponse);
                summary.result("sameTrialK0", trace(same, p));
                if (cross != null) {
                    summary.result("crossTrialK0", trace(cross, p));
                    summary.result("nugget", trace(same, p) - trace(cross, p));
                }
                if (st instanceof Stimuli.Circle && stimuli.isCircle() && t >= 2 && p >= 4) {
                    CircleKernel c = ResponseKernels.onCircle(new TrialKernels(p, t, n, same, cross));
                    dir.csv("kernel.csv", CsvTable.builder().column("delta", c.distances()).column("same_trial", c.sameTrial())
                            .column("cross_trial", c.crossTrial()).build());
                    dir.figure("kernel", Plots.plot("Kernel vs stimulus distance (" + net.kind().label() + ", N = " + n
                                    + (net.kind() == StimulusNetwork.Kind.BALANCED ? ", K = " + net.balanced().k() : ", g = " + net.g())
                                    + ")", Plots.STIMULUS_DISTANCE, Plots.label("kernel", "K(Δ) = (1/N) Σ_i r_i r_i′", ""))
                            .series("cross-trial", c.distances(), c.crossTrial(), LineStyle.MARKERS)
                            .series(new PlotSeries("same trial, Δ = 0", new double[] {0.0}, new double[] {c.sameTrial()[0]}, null,
                                    LineStyle.MARKERS).withMarker(Marker.DIAMOND))
                            .build());
                }
            }
            summary.result("recordings", recorded).result("steps", run.steps())
                    .result("fieldKernel", run.fieldKernel()).result("wallSeconds", run.wallSeconds());
            int exit = 0;
            if (run.divergence().isPresent()) {
                summary.status(RunSummary.DIVERGED).result("divergence", run.divergence().get().toString());
                err.println("chaoslab: diverged: " + run.divergence().get() + "; kept " + recorded + " recordings");
                exit = Main.EXIT_DIVERGED;
            }
            summary.writeTo(dir);
            dir.commit();
            spec.commandLine().getOut().printf("%d recordings of %d stimuli x %d trials x %d units in %.2f s; wrote %s%n", recorded, p,
                    t, n, run.wallSeconds(), dir.target());
            return exit;
        }
    }

    private static double trace(double[] k, int p) {
        double s = 0;
        for (int i = 0; i < p; i++) {
            s += k[i * p + i];
        }
        return s / p;
    }
}
