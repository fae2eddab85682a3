package org.chaoslab.sim.rate;

import java.util.Optional;

import org.chaoslab.sim.Divergence;

/**
 * What a run did (its recordings live in the recorders that observed it).
 *
 * @param network        the realization that was run
 * @param settings       how it was run
 * @param recordedSteps  steps recorded after the transient (fewer than planned if it diverged)
 * @param divergence     where it stopped, if the state became NaN/Inf
 * @param wallSeconds    wall-clock time of the integration (coupling sampling excluded)
 * @param finalState     x at the end (replica-major), a copy
 */
public record RateRun(RealizedRateNetwork network, RateSimulation settings, long recordedSteps,
                      Optional<Divergence> divergence, double wallSeconds, double[] finalState) {

    /** True when the run completed without divergence. */
    public boolean completed() {
        return divergence.isEmpty();
    }
}
