package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * The replicas of one balanced-network run — replica 0, and replica 1 when the replica distance is measured — advanced
 * by the same update events, with the number of units in which they differ per population kept up to date at every
 * event (as {@link BinaryState} keeps its active counts): the state the recorders read, owned by the simulator.
 */
final class BalancedReplicas {

    private final BinaryState[] states;
    private final int n;
    private final int nE;
    /** The replicas being updated: 1 while replica 1 waits for the end of the transient to branch off, else all. */
    private int live;
    private int diffE;
    private int diffI;
    private long updates;

    /** {@code count} (1 or 2) replicas of {@code net} on {@code graph}, all units inactive. */
    BalancedReplicas(BalancedNetwork net, BalancedGraph graph, int count) {
        this.n = net.size();
        this.nE = net.nE();
        states = new BinaryState[count];
        for (int r = 0; r < count; r++) {
            states[r] = new BinaryState(net, graph);
        }
        live = count;
    }

    /**
     * Initial states: unit i active with probability p, replica r from stream {@code initial/replica/r}. With
     * {@code shareStart} replica 1 is not drawn: it waits, not updated, for {@link #branch}.
     */
    void initialize(StreamSeeds root, double p, boolean shareStart) {
        for (int r = 0; r < states.length; r++) {
            if (r == 0 || !shareStart) {
                initialize(states[r], root.child("initial").child("replica").child(r).provider(), p);
            }
        }
        live = shareStart ? 1 : states.length;
        if (!shareStart && states.length > 1) {
            countDifferences();
        }
    }

    private void initialize(BinaryState s, UniformRandomProvider rng, double p) {
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                s.set(i, (byte) 1);
            }
        }
        s.flips = 0;
        s.synapticEvents = 0;
    }

    /** Replica 1 becomes replica 0 with one excitatory unit (drawn from {@code rng}) flipped; both are live from now. */
    void branch(UniformRandomProvider rng) {
        BinaryState b = states[1];
        b.copyFrom(states[0]);
        int unit = rng.nextInt(nE);
        b.set(unit, (byte) (1 - b.sigma[unit]));
        countDifferences();
        live = states.length;
    }

    private void countDifferences() {
        byte[] a = states[0].sigma;
        byte[] b = states[1].sigma;
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

    /** One update event of unit i in every live replica (replica 1 first); true if replica 0 changed state. */
    boolean update(int i) {
        updates += live;
        if (live == 1) {
            return states[0].update(i);
        }
        BinaryState s0 = states[0];
        BinaryState s1 = states[1];
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
        return flipped;
    }

    /** Every replica's constant input from {@code net} ({@link BinaryState#drive}); the states are kept. */
    void drive(BalancedNetwork net) {
        for (BinaryState s : states) {
            s.drive(net);
        }
    }

    /** Replica 0: the trajectory every recorder but the distance reads. */
    BinaryState first() {
        return states[0];
    }

    /** Units in which the replicas differ, excitatory (0 with one replica). */
    int differencesE() {
        return diffE;
    }

    /** Units in which the replicas differ, inhibitory. */
    int differencesI() {
        return diffI;
    }

    /** Unit updates performed, all replicas. */
    long updates() {
        return updates;
    }

    /** State changes, all replicas (the initial states not counted, the branching flip counted). */
    long flips() {
        long f = 0;
        for (BinaryState s : states) {
            f += s.flips;
        }
        return f;
    }

    /** Input counts changed by state changes, all replicas. */
    long synapticEvents() {
        long e = 0;
        for (BinaryState s : states) {
            e += s.synapticEvents;
        }
        return e;
    }
}
