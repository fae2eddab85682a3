package org.chaoslab.sim.rate;

import java.util.Optional;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.sim.Divergence;

/**
 * What one point of a batched gain sweep did (its recordings live in the recorders that observed it).
 *
 * @param gain          g_k
 * @param network       the network at that gain ({@link GainBatch#network(int)})
 * @param recordedSteps steps recorded after the transient (fewer than planned if it diverged)
 * @param divergence    where it stopped, if its state diverged; the other points went on
 * @param finalState    its x at the end, or at its divergence (M·N values, replica-major), a copy
 */
public record GainRun(double gain, RateNetwork network, long recordedSteps, Optional<Divergence> divergence,
                      double[] finalState) {

    /** True when the point completed without divergence. */
    public boolean completed() {
        return divergence.isEmpty();
    }
}
