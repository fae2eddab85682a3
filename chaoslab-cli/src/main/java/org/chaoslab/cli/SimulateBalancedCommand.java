package org.chaoslab.cli;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.binary.BalancedGraph;
import org.chaoslab.sim.binary.BalancedRecording;
import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.sim.binary.BalancedSimulator;
import org.chaoslab.sim.binary.TransitionStatistics;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.chaoslab.theory.balanced.BalancedSolution;
import org.chaoslab.theory.balanced.NoBalancedSolutionException;
import org.chaoslab.theory.balanced.ReplicaDistance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaoslab simulate balanced}: one realization of the balanced E/I binary network. */
@Command(name = "balanced", mixinStandardHelpOptions = true,
        description = {"Event-driven simulation of the balanced E/I binary network (van Vreeswijk & Sompolinsky 1998).",
                "Writes DIR/summary.json, arrays (.npy: population rates, unit rates, transitions, inputs, autocorrelation,",
                "replica distance) and plots (raster, input decomposition, rate distribution with theory, distance)."})
public final class SimulateBalancedCommand implements Callable<Integer> {

    @Mixin
    BalancedOptions options;

    @Mixin
    BalancedRunOptions runOptions;

    @Option(names = "--replicas", description = "1, or 2 for the replica distance D(t). Default: ${DEFAULT-VALUE}.", defaultValue = "2")
    int replicas;

    @Option(names = "--independent", description = "With 2 replicas: independent initial states instead of one flipped unit.")
    boolean independent;

    @Option(names = "--fano-window", description = "Counting window of the Fano factor (> 0, <= --t / 2). "
            + "Default: 10, or --t / 2 when --t < 20.")
    Double fanoWindowOption;

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
        BalancedRun run = runOptions.settings(replicas, !independent);
        double fanoWindow = fanoWindowOption == null ? Math.min(10.0, run.duration() / 2) : fanoWindowOption;
        if (!(fanoWindow > 0) || fanoWindow * 2 > run.duration()) {
            throw new IllegalArgumentException("--fano-window must be in (0, --t / 2 = " + run.duration() / 2 + "] (got " + fanoWindow + ")");
        }
        BalancedOptions.checkSize(net);
        var err = spec.commandLine().getErr();
        long g0 = System.nanoTime();
        BalancedGraph graph = BalancedGraph.realize(net, run.seed());
        double graphSeconds = (System.nanoTime() - g0) * 1e-9;
        ProgressListener progress = Progress.on(err, "simulate");
        BalancedRecording rec = BalancedSimulator.run(net, graph, run, progress);
        if (progress instanceof Progress p) {
            p.clear();
        }
        BalancedSolution theory = null;
        double[][] distanceTheory = null;
        try {
            BalancedMeanField solver = new BalancedMeanField();
            theory = solver.solve(net);
            if (rec.hasDistance() && !independent) {
                distanceTheory = new ReplicaDistance(theory, solver.engine()).trajectory(1.0 / net.nE(), 0, Math.min(run.duration(), 20 * net.tauE()),
                        0.05);
            }
        } catch (NoBalancedSolutionException e) {
            err.println("chaoslab: warning: no mean-field overlay: " + e.getMessage());
        }
        List<String> files = new ArrayList<>(BalancedPlots.simulationFiles(out, rec, net, theory, distanceTheory));
        files.add("summary.json");
        BalancedSimulationSummary summary = BalancedSimulationSummary.of("simulate balanced", net, run, rec, graph, graphSeconds,
                TransitionStatistics.of(rec, true, net.nE(), run.duration(), fanoWindow),
                TransitionStatistics.of(rec, false, net.nE(), run.duration(), fanoWindow),
                theory == null ? null : BalancedTheorySummary.of(theory), files);
        JsonOutput.write(out.resolve("summary.json"), summary);
        if (rec.hasDistance()) {
            String healed = healed(rec.time(), rec.distanceE(), rec.distanceI());
            if (healed != null) {
                err.println("chaoslab: note: " + healed);
            }
        }
        spec.commandLine().getOut().printf("mE = %.5f, mI = %.5f; %d updates, %.3g updates/s, %.3g synaptic events/s in %.2f s; wrote %s%n",
                summary.rateE(), summary.rateI(), rec.updates(), rec.updatesPerSecond(), rec.synapticEventsPerSecond(), rec.wallSeconds(), dir.target());
        return 0;
    }

    /**
     * When the replica distance is exactly 0 from some time to the end: the one-unit perturbation healed (the two
     * replicas coincide from then on), so D(t) says nothing about the chaotic fixed point D*; null otherwise.
     */
    static String healed(double[] time, double[] dE, double[] dI) {
        int n = dE.length;
        if (n == 0 || dE[n - 1] != 0.0 || dI[n - 1] != 0.0) {
            return null;
        }
        int first = n - 1;
        while (first > 0 && dE[first - 1] == 0.0 && dI[first - 1] == 0.0) {
            first--;
        }
        return String.format(java.util.Locale.ROOT, "the replica distance is exactly 0 from t = %.3g on: the one-unit "
                + "perturbation healed (the replicas coincide), so D(t) does not reach the mean-field D*; try another --seed "
                + "or --independent", time[first]);
    }
}
