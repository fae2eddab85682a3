package org.chaoslab.sim.binary;

import org.chaoslab.model.BalancedNetwork;

/**
 * The state of one replica: unit states and, per unit, the number of active excitatory and
 * inhibitory inputs (integers, so the input never drifts by rounding). An update reads these counts,
 * and a change of state is propagated to the targets' counts: O(out-degree) per flip.
 */
final class BinaryState {

    final byte[] sigma;
    final int[] countE;
    final int[] countI;
    int activeE;
    int activeI;
    private final BalancedGraph graph;
    private final int nE;
    /** weight[k][l] = J_kl/√K and bias[k] = √K E_k m0 − θ_k (van Vreeswijk &amp; Sompolinsky 1998, eq. 2.3). */
    private final double wEE;
    private final double wEI;
    private final double wIE;
    private final double wII;
    private double biasE;
    private double biasI;
    long flips;
    long synapticEvents;
    /** Static per-unit input added to u (a stimulus); null: none (the plain network, unchanged). */
    private double[] staticInput;

    BinaryState(BalancedNetwork net, BalancedGraph graph) {
        this.graph = graph;
        int n = net.size();
        nE = net.nE();
        sigma = new byte[n];
        countE = new int[n];
        countI = new int[n];
        double sk = Math.sqrt(net.k());
        wEE = net.jEE() / sk;
        wEI = net.jEI() / sk;
        wIE = net.jIE() / sk;
        wII = net.jII() / sk;
        drive(net);
    }

    /**
     * Sets the constant part of the input, √K E_k m0 − θ_k, from {@code net} (its K, external drive factors, m0 and
     * thresholds); the couplings and the state are kept. A running network whose external rate or thresholds change
     * (the explorer's {@link LiveBalancedNetwork#retune}) goes on from its state with the new drive.
     */
    void drive(BalancedNetwork net) {
        double sk = Math.sqrt(net.k());
        biasE = sk * net.extE() * net.m0() - net.thetaE();
        biasI = sk * net.extI() * net.m0() - net.thetaI();
    }

    /** The total input u_i = Σ J σ + √K E_k m0 − θ_k (+ x_i with a static input). */
    double input(int i) {
        double u = i < nE ? wEE * countE[i] + wEI * countI[i] + biasE : wIE * countE[i] + wII * countI[i] + biasI;
        return staticInput == null ? u : u + staticInput[i];
    }

    /** Sets a static per-unit input x_i added to every unit's input (length N), or null for none. */
    void staticInput(double[] x) {
        if (x != null && x.length != sigma.length) {
            throw new IllegalArgumentException("static input has " + x.length + " entries, network " + sigma.length);
        }
        staticInput = x;
    }

    /** Excitatory input Σ_{j∈E} J σ_j of unit i. */
    double excitatory(int i) {
        return (i < nE ? wEE : wIE) * countE[i];
    }

    /** Inhibitory input Σ_{j∈I} J σ_j of unit i (negative). */
    double inhibitory(int i) {
        return (i < nE ? wEI : wII) * countI[i];
    }

    /** Updates unit i: σ ← Θ(u) with Θ(0) = 0; returns true if it changed. */
    boolean update(int i) {
        byte s = input(i) > 0.0 ? (byte) 1 : (byte) 0;
        if (s == sigma[i]) {
            return false;
        }
        set(i, s);
        return true;
    }

    /** Sets unit i to state s (which differs from its current state) and propagates the change. */
    void set(int i, byte s) {
        sigma[i] = s;
        int delta = s == 1 ? 1 : -1;
        int[] counts;
        if (i < nE) {
            activeE += delta;
            counts = countE;
        } else {
            activeI += delta;
            counts = countI;
        }
        int[] t = graph.targets;
        int from = (int) graph.start[i];
        int to = (int) graph.start[i + 1];
        for (int p = from; p < to; p++) {
            counts[t[p]] += delta;
        }
        flips++;
        synapticEvents += to - from;
    }

    /** Copies another replica's state. */
    void copyFrom(BinaryState o) {
        System.arraycopy(o.sigma, 0, sigma, 0, sigma.length);
        System.arraycopy(o.countE, 0, countE, 0, countE.length);
        System.arraycopy(o.countI, 0, countI, 0, countI.length);
        activeE = o.activeE;
        activeI = o.activeI;
    }
}
