package org.chaoslab.sim.binary;

import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;

/**
 * Event-driven simulation of the balanced binary network (van Vreeswijk &amp; Sompolinsky 1998): one
 * event updates one unit, σ ← Θ(u); a change of state is propagated along its outgoing synapses, so an
 * event costs O(1) plus O(K) per flip. Single-threaded; results depend only on the master seed.
 *
 * <p>The driver runs the event loop — the transient unobserved, then the recorded time — over the
 * {@link BalancedReplicas} and hands what happens to {@link BalancedRecorder}s (the observer pattern of
 * {@link org.chaoslab.sim.Recorder}), which accumulate the {@link BalancedRecording}: before each event the sample
 * times up to it and the recorders' time marks up to it (the state between events), after it replica 0's change of
 * state if any.
 *
 * <p>Streams: {@code updates} (Poisson update times and units, shared by the replicas),
 * {@code schedule} (the fixed order), {@code initial/replica/r}, {@code perturbation} (the flipped unit).
 */
public final class BalancedSimulator {

    private BalancedSimulator() {
    }

    /** Simulates {@code network} on the connectivity {@code graph} with the settings {@code run}. */
    public static BalancedRecording run(BalancedNetwork network, BalancedGraph graph, BalancedRun run, ProgressListener progress) {
        if (graph.size() != network.size() || graph.nE != network.nE()) {
            throw new IllegalArgumentException("graph has " + graph.size() + " units, network " + network.size());
        }
        if (run.schedule() == UpdateSchedule.FIXED_ORDER && network.tauE() != network.tauI()) {
            throw new IllegalArgumentException("schedule fixed-order needs tauE = tauI (got " + network.tauE() + ", " + network.tauI() + ")");
        }
        int[] inputUnits = run.inputUnits().length > 0 ? run.inputUnits() : new int[] {0, network.nE()};
        for (int u : inputUnits) {
            if (u < 0 || u >= network.size()) {
                throw new IllegalArgumentException("inputUnits must be in [0, " + (network.size() - 1) + "] (got " + u + ")");
            }
        }
        return new Driver(network, graph, run, inputUnits, progress).execute();
    }

    /** The event loop of one run and the recorders it calls; one use. */
    private static final class Driver {
        private static final long TICKS = 1000;

        private final BalancedNetwork net;
        private final BalancedRun run;
        private final StreamSeeds root;
        private final ProgressListener progress;
        private final BalancedReplicas replicas;
        /** Replica 1 starts as replica 0 with one unit flipped at the end of the transient. */
        private final boolean shareStart;
        private final double t0;
        private final double tEnd;
        private final int samples;
        private int nextSample;
        private long ticksDone;

        private final BalancedRecorders.PopulationRates rates;
        private final BalancedRecorders.ReplicaDistance distance;
        private final BalancedRecorders.InputDecomposition inputs;
        private final BalancedRecorders.PopulationAutocorrelation autocorrelation;
        private final BalancedRecorders.UnitRates unitRates;
        private final BalancedRecorders.Transitions transitions;
        private final BalancedRecorder[] recorders;
        /** The earliest time mark of the recorders. */
        private double nextMark;

        Driver(BalancedNetwork net, BalancedGraph graph, BalancedRun run, int[] inputUnits, ProgressListener progress) {
            this.net = net;
            this.run = run;
            this.root = StreamSeeds.of(run.seed());
            this.progress = progress;
            this.replicas = new BalancedReplicas(net, graph, run.replicas());
            this.shareStart = run.replicas() > 1 && run.flipOne();
            this.t0 = run.transientTime();
            this.tEnd = t0 + run.duration();
            this.samples = Math.max(1, (int) Math.floor(run.duration() / run.sampleInterval() + 1e-9));
            rates = new BalancedRecorders.PopulationRates(net, samples);
            distance = new BalancedRecorders.ReplicaDistance(net, run.replicas() > 1 ? samples : 0);
            inputs = new BalancedRecorders.InputDecomposition(net, inputUnits, samples);
            autocorrelation = new BalancedRecorders.PopulationAutocorrelation(net, run, samples);
            unitRates = new BalancedRecorders.UnitRates(net.size(), run.rateBlocks(), run.duration());
            transitions = new BalancedRecorders.Transitions(net, run.trainUnits());
            recorders = new BalancedRecorder[] {rates, distance, inputs, autocorrelation, unitRates, transitions};
        }

        BalancedRecording execute() {
            long wallStart = System.nanoTime();
            replicas.initialize(root, run.initialActivity(), shareStart);
            UpdateEvents events = run.schedule() == UpdateSchedule.POISSON
                    ? new PoissonEvents(net, root.child("updates").provider())
                    : new FixedOrderEvents(net.size(), net.tauE(), root.child("schedule").provider());
            double t = transient_(events);
            startRecording();
            recordedTime(events, t);
            finishRecording();
            double wall = (System.nanoTime() - wallStart) * 1e-9;
            progress.progress(TICKS, TICKS);
            return result(wall);
        }

        /** The events before t0, unobserved; returns the time of the first event at or after t0. */
        private double transient_(UpdateEvents events) {
            double t = events.next();
            while (t < t0) {
                replicas.update(events.unit());
                tick(t);
                t = events.next();
            }
            return t;
        }

        /** At t0: replica 1 branches off (one flipped unit) when it shares the start, then the recorders start. */
        private void startRecording() {
            if (shareStart) {
                replicas.branch(root.child("perturbation").provider());
            }
            for (BalancedRecorder r : recorders) {
                r.start(t0, replicas);
            }
            nextMark = nextMark();
        }

        /**
         * The recorded events, from the one at {@code t}: before each, the samples and time marks up to it; the loop ends
         * at the first event at or after tEnd, which is not applied.
         */
        private void recordedTime(UpdateEvents events, double t) {
            while (true) {
                sampleUpTo(Math.min(t, tEnd));
                if (t >= nextMark) {
                    reach(t);
                }
                if (t >= tEnd) {
                    return;
                }
                int i = events.unit();
                if (replicas.update(i)) {
                    byte sigma = replicas.first().sigma[i];
                    for (BalancedRecorder r : recorders) {
                        r.transition(i, t, sigma);
                    }
                }
                tick(t);
                t = events.next();
            }
        }

        /** The recorders whose time marks t has passed see the state before the event at t. */
        private void reach(double t) {
            for (BalancedRecorder r : recorders) {
                if (r.nextMark() <= t) {
                    r.reach(t, replicas);
                }
            }
            nextMark = nextMark();
        }

        private double nextMark() {
            double m = Double.POSITIVE_INFINITY;
            for (BalancedRecorder r : recorders) {
                m = Math.min(m, r.nextMark());
            }
            return m;
        }

        /** The samples at times t0 + s·Δt ≤ {@code limit} not taken yet. */
        private void sampleUpTo(double limit) {
            while (nextSample < samples && t0 + nextSample * run.sampleInterval() <= limit) {
                sample();
            }
        }

        private void sample() {
            int s = nextSample++;
            for (BalancedRecorder r : recorders) {
                r.sample(s, replicas);
            }
        }

        /** Samples that rounding left after the last event, then the end of the recording. */
        private void finishRecording() {
            while (nextSample < samples) {
                sample();
            }
            for (BalancedRecorder r : recorders) {
                r.finish(tEnd, replicas);
            }
        }

        private void tick(double t) {
            long tick = (long) (t / tEnd * TICKS);
            if (tick > ticksDone) {
                ticksDone = tick;
                progress.progress(ticksDone, TICKS);
            }
        }

        private BalancedRecording result(double wall) {
            double[] time = new double[samples];
            for (int s = 0; s < samples; s++) {
                time[s] = s * run.sampleInterval();
            }
            return new BalancedRecording(time, rates.e, rates.i, unitRates.rates(), inputs.units(), inputs.values,
                    transitions.units.toArray(), transitions.times.toArray(), run.trainUnits(), autocorrelation.lags(),
                    autocorrelation.e(), autocorrelation.i(), distance.e, distance.i, replicas.updates(), replicas.flips(),
                    replicas.synapticEvents(), wall);
        }
    }
}
