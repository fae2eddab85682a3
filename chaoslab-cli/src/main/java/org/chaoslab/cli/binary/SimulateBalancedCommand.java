package org.chaoslab.cli.binary;

import org.chaoslab.cli.Progress;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.OutputOptions;
import org.chaoslab.cli.common.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
                "Writes DIR/summary.json, arrays (.npy: population rates, unit rates, transitions, inputs, autocorrelation, "
                + "replica distance) and plots (raster, input decomposition, rate distribution with theory, distance)."})
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
        return output.write(this::run);
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
        List<String> warnings = new ArrayList<>();
        try {
            BalancedMeanField solver = new BalancedMeanField();
            theory = solver.solve(net);
            if (rec.hasDistance() && !independent) {
                distanceTheory = new ReplicaDistance(theory, solver.engine()).trajectory(1.0 / net.nE(), 0, Math.min(run.duration(), 20 * net.tauE()),
                        0.05);
            }
        } catch (NoBalancedSolutionException e) {
            warnings.add("no mean-field overlay: " + e.getMessage());
        }
        dir.record(BalancedPlots.simulationFiles(out, rec, net, theory, distanceTheory));
        if (rec.hasDistance()) {
            String healed = healed(rec.time(), rec.distanceE(), rec.distanceI());
            if (healed != null) {
                warnings.add(healed);
            }
        }
        RunSummary.Builder summary = RunSummary.builder(spec, 1).seed("master", run.seed()).seed("streams", STREAMS);
        double[] rates = results(summary, net, run, rec, graph, graphSeconds,
                TransitionStatistics.of(rec, true, net.nE(), run.duration(), fanoWindow),
                TransitionStatistics.of(rec, false, net.nE(), run.duration(), fanoWindow),
                theory == null ? null : BalancedTheorySummary.of(theory));
        warnings.forEach(summary::warning);
        summary.writeTo(dir);
        warnings.forEach(w -> err.println("chaoslab: warning: " + w));
        spec.commandLine().getOut().printf("mE = %.5f, mI = %.5f; %d updates, %.3g updates/s, %.3g synaptic events/s in %.2f s; wrote %s%n",
                rates[0], rates[1], rec.updates(), rec.updatesPerSecond(), rec.synapticEventsPerSecond(), rec.wallSeconds(), dir.target());
        return 0;
    }

    /** The random streams under the master seed. */
    static final String STREAMS = "connectivity/unit/<i> (the presynaptic partners of unit i), initial/replica/<r>, "
            + "updates (Poisson update times) or schedule (--schedule fixed), perturbation (the flipped unit)";

    /** Transition statistics in summary.json's flat form (results.transitionsE and transitionsI). */
    record TransitionSummary(String population, int units, double meanCv, double cvError, double window, double meanFano,
                             double fanoError, double meanRate) {
        static TransitionSummary of(TransitionStatistics t) {
            return new TransitionSummary(t.population(), t.units(), t.cv().value(), t.cv().standardError(), t.window(),
                    t.fano().value(), t.fano().standardError(), t.meanRate());
        }
    }

    /** The run settings in JSON-friendly form (summary.json's results.run). */
    record BalancedRunParameters(double duration, double transientTime, double sampleInterval, long seed, String schedule,
                                 int replicas, boolean flipOne, double initialActivity) {
    }

    /**
     * Adds the results of a run to its summary (population rates m and q from the two halves of the run, the final
     * replica distance, transition statistics, costs, the mean field when it exists); returns {mE, mI}.
     */
    static double[] results(RunSummary.Builder summary, BalancedNetwork net, BalancedRun run, BalancedRecording rec, BalancedGraph graph,
                            double graphSeconds, TransitionStatistics te, TransitionStatistics ti, BalancedTheorySummary theory) {
        double[] h1 = rec.unitRates()[0];
        double[] h2 = rec.unitRates()[1];
        double[] m = new double[2];
        double[] q = new double[2];
        for (int i = 0; i < net.size(); i++) {
            int pop = i < net.nE() ? 0 : 1;
            m[pop] += 0.5 * (h1[i] + h2[i]) / net.size(pop);
            q[pop] += h1[i] * h2[i] / net.size(pop); // r1·r2 of the two halves: unbiased for q
        }
        int last = rec.time().length - 1;
        summary.result("network", net)
                .result("run", new BalancedRunParameters(run.duration(), run.transientTime(), run.sampleInterval(), run.seed(),
                        run.schedule().label(), run.replicas(), run.flipOne(), run.initialActivity()))
                .result("rateE", m[0]).result("rateI", m[1]).result("qE", q[0]).result("qI", q[1])
                .result("finalDistanceE", rec.hasDistance() ? rec.distanceE()[last] : Double.NaN)
                .result("finalDistanceI", rec.hasDistance() ? rec.distanceI()[last] : Double.NaN)
                .result("transitionsE", TransitionSummary.of(te)).result("transitionsI", TransitionSummary.of(ti))
                .result("synapses", graph.synapseCount())
                .result("graphSeconds", graphSeconds).result("updates", rec.updates()).result("flips", rec.flips())
                .result("synapticEvents", rec.synapticEvents()).result("wallSeconds", rec.wallSeconds())
                .result("updatesPerSecond", rec.updatesPerSecond()).result("synapticEventsPerSecond", rec.synapticEventsPerSecond())
                .result("theory", theory);
        return m;
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
