package org.chaoslab.cli;

import java.util.List;
import org.chaoslab.io.RunMetadata;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.sim.binary.BalancedGraph;
import org.chaoslab.sim.binary.BalancedRecording;
import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.sim.binary.TransitionStatistics;

/** summary.json of {@code simulate balanced}. */
record BalancedSimulationSummary(String command, BalancedNetwork network, BalancedRunParameters run, double rateE, double rateI,
                                 double qE, double qI, double finalDistanceE, double finalDistanceI,
                                 TransitionStatistics transitionsE, TransitionStatistics transitionsI,
                                 long synapses, double graphSeconds, long updates, long flips, long synapticEvents,
                                 double wallSeconds, double updatesPerSecond, double synapticEventsPerSecond,
                                 BalancedTheorySummary theory, RunMetadata metadata, List<String> files) {

    /** The run settings in JSON-friendly form. */
    record BalancedRunParameters(double duration, double transientTime, double sampleInterval, long seed, String schedule,
                                 int replicas, boolean flipOne, double initialActivity) {
    }

    static BalancedSimulationSummary of(String command, BalancedNetwork net, BalancedRun run, BalancedRecording rec, BalancedGraph graph,
                                        double graphSeconds, TransitionStatistics te, TransitionStatistics ti,
                                        BalancedTheorySummary theory, List<String> files) {
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
        return new BalancedSimulationSummary(command, net,
                new BalancedRunParameters(run.duration(), run.transientTime(), run.sampleInterval(), run.seed(), run.schedule().label(),
                        run.replicas(), run.flipOne(), run.initialActivity()),
                m[0], m[1], q[0], q[1], rec.hasDistance() ? rec.distanceE()[last] : Double.NaN,
                rec.hasDistance() ? rec.distanceI()[last] : Double.NaN, te, ti, graph.synapseCount(), graphSeconds, rec.updates(),
                rec.flips(), rec.synapticEvents(), rec.wallSeconds(), rec.updatesPerSecond(), rec.synapticEventsPerSecond(), theory,
                Metadata.capture(1), files);
    }
}
