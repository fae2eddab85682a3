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
 */
public record RunInfo(int units, int replicas, double dt, long steps, TransferFunction transfer) {
}
