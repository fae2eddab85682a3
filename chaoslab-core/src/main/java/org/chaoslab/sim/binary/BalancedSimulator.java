package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.chaoslab.analysis.StreamingAutocorrelation;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;

/**
 * Event-driven simulation of the balanced binary network (van Vreeswijk &amp; Sompolinsky 1998): one
 * event updates one unit, σ ← Θ(u); a change of state is propagated along its outgoing synapses, so an
 * event costs O(1) plus O(K) per flip. Single-threaded; results depend only on the master seed.
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
            throw new IllegalArgumentException("--schedule fixed-order needs --tau-e = --tau-i (got " + network.tauE() + ", " + network.tauI() + ")");
        }
        int[] inputUnits = run.inputUnits().length > 0 ? run.inputUnits() : new int[] {0, network.nE()};
        for (int u : inputUnits) {
            if (u < 0 || u >= network.size()) {
                throw new IllegalArgumentException("--input-units must be in [0, " + (network.size() - 1) + "] (got " + u + ")");
            }
        }
        return new Loop(network, graph, run, inputUnits, progress).execute();
    }

    /** The event loop and its recorders; one use. */
    private static final class Loop {
        private final BalancedNetwork net;
        private final BalancedRun run;
        private final int n;
        private final int nE;
        private final int nI;
        private final BinaryState[] replicas;
        private final int[] inputUnits;
        private final ProgressListener progress;
        private final StreamSeeds root;

        // recording state (replica 0)
        private final double t0;
        private final double tEnd;
        private final int samples;
        private final double[] rateE;
        private final double[] rateI;
        private final double[] distE;
        private final double[] distI;
        private final double[][][] inputs;
        private final double[][] activeTime;
        private final double[] onSince;
        private final int blocks;
        private final int trainPerPop;
        private final Series.Ints trainUnit = new Series.Ints();
        private final Series.Doubles trainTime = new Series.Doubles();
        private final int acfPerPopE;
        private final int acfPerPopI;
        private final StreamingAutocorrelation acfE;
        private final StreamingAutocorrelation acfI;
        private final double[] acfBuffer;
        private final double extE;
        private final double extI;
        private boolean recording;
        private int block;
        private int diffE;
        private int diffI;
        private long updates;

        Loop(BalancedNetwork net, BalancedGraph graph, BalancedRun run, int[] inputUnits, ProgressListener progress) {
            this.net = net;
            this.run = run;
            this.n = net.size();
            this.nE = net.nE();
            this.nI = net.nI();
            this.inputUnits = inputUnits;
            this.progress = progress;
            this.root = StreamSeeds.of(run.seed());
            replicas = new BinaryState[run.replicas()];
            for (int r = 0; r < replicas.length; r++) {
                replicas[r] = new BinaryState(net, graph);
            }
            t0 = run.transientTime();
            tEnd = t0 + run.duration();
            samples = Math.max(1, (int) Math.floor(run.duration() / run.sampleInterval() + 1e-9));
            rateE = new double[samples];
            rateI = new double[samples];
            distE = new double[run.replicas() > 1 ? samples : 0];
            distI = new double[distE.length];
            inputs = new double[inputUnits.length][5][samples];
            blocks = run.rateBlocks();
            activeTime = new double[blocks][n];
            onSince = new double[n];
            trainPerPop = run.trainUnits();
            acfPerPopE = Math.min(run.acfUnits(), nE);
            acfPerPopI = Math.min(run.acfUnits(), nI);
            int lags = (int) Math.round(run.acfMaxLag() / run.sampleInterval()) + 1;
            boolean acf = run.acfMaxLag() > 0 && run.acfUnits() > 0 && samples >= 2 * lags;
            acfE = acf ? new StreamingAutocorrelation(acfPerPopE, lags) : null;
            acfI = acf ? new StreamingAutocorrelation(acfPerPopI, lags) : null;
            acfBuffer = new double[Math.max(acfPerPopE, acfPerPopI)];
            double sk = Math.sqrt(net.k());
            extE = sk * net.extE() * net.m0();
            extI = sk * net.extI() * net.m0();
        }

        BalancedRecording execute() {
            long wallStart = System.nanoTime();
            boolean shareStart = run.replicas() > 1 && run.flipOne();
            for (int r = 0; r < replicas.length; r++) {
                if (r == 0 || !shareStart) {
                    initialize(replicas[r], root.child("initial").child("replica").child(r).provider());
                }
            }
            int live = shareStart ? 1 : replicas.length;
            if (!shareStart && replicas.length > 1) {
                countDifferences();
            }
            UpdateEvents events = run.schedule() == UpdateSchedule.POISSON
                    ? new PoissonEvents(net, root.child("updates").provider())
                    : new FixedOrderEvents(n, net.tauE(), root.child("schedule").provider());
            int nextSample = 0;
            double sampleDt = run.sampleInterval();
            double blockLength = run.duration() / blocks;
            long totalTicks = 1000;
            long ticksDone = 0;
            while (true) {
                double t = events.next();
                if (!recording && t >= t0) {
                    live = startRecording(shareStart);
                }
                if (recording) {
                    // samples and block boundaries that fall before this event see the current state
                    while (nextSample < samples && t0 + nextSample * sampleDt <= Math.min(t, tEnd)) {
                        sample(nextSample++);
                    }
                    while (block < blocks - 1 && t0 + (block + 1) * blockLength <= t) {
                        closeBlock(t0 + (block + 1) * blockLength);
                    }
                    if (t >= tEnd) {
                        break;
                    }
                }
                int i = events.unit();
                update(i, t, live);
                long tick = (long) (t / tEnd * totalTicks);
                if (tick > ticksDone) {
                    ticksDone = tick;
                    progress.progress(ticksDone, totalTicks);
                }
            }
            while (nextSample < samples) {
                sample(nextSample++);
            }
            closeBlock(tEnd);
            double wall = (System.nanoTime() - wallStart) * 1e-9;
            progress.progress(totalTicks, totalTicks);
            return result(wall);
        }

        private void initialize(BinaryState s, UniformRandomProvider rng) {
            double p = run.initialActivity();
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < p) {
                    s.set(i, (byte) 1);
                }
            }
            s.flips = 0;
            s.synapticEvents = 0;
        }

        private int startRecording(boolean shareStart) {
            recording = true;
            if (shareStart) {
                BinaryState b = replicas[1];
                b.copyFrom(replicas[0]);
                UniformRandomProvider rng = root.child("perturbation").provider();
                int unit = rng.nextInt(nE);
                b.set(unit, (byte) (1 - b.sigma[unit]));
                countDifferences();
            }
            byte[] s0 = replicas[0].sigma;
            for (int i = 0; i < n; i++) {
                if (s0[i] == 1) {
                    onSince[i] = t0;
                }
            }
            return replicas.length;
        }

        private void countDifferences() {
            byte[] a = replicas[0].sigma;
            byte[] b = replicas[1].sigma;
            diffE = 0;
            diffI = 0;
            for (int i = 0; i < n; i++) {
                if (a[i] != b[i]) {
                    if (i < nE) {
                        diffE++;
                    } else {
                        diffI++;
                    }
                }
            }
        }

        private void update(int i, double t, int live) {
            BinaryState s0 = replicas[0];
            updates += live;
            if (live == 2) {
                BinaryState s1 = replicas[1];
                boolean differed = s0.sigma[i] != s1.sigma[i];
                s1.update(i);
                boolean flipped = s0.update(i);
                boolean differs = s0.sigma[i] != s1.sigma[i];
                if (differed != differs) {
                    int d = differs ? 1 : -1;
                    if (i < nE) {
                        diffE += d;
                    } else {
                        diffI += d;
                    }
                }
                if (flipped && recording) {
                    record(i, t, s0.sigma[i]);
                }
            } else if (s0.update(i) && recording) {
                record(i, t, s0.sigma[i]);
            }
        }

        private void record(int i, double t, byte state) {
            if (state == 1) {
                onSince[i] = t;
                int local = i < nE ? i : i - nE;
                if (local < trainPerPop) {
                    trainUnit.add(i);
                    trainTime.add(t - t0);
                }
            } else {
                activeTime[block][i] += t - onSince[i];
            }
        }

        private void closeBlock(double boundary) {
            byte[] s0 = replicas[0].sigma;
            double[] acc = activeTime[block];
            for (int i = 0; i < n; i++) {
                if (s0[i] == 1) {
                    acc[i] += boundary - onSince[i];
                    onSince[i] = boundary;
                }
            }
            if (block < blocks - 1) {
                block++;
            }
        }

        private void sample(int s) {
            BinaryState s0 = replicas[0];
            rateE[s] = (double) s0.activeE / nE;
            rateI[s] = (double) s0.activeI / nI;
            if (distE.length > 0) {
                distE[s] = (double) diffE / nE;
                distI[s] = (double) diffI / nI;
            }
            for (int u = 0; u < inputUnits.length; u++) {
                int i = inputUnits[u];
                double[][] c = inputs[u];
                c[0][s] = s0.excitatory(i);
                c[1][s] = s0.inhibitory(i);
                c[2][s] = i < nE ? extE : extI;
                c[3][s] = s0.input(i);
                c[4][s] = s0.sigma[i];
            }
            if (acfE != null) {
                for (int c = 0; c < acfPerPopE; c++) {
                    acfBuffer[c] = s0.sigma[c];
                }
                acfE.add(acfBuffer, 0);
                for (int c = 0; c < acfPerPopI; c++) {
                    acfBuffer[c] = s0.sigma[nE + c];
                }
                acfI.add(acfBuffer, 0);
            }
        }

        private BalancedRecording result(double wall) {
            double[] time = new double[samples];
            for (int s = 0; s < samples; s++) {
                time[s] = s * run.sampleInterval();
            }
            double blockLength = run.duration() / blocks;
            double[][] rates = new double[blocks][n];
            for (int b = 0; b < blocks; b++) {
                for (int i = 0; i < n; i++) {
                    rates[b][i] = activeTime[b][i] / blockLength;
                }
            }
            double[] lags = new double[0];
            double[] ae = new double[0];
            double[] ai = new double[0];
            if (acfE != null && acfE.pairsPerLag() > 0) {
                ae = acfE.result();
                ai = acfI.result();
                lags = new double[ae.length];
                for (int k = 0; k < lags.length; k++) {
                    lags[k] = k * run.sampleInterval();
                }
            }
            long flips = 0;
            long syn = 0;
            for (BinaryState s : replicas) {
                flips += s.flips;
                syn += s.synapticEvents;
            }
            return new BalancedRecording(time, rateE, rateI, rates, inputUnits.clone(), inputs, trainUnit.toArray(),
                    trainTime.toArray(), trainPerPop, lags, ae, ai, distE, distI, updates, flips, syn, wall);
        }
    }

    /** Sweeps of all units in one fixed random order; sweep s updates position p at time τ(s + (p+1)/N). */
    private static final class FixedOrderEvents implements UpdateEvents {
        private final int[] order;
        private final double tau;
        private long event = -1;

        FixedOrderEvents(int n, double tau, UniformRandomProvider rng) {
            this.tau = tau;
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                int j = rng.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
        }

        @Override
        public double next() {
            event++;
            return tau * (double) (event + 1) / order.length;
        }

        @Override
        public int unit() {
            return order[(int) (event % order.length)];
        }
    }
}
