package org.chaoslab.sim.deep;

import org.chaoslab.model.Validate;

/**
 * Settings of a deep-network simulation.
 *
 * @param realizations R ≥ 1 independent networks; realization r uses master seed {@code seed + r}
 *                     (so any one can be rerun alone with that seed)
 * @param seed         master seed of realization 0
 * @param threads      threads (results do not depend on it)
 */
public record DeepSimulation(int realizations, long seed, int threads) {

    public DeepSimulation {
        Validate.atLeast("realizations", realizations, 1);
        Validate.atLeast("threads", threads, 1);
    }

    /** The same realizations from another master seed. */
    public DeepSimulation withSeed(long s) {
        return new DeepSimulation(realizations, s, threads);
    }

    /** R realizations from {@code seed}, on every available core. */
    public static DeepSimulation of(int realizations, long seed) {
        return new DeepSimulation(realizations, seed, Runtime.getRuntime().availableProcessors());
    }
}
