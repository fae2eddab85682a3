package org.chaoslab.sim.lyapunov;

import java.util.List;

/**
 * What a {@link TwoReplicaBatch} measured.
 *
 * @param points      per gain, in the order given
 * @param settings    how (the analyzer's settings; k and the tangent precision unused)
 * @param wallSeconds wall-clock time of the integration of all points together (coupling sampling excluded)
 */
public record TwoReplicaBatchRun(List<TwoReplicaPoint> points, LyapunovSettings settings, double wallSeconds) {

    public TwoReplicaBatchRun {
        points = List.copyOf(points);
    }

    /** Point k. */
    public TwoReplicaPoint point(int k) {
        return points.get(k);
    }
}
