package org.chaoslab.sim.rate;

import java.util.List;

/**
 * What a batched gain sweep did.
 *
 * @param batch       the sweep
 * @param settings    how it was run (seed, step, length, integrator, replicas per point, threads)
 * @param points      per gain, in the order of {@link GainBatch#gains()}
 * @param wallSeconds wall-clock time of the integration of all points together (coupling sampling excluded)
 */
public record GainBatchRun(GainBatch batch, RateSimulation settings, List<GainRun> points, double wallSeconds) {

    public GainBatchRun {
        points = List.copyOf(points);
    }

    /** Point k. */
    public GainRun point(int k) {
        return points.get(k);
    }
}
