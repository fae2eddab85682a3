package org.chaoslab.sim;

import org.chaoslab.model.TransferFunction;

/**
 * What a recorder needs to know about the run it observes.
 *
 * @param units     N
 * @param replicas  M
 * @param dt        time step
 * @param steps     number of recorded steps planned
 * @param transfer  φ (to record rates φ(x))
 * @param threads   threads the simulator computes with (a recorder may put work on the processors left over)
 */
public record RunInfo(int units, int replicas, double dt, long steps, TransferFunction transfer, int threads) {

    /** A run on one thread. */
    public RunInfo(int units, int replicas, double dt, long steps, TransferFunction transfer) {
        this(units, replicas, dt, steps, transfer, 1);
    }
}
