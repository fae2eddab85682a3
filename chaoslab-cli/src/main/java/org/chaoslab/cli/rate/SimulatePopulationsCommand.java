package org.chaoslab.cli.rate;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.compare.PopulationComparison;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedPopulationNetwork;
import org.chaoslab.sim.record.PopulationRecording;
import org.chaoslab.sim.record.PopulationStatistics;
import org.chaoslab.sim.record.RecordingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab simulate populations}: one realization of a multi-population rate network. */
@Command(name = "populations", mixinStandardHelpOptions = true,
        header = "Multi-population rate network: one realization, statistics per population.",
        description = {"Simulate dx_i/dt = -x_i + sum_j J_ij phi_l(x_j) + I_k for unit i of population k, with block-Gaussian "
                + "couplings J_ij ~ N(jMean_kl/N, g_kl^2/N) and each population's own phi_k (Kadmon & Sompolinsky 2015).",
                "Writes DIR/summary.json, populations.csv (per population: mean and variance across units of x and phi, "
                        + "temporal variance of each unit (0 at a fixed point), variance of the units' time averages), "
                        + "population_means.csv and autocorrelation.csv (Delta_k(tau)) with plots. Exit code 3 if the state "
                        + "diverges (outputs keep what was recorded)."})
public final class SimulatePopulationsCommand implements Callable<Integer> {

    @Mixin
    PopulationSimulationOptions simulation;

    @Mixin
    SampleIntervalOption interval;

    @Option(names = "--acf-max-lag", description = "Largest lag of the autocorrelations Delta_k(tau) (>= 0; 0: none). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "30")
    double acfMaxLag;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What summary.json's results hold beside the per-population arrays. */
    record Run(long recordedSteps, double wallSeconds, String divergence) {
    }

    @Override
    public Integer call() throws Exception {
        PopulationNetwork net = simulation.network();
        RateSimulation settings = simulation.settings(0.05, IntegratorKind.EULER);
        PopulationComparison.Settings sampling = interval.settings(settings, 1, acfMaxLag, null);
        org.chaoslab.sim.PopulationInDegrees kIn = simulation.inDegrees(net);
        PopulationSimulationOptions.InDegrees degrees = simulation.inDegreeResults(net, kIn);
        simulation.checkResources(net, kIn, settings,
                RecordingPlan.defaults().withCorrelationMaxLag(Math.max(acfMaxLag, settings.dt())));
        try (OutputDirectory dir = output.prepare()) {
            var err = spec.commandLine().getErr();
            RealizedPopulationNetwork realized = RealizedPopulationNetwork.draw(net, settings.seed(), settings.threads(), kIn);
            PopulationStatistics rec = new PopulationStatistics(PopulationComparison.sizes(net), sampling.every(),
                    sampling.lags(), 1024);
            ProgressListener progress = Progress.on(err, "simulate");
            RateRun result = RateSimulator.run(realized.realized(), settings, List.of(rec), progress);
            if (progress instanceof Progress bar) {
                bar.clear();
            }
            RunSummary.Builder summary = RateSeeds.add(RunSummary.builder(spec, settings.threads()), settings.seed(), 1);
            PopulationRecording r = result.recordedSteps() >= sampling.every() ? rec.result() : null;
            if (r != null) {
                PopulationOutputs.write(dir, net, r);
                dir.npy("final_state.npy", result.finalState(), settings.replicas(), net.size());
                summary.results(PopulationOutputs.results(r));
                if (acfMaxLag > 0 && !r.hasAutocorrelation() && result.completed()) {
                    String w = "--t " + settings.duration() + " is too short for autocorrelations up to --acf-max-lag " + acfMaxLag
                            + " (needs --t >= " + 2 * acfMaxLag + "); none written";
                    summary.warning(w);
                    err.println("chaoslab: warning: " + w);
                }
            }
            summary.result("network", simulation.parameters(net))
                    .result("kIn", degrees.kIn())
                    .result("kMatrix", degrees.kMatrix())
                    .result("run", RunParameters.of(settings))
                    .resultsOf(new Run(result.recordedSteps(), result.wallSeconds(),
                            result.divergence().map(d -> d.message()).orElse(null)));
            if (!result.completed()) {
                summary.status(RunSummary.DIVERGED);
            }
            summary.writeTo(dir);
            dir.commit();
            if (!result.completed()) {
                err.println("chaoslab: " + result.divergence().orElseThrow().message());
                return Main.EXIT_DIVERGED;
            }
            var o = spec.commandLine().getOut();
            for (int k = 0; k < net.populations(); k++) {
                o.printf(Locale.ROOT, "population %d (%s, N_k = %d): mean %.5g, variance across units %.5g, temporal variance "
                                + "%.3g, rate %.5g%n", k + 1, net.transfers().get(k).name(), r.sizes()[k], r.mean()[k],
                        r.varianceAcrossUnits()[k], r.temporalVariance()[k], r.rate()[k]);
            }
            o.printf(Locale.ROOT, "%d steps in %.2f s; wrote %s%n", settings.transientSteps() + settings.recordedSteps(),
                    result.wallSeconds(), dir.target());
            return 0;
        }
    }
}
