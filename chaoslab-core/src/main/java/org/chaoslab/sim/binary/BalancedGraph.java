package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * One realization of the sparse connectivity of a {@link BalancedNetwork}, stored as outgoing
 * adjacency lists (compressed rows): the targets of presynaptic unit j are
 * {@code targets[start[j] .. start[j+1])}, ascending, the excitatory targets (index &lt; N_E) first,
 * ending at {@code eEnd[j]}. Weights are not stored: a synapse to population k from population l has
 * weight J_kl/√K.
 *
 * <p>The inputs of postsynaptic unit i are drawn from stream {@code connectivity/unit/i} of the master
 * seed, so the graph does not depend on the thread count or on the run. Built in two passes over the
 * same streams (count, then fill), so no transposition buffer is needed.
 */
public final class BalancedGraph {

    final int n;
    final int nE;
    final long[] start;
    final long[] eEnd;
    final int[] targets;
    private final int[] inDegreeE;
    private final int[] inDegreeI;

    private BalancedGraph(int n, int nE, long[] start, long[] eEnd, int[] targets, int[] inE, int[] inI) {
        this.n = n;
        this.nE = nE;
        this.start = start;
        this.eEnd = eEnd;
        this.targets = targets;
        this.inDegreeE = inE;
        this.inDegreeI = inI;
    }

    /** Draws the connectivity of {@code network} from the master seed. */
    public static BalancedGraph realize(BalancedNetwork network, long masterSeed) {
        return realize(network, StreamSeeds.of(masterSeed));
    }

    /** Draws the connectivity of {@code network} from streams {@code connectivity/unit/i} of {@code master}. */
    public static BalancedGraph realize(BalancedNetwork network, StreamSeeds master) {
        int n = network.size();
        int nE = network.nE();
        StreamSeeds root = master.child("connectivity").child("unit");
        Sampler sampler = new Sampler(network);
        long[] count = new long[n + 1];
        int[] countE = new int[n];
        int[] inE = new int[n];
        int[] inI = new int[n];
        // pass 1: out-degrees (split by target population) and in-degrees
        for (int i = 0; i < n; i++) {
            int got = sampler.draw(root.child(i).provider());
            boolean targetIsE = i < nE;
            int[] buf = sampler.buffer;
            for (int s = 0; s < got; s++) {
                int j = buf[s];
                count[j]++;
                if (targetIsE) {
                    countE[j]++;
                }
                if (j < nE) {
                    inE[i]++;
                } else {
                    inI[i]++;
                }
            }
        }
        long[] start = new long[n + 1];
        for (int j = 0; j < n; j++) {
            start[j + 1] = start[j] + count[j];
        }
        if (start[n] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("network has " + start[n] + " synapses; at most " + (Integer.MAX_VALUE - 8) + " are supported");
        }
        long[] eEnd = new long[n];
        for (int j = 0; j < n; j++) {
            eEnd[j] = start[j] + countE[j];
        }
        int[] targets = new int[(int) start[n]];
        long[] fill = java.util.Arrays.copyOf(start, n);
        // pass 2: the same streams again; iterating i ascending leaves every list sorted, E targets first
        for (int i = 0; i < n; i++) {
            int got = sampler.draw(root.child(i).provider());
            int[] buf = sampler.buffer;
            for (int s = 0; s < got; s++) {
                int j = buf[s];
                targets[(int) fill[j]++] = i;
            }
        }
        return new BalancedGraph(n, nE, start, eEnd, targets, inE, inI);
    }

    /** Number of units. */
    public int size() {
        return n;
    }

    /** Total number of synapses. */
    public long synapseCount() {
        return start[n];
    }

    /** Number of targets of presynaptic unit j. */
    public int outDegree(int j) {
        return (int) (start[j + 1] - start[j]);
    }

    /** Number of excitatory inputs of unit i. */
    public int inDegreeE(int i) {
        return inDegreeE[i];
    }

    /** Number of inhibitory inputs of unit i. */
    public int inDegreeI(int i) {
        return inDegreeI[i];
    }

    /** The targets of presynaptic unit j (a copy, for tests and inspection). */
    public int[] targetsOf(int j) {
        return java.util.Arrays.copyOfRange(targets, (int) start[j], (int) start[j + 1]);
    }

    /** Draws the presynaptic partners of one unit into a reusable buffer; no allocation per unit. */
    static final class Sampler {
        private final int nE;
        private final int nI;
        private final int k;
        private final boolean fixed;
        private final double logQE;
        private final double logQI;
        private final int[] stampE;
        private final int[] stampI;
        private int stamp;
        int[] buffer;

        Sampler(BalancedNetwork net) {
            nE = net.nE();
            nI = net.nI();
            k = net.k();
            fixed = net.connectivity() == BalancedConnectivity.FIXED_INDEGREE;
            logQE = Math.log1p(-net.connectionProbability(BalancedNetwork.E));
            logQI = Math.log1p(-net.connectionProbability(BalancedNetwork.I));
            stampE = fixed ? new int[nE] : null;
            stampI = fixed ? new int[nI] : null;
            buffer = new int[Math.max(16, 4 * k + 64)];
        }

        /** Fills {@link #buffer} with presynaptic indices (E ones as 0..N_E−1, I ones as N_E..N−1); returns the count. */
        int draw(UniformRandomProvider rng) {
            if (fixed) {
                stamp++;
                int c = floyd(rng, nE, 0, stampE, 0);
                return floyd(rng, nI, nE, stampI, c);
            }
            int c = bernoulli(rng, nE, 0, logQE, 0);
            return bernoulli(rng, nI, nE, logQI, c);
        }

        /** Bernoulli(p) selection of 0..size−1 by geometric skips (Devroye 1986, ch. X.2). */
        private int bernoulli(UniformRandomProvider rng, int size, int offset, double logQ, int c) {
            if (logQ == Double.NEGATIVE_INFINITY) { // p = 1
                for (int j = 0; j < size; j++) {
                    c = put(c, offset + j);
                }
                return c;
            }
            long j = -1;
            while (true) {
                double u = 1.0 - rng.nextDouble(); // (0, 1]
                j += 1 + (long) Math.floor(Math.log(u) / logQ);
                if (j >= size) {
                    return c;
                }
                c = put(c, offset + (int) j);
            }
        }

        /** K distinct indices of 0..size−1 by Floyd's algorithm (Bentley &amp; Floyd, CACM 30:754 (1987)). */
        private int floyd(UniformRandomProvider rng, int size, int offset, int[] stamps, int c) {
            for (int j = size - k; j < size; j++) {
                int t = rng.nextInt(j + 1);
                int pick = stamps[t] == stamp ? j : t;
                stamps[pick] = stamp;
                c = put(c, offset + pick);
            }
            return c;
        }

        private int put(int c, int j) {
            if (c == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, 2 * buffer.length);
            }
            buffer[c] = j;
            return c + 1;
        }
    }
}
