package org.chaoslab.cli.rate;

import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.rate.RateSimulation;

/** The run settings and seed streams as written into summaries. */
public record RunParameters(double dt, double t, double transient_, String integrator, int replicas, long seed,
                            String couplingStreams, String initialStreams, double initialStd, int threads) {

    public static RunParameters of(RateSimulation s) {
        StreamSeeds root = StreamSeeds.of(s.seed());
        return new RunParameters(s.dt(), s.duration(), s.transient_(), s.integrator().label(), s.replicas(), s.seed(),
                root.child(StreamSeeds.COUPLINGS).path() + "/<row>", root.child(StreamSeeds.INITIAL).path() + "/<replica>",
                s.initialStd(), s.threads());
    }
}
