package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.chaoslab.model.BalancedNetwork;

/**
 * One trajectory of the balanced binary network driven by a static stimulus: the unit states with their integer
 * input counts ({@link BinaryState}), the static input x_i(θ) added to every unit's input, and Poisson update events
 * ({@link PoissonEvents}) from one stream. The batched stimulus simulators hold one per (stimulus, trial) on a
 * shared graph: {@code sim.kernel}'s balanced dynamics (states at recording times) and {@link
 * BalancedKernelSimulator} (time-averaged states). Not thread-safe; distinct columns may run on distinct threads.
 */
public final class BalancedColumn {

    private final BinaryState state;
    private final UpdateEvents events;
    private double pendingTime;
    private int pendingUnit;
    private long updates;
    private final long initialFlips;
    /** Time-averaging: active time per unit since {@link #startAveraging}; null when not averaging. */
    private double[] activeTime;
    private double[] onSince;
    private double averagingFrom;

    /**
     * @param net         the network
     * @param graph       its connectivity (shared, read-only)
     * @param staticInput x_i(θ) per unit (length N, kept by reference), or null for none
     * @param initial     initial states n_i ∈ {0, 1} (length N)
     * @param updateRng   the stream of update times and units
     */
    public BalancedColumn(BalancedNetwork net, BalancedGraph graph, double[] staticInput, byte[] initial,
                          UniformRandomProvider updateRng) {
        if (graph.size() != net.size() || graph.nE != net.nE()) {
            throw new IllegalArgumentException("graph has " + graph.size() + " units, network " + net.size());
        }
        if (initial.length != net.size()) {
            throw new IllegalArgumentException("initial state has " + initial.length + " units, network " + net.size());
        }
        state = new BinaryState(net, graph);
        state.staticInput(staticInput);
        for (int i = 0; i < initial.length; i++) {
            if (initial[i] != 0) {
                state.set(i, (byte) 1);
            }
        }
        initialFlips = state.flips;
        events = new PoissonEvents(net, updateRng);
        pendingTime = events.next();
        pendingUnit = events.unit();
    }

    /** Performs every update at times ≤ {@code until} (units of τ_E). */
    public void advanceTo(double until) {
        while (pendingTime <= until) {
            int i = pendingUnit;
            if (state.update(i) && activeTime != null) {
                if (state.sigma[i] == 1) {
                    onSince[i] = pendingTime;
                } else {
                    activeTime[i] += pendingTime - onSince[i];
                }
            }
            updates++;
            pendingTime = events.next();
            pendingUnit = events.unit();
        }
    }

    /** Starts accumulating the time each unit is active, from time {@code from} (the current time). */
    public void startAveraging(double from) {
        int n = state.sigma.length;
        activeTime = new double[n];
        onSince = new double[n];
        java.util.Arrays.fill(onSince, from);
        averagingFrom = from;
    }

    /** The time-averaged states (1/T) ∫ n_i dt over [from, {@code until}]; call after {@code advanceTo(until)}. */
    public double[] averages(double until) {
        if (activeTime == null) {
            throw new IllegalStateException("startAveraging was not called");
        }
        double duration = until - averagingFrom;
        double[] r = new double[activeTime.length];
        for (int i = 0; i < r.length; i++) {
            double a = activeTime[i] + (state.sigma[i] == 1 ? until - onSince[i] : 0.0);
            r[i] = a / duration;
        }
        return r;
    }

    /** Writes the current states n_i as float32 into {@code out[off .. off+N)}. */
    public void copyStates(float[] out, int off) {
        byte[] s = state.sigma;
        for (int i = 0; i < s.length; i++) {
            out[off + i] = s[i];
        }
    }

    /** Unit updates performed. */
    public long updates() {
        return updates;
    }

    /** State changes performed by updates (the initial state not counted). */
    public long flips() {
        return state.flips - initialFlips;
    }
}
