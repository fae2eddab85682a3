package org.chaoslab.cli.kernel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.compare.KernelComparison;
import org.chaoslab.compare.KernelComparisonResult;
import org.chaoslab.compare.Verdict;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.LinePlot;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.kernel.StimulusResponses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chaoslab compare kernel}: simulated stimulus kernels beside the two-replica theory, with verdicts. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = {"Stimulus-response kernels on a circle of stimuli: R network realizations (seeds seed..seed+R-1)",
                "against the two-replica theory. Stationary protocol: cross-trial K(Delta) at every distance, same-trial K(0), "
                + "nugget, mean response. Transient protocol (one shared initial state): K_t(Delta) at each --times and the "
                + "local roughness exponent gamma_t (2^(1-t) for the synchronous binary map). Each quantity gets a verdict "
                + "(tolerance t*SE + 4 K(0)/N, stated in summary.json). Writes kernel.csv, plots, responses of realization 0."})
public final class CompareKernelCommand implements Callable<Integer> {

    @Mixin
    KernelNetworkOptions network;

    @Mixin
    StimulusOptions stimuli;

    @Mixin
    ProtocolOptions protocol;

    @Option(names = "--realizations", description = "Network realizations R >= 2. Default: ${DEFAULT-VALUE}.", defaultValue = "4")
    int realizations;

    @Option(names = "--seed", description = "Master seed of realization 0. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Option(names = "--roughness-lags", description = "FROM:TO, lags k (Delta_k = 2 pi k / P) of the roughness fits of the "
            + "transient protocol, 1 <= FROM < TO <= P/2. Default: 2:min(16, P/2).")
    String roughnessLags;

    @Mixin
    OutputOptions output;

    @Mixin
    ThreadsOptions threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StimulusNetwork net = network.network(stimuli.scale());
        if (!stimuli.isCircle()) {
            throw new IllegalArgumentException("--stimuli must be circle:P for 'compare kernel' (kernels by distance on the circle)");
        }
        Stimuli.Circle circle = (Stimuli.Circle) stimuli.stimuli(seed);
        ResponseProtocol prot = protocol.protocol();
        int[] lags = KernelTheoryCommand.roughnessLags(roughnessLags, circle.count());   // P < 8 is refused with its own message
        KernelComparison.Settings settings = new KernelComparison.Settings(realizations, seed, prot, lags, threads.threads());
        try (OutputDirectory dir = output.prepare()) {
            PrintWriter err = spec.commandLine().getErr();
            ProgressListener progress = Progress.on(err, "compare kernel");
            List<StimulusResponses> first = new ArrayList<>();
            KernelComparisonResult r = KernelComparison.run(net, circle, settings, progress, first);
            if (progress instanceof Progress bar) {
                bar.clear();
            }
            RunSummary.Builder summary = RunSummary.builder(spec, settings.threads()).seed("realizations", seed + " .. " + (seed + realizations - 1));
            summary.result("theory", r.theory()).result("realizations", r.realizations()).result("diverged", r.diverged())
                    .result("wallSeconds", r.wallSeconds());
            double[] d = r.distances();
            if (r.transients() == null) {
                summary.result("meanResponse", r.meanResponse()).result("sameTrialK0", r.sameTrial()).result("nugget", r.nugget());
                summary.result("crossTrialK0", r.kernelSimulation()[0]);
                dir.csv("kernel.csv", CsvTable.builder().column("delta", d).column("theory", r.kernelTheory())
                        .column("simulation", r.simulatedKernel()).column("simulation_se", r.simulatedKernelError()).build());
                double[] fine = new double[129];
                double[] fineK = new double[129];
                var theory = KernelComparison.theory(net, circle.scale());
                for (int j = 0; j < fine.length; j++) {
                    fine[j] = Math.PI * j / (fine.length - 1);
                    fineK[j] = theory.kernelOnCircle(fine[j]);
                }
                LinePlot.Builder kernel = Plots.plot(String.format("Kernel vs stimulus distance: %s, N = %d, g = %.3g, s = %.3g "
                                + "(%d realizations)", net.kind().label(), net.n(), net.g(), circle.scale(), r.realizations()),
                        Plots.STIMULUS_DISTANCE, Plots.label("kernel", "K(Δ) = (1/N) Σ_i r_i^a r_i^b", ""));
                Plots.pair(kernel, "cross-trial K(Δ) theory", "cross-trial K(Δ) simulation", fine, fineK, d, r.simulatedKernel(),
                        r.simulatedKernelError());
                // the same-trial K(0) is one number: its theory a short level at Δ = 0
                double k0 = r.theory().sameTrial();
                Plots.pair(kernel, "same trial K(0) theory", "same trial K(0) simulation", new double[] {0.0, 0.05 * Math.PI},
                        new double[] {k0, k0}, new double[] {0.0}, new double[] {r.sameTrial().value()},
                        new double[] {r.sameTrial().standardError()});
                dir.figure("kernel", kernel.build());
            } else {
                List<Object> times = new ArrayList<>();
                CsvTable.Builder csv = CsvTable.builder().column("delta", d);
                LinePlot.Builder plot = Plots.plot(String.format("Transient kernel from a shared state: %s, N = %d, g = %.3g",
                                net.kind().label(), net.n(), net.g()), Plots.STIMULUS_DISTANCE,
                        Plots.label("roughness", "1 − K_t(Δ)/K_t(0)", "")).logX(true).logY(true);
                double[] dPos = java.util.Arrays.copyOfRange(d, 1, d.length);
                for (KernelComparisonResult.TimePoint tp : r.transients()) {
                    String t = String.format("%.3g", tp.time());
                    double[] sim = java.util.Arrays.stream(tp.kernelSimulation()).mapToDouble(Estimate::value).toArray();
                    double[] se = java.util.Arrays.stream(tp.kernelSimulation()).mapToDouble(Estimate::standardError).toArray();
                    csv.column("theory_t" + t, tp.kernelTheory()).column("simulation_t" + t, sim).column("simulation_se_t" + t, se);
                    double[] defT = new double[dPos.length];
                    double[] defS = new double[dPos.length];
                    double[] defE = new double[dPos.length];
                    for (int k = 1; k < d.length; k++) {
                        defT[k - 1] = 1 - tp.kernelTheory()[k] / tp.kernelTheory()[0];
                        defS[k - 1] = 1 - sim[k] / sim[0];
                        defE[k - 1] = se[k] / sim[0];
                    }
                    Plots.pair(plot, "t = " + t + " theory", "t = " + t + " simulation", dPos, defT, dPos, defS, defE);
                    times.add(tp);
                }
                dir.csv("kernel.csv", csv.build());
                dir.figure("roughness", plot.build());
                summary.result("transients", times);
            }
            if (!first.isEmpty() && !first.getFirst().snapshots().isEmpty()) {
                var snaps = first.getFirst().snapshots();
                var last = snaps.getLast();
                dir.npy("responses_realization0.npy", last.data(), last.stimuli(), last.trials(), last.units());
            }
            r.verdicts().forEach(summary::verdict);
            summary.result("agrees", r.agrees());
            summary.writeTo(dir);
            dir.commit();
            PrintWriter o = spec.commandLine().getOut();
            for (Verdict v : r.verdicts()) {
                o.println(v.line());
            }
            o.printf("%s; %d realizations (%d diverged) in %.1f s; wrote %s%n", r.agrees() ? "theory and simulation agree"
                    : "theory and simulation DEVIATE", r.realizations(), r.diverged(), r.wallSeconds(), dir.target());
        }
        return 0;
    }
}
