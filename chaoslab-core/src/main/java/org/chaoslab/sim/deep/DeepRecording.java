package org.chaoslab.sim.deep;

import java.util.List;

/**
 * What a deep-network simulation measured, per realization and layer.
 *
 * @param q               mean over the pair inputs of |h^l|²/N
 * @param c               mean over pairs of the correlation h_a·h_b/(|h_a||h_b|)
 * @param jacobian        mean over the pair inputs of (1/N)‖∂h^l/∂h^{l−1}‖_F², the mean squared singular
 *                        value of the layer Jacobian (∂h^1/∂x^0 = W^1 at l = 1; the dropout mask included)
 * @param circleQ         mean over the circle's points of |h^l|²/N
 * @param circleLength    Euclidean length of the closed polygon through the K images of the circle
 * @param grassmannLength total turning angle of that polygon, Σ_k angle(d_k, d_{k+1}), d_k = h_{k+1} − h_k:
 *                        the discrete ∫κ ds
 * @param curvature       mean curvature in units of the radius: (L^G/L^E)·√(N q_circle)
 * @param maxTurning      the largest turning angle (radians): the polygon resolves the curve while ≪ 1
 * @param problems        one line per realization that diverged (NaN/Inf), empty when all completed
 * @param wallSeconds     wall-clock time of the run
 */
public record DeepRecording(LayerSeries q, LayerSeries c, LayerSeries jacobian, LayerSeries circleQ,
                            LayerSeries circleLength, LayerSeries grassmannLength, LayerSeries curvature,
                            LayerSeries maxTurning, List<String> problems, double wallSeconds) {

    /** R. */
    public int realizations() {
        return q.realizations();
    }

    /** L. */
    public int depth() {
        return q.depth();
    }

    /** Whether every realization completed. */
    public boolean completed() {
        return problems.isEmpty();
    }
}
