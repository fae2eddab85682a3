package org.chaoslab.sim;

import org.chaoslab.model.TransferFunction;

/**
 * What a recorder needs to know about the run it observes.
 *
 * @param units     N
 * @param replicas  M
 * @param dt        time step
 * @param steps     number of recorded steps planned
 * @param transfers φ of every unit (to record rates φ(x)): one φ for all, or one per population
 * @param threads   threads the simulator computes with (a recorder may put work on the processors left over)
 */
public record RunInfo(int units, int replicas, double dt, long steps, UnitTransfers transfers, int threads) {

    /** A run whose units share φ. */
    public RunInfo(int units, int replicas, double dt, long steps, TransferFunction transfer, int threads) {
        this(units, replicas, dt, steps, UnitTransfers.uniform(transfer, units), threads);
    }

    /** A run on one thread whose units share φ. */
    public RunInfo(int units, int replicas, double dt, long steps, TransferFunction transfer) {
        this(units, replicas, dt, steps, transfer, 1);
    }

    /**
     * φ of a run whose units share it.
     *
     * @throws IllegalStateException when the populations have different φ (use {@link #transfers()})
     */
    public TransferFunction transfer() {
        return transfers.common();
    }
}
