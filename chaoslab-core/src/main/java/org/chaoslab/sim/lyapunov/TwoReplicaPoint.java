package org.chaoslab.sim.lyapunov;

import java.util.Optional;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.Divergence;

/**
 * The two-replica estimate of λ_max at one point of a {@link TwoReplicaBatch}: exactly one of {@code estimate} and
 * {@code divergence} is present.
 *
 * @param gain       g of the point (the network's own gain for a single pair)
 * @param network    the network the point is: the batch's network at g
 * @param estimate   λ_max with its 95% batch-means half-width, d0, t_renorm and the renormalizations accumulated, as
 *                   {@link LyapunovSpectrum#twoReplica()} reports them; empty when the point diverged
 * @param divergence where the point stopped: its state or replica became NaN/Inf, or Σ|x| over the pair exceeded
 *                   {@link Divergence#STATE_LIMIT}, or a renormalization found no finite distance
 */
public record TwoReplicaPoint(double gain, RateNetwork network, Optional<LyapunovSpectrum.TwoReplicaEstimate> estimate,
                              Optional<Divergence> divergence) {

    public TwoReplicaPoint {
        if (estimate.isPresent() == divergence.isPresent()) {
            throw new IllegalArgumentException("a point has either an estimate or a divergence");
        }
    }

    /** True when the point ran to the end. */
    public boolean completed() {
        return divergence.isEmpty();
    }

    /** λ_max, NaN when the point diverged. */
    public double lambda() {
        return estimate.map(e -> e.lambda().value()).orElse(Double.NaN);
    }

    /** A one-line message for a diverged point, in the analyzer's words; empty for a completed one. */
    public String message() {
        return divergence.map(d -> "Lyapunov analysis diverged at t = " + d.time() + " (step " + d.step() + "): the state or "
                + "its replica became NaN/Inf or beyond 1e100, or their distance could not be renormalized (unbounded dynamics)")
                .orElse("");
    }
}
