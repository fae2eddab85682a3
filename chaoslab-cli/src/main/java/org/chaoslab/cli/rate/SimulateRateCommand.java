package org.chaoslab.cli.rate;

import java.util.concurrent.Callable;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.sim.record.StandardRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab simulate rate}: one realization of the SCS rate network. */
@Command(name = "rate", mixinStandardHelpOptions = true,
        description = {"Simulate the random rate network dx/dt = -x + J phi(x) + I.",
                "Writes DIR/summary.json, arrays as .npy (traces, population moments, autocorrelations with lag axis, "
                + "final state) and plots (PNG and SVG). Exit code 3 if the state diverges (NaN/Inf, or |x| beyond 1e100); "
                + "outputs keep what was recorded."})
public final class SimulateRateCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Mixin
    SparseOptions sparse;

    @Mixin
    RunOptions run;

    @Option(names = "--acf-max-lag", description = "Largest lag of the autocorrelations (> 0). Default: ${DEFAULT-VALUE}.",
            defaultValue = "30")
    double acfMaxLag;

    @Option(names = "--record", paramLabel = "WHAT", defaultValue = "all",
            description = {"What to record: all (traces of 10 units, population and stationary moments, autocorrelations of "
                    + "x and phi, plots) or moments (the stationary and population moments alone: summary.json, population_*.npy "
                    + "and final_state.npy; no traces, autocorrelations or plots: the least time per step and at the end).",
                    "Default: ${DEFAULT-VALUE}."})
    String record;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The network, run settings and recording plan of the options, validated as a run validates them (before anything
     * is allocated; a batched gain sweep, {@link SimulateRateBatch}, validates its points with the same code).
     */
    Prepared prepare() {
        RateNetwork net = sparse.apply(network.network());
        RateSimulation settings = run.settings(0.05, org.chaoslab.sim.rate.IntegratorKind.EULER);
        Validate.positive("acf-max-lag", acfMaxLag);
        RecordingPlan plan = RecordingPlan.defaults().withCorrelationMaxLag(acfMaxLag);
        plan = switch (record) {
            case "all" -> plan;
            case "moments" -> plan.scalarsOnly();
            default -> throw new IllegalArgumentException("record must be one of all, moments (got '" + record + "')");
        };
        RunOptions.checkResources(net, settings, plan);
        return new Prepared(net, settings, plan);
    }

    /** A run as the options describe it. */
    record Prepared(RateNetwork network, RateSimulation settings, RecordingPlan plan) {
    }

    @Override
    public Integer call() throws Exception {
        Prepared p = prepare();
        RateNetwork net = p.network();
        RateSimulation settings = p.settings();
        RecordingPlan plan = p.plan();
        try (OutputDirectory dir = output.prepare()) {
            StandardRecording recording = new StandardRecording(plan, settings.dt(), net.size());
            var err = spec.commandLine().getErr();
            // sparse networks take seconds to draw at N = 1e6: their own bar while the rows are drawn
            RealizedRateNetwork realized = RealizedRateNetwork.draw(net, settings.seed(), settings.threads(), 0,
                    net.couplings().sparse() ? Progress.on(err, "drawing") : ProgressListener.NONE);
            ProgressListener progress = Progress.on(err, "simulate");
            RateRun result = RateSimulator.run(realized, settings, recording.recorders(), progress);
            if (progress instanceof Progress bar) {
                bar.clear();
            }
            var rec = recording.result();
            RunSummary.Builder summary = RateSeeds.add(RunSummary.builder(spec, settings.threads()), settings.seed(), 1);
            if (plan.hasAutocorrelation() && !rec.hasAutocorrelation() && result.completed()) {
                String w = "--t " + settings.duration() + " is too short for autocorrelations up to --acf-max-lag " + acfMaxLag
                        + " (needs --t >= " + 2 * acfMaxLag + "); none written";
                summary.warning(w);
                err.println("chaoslab: warning: " + w);
            }
            dir.record(RateOutputs.write(dir.dir(), rec, result.finalState(), net.size(), settings.replicas()));
            long steps = settings.transientSteps() + settings.recordedSteps();
            if (!result.completed()) {
                summary.status(RunSummary.DIVERGED);
            }
            summary.results(RateResults.of(rec, result.recordedSteps(), result.divergence(), result.wallSeconds(), net, settings));
            summary.writeTo(dir);
            dir.commit();
            if (!result.completed()) {
                err.println("chaoslab: " + result.divergence().orElseThrow().message());
                return Main.EXIT_DIVERGED;
            }
            spec.commandLine().getOut().printf("<x^2> = %.6f +- %.6f (time SE), <phi^2> = %.6f; %d steps in %.2f s; wrote %s%n",
                    rec.meanSquare().value(), rec.meanSquare().standardError(), rec.meanSquareRate(), steps, result.wallSeconds(),
                    dir.target());
            return 0;
        }
    }
}
