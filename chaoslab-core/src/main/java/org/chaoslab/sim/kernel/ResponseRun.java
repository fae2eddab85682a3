package org.chaoslab.sim.kernel;

import java.util.Optional;

import org.chaoslab.sim.Divergence;

/**
 * How a batched response run went.
 *
 * @param steps        steps taken (synchronous maps and continuous-time kinds: time steps; Glauber: units of τ
 *                     advanced); the driver's loop count
 * @param recorded     recordings delivered to the recorders
 * @param divergence   where the state became NaN/Inf (rate kinds), if it did
 * @param wallSeconds  wall-clock time of the loop
 * @param fieldKernel  the product used for binary fields ("sgemm", "column-sum", "dgemm"), or "dgemm"/"sgemm" for
 *                     rate kinds, "incremental" for Glauber
 */
public record ResponseRun(long steps, int recorded, Optional<Divergence> divergence, double wallSeconds, String fieldKernel) {
}
