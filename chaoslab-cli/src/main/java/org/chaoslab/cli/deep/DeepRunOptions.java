package org.chaoslab.cli.deep;

import org.chaoslab.cli.common.ThreadsOptions;
import org.chaoslab.sim.deep.DeepSimulation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Realizations, seed and threads of a deep-network simulation. */
public final class DeepRunOptions {

    @Option(names = "--realizations", description = "Independent networks R (>= 1; compare needs >= 2); realization r uses seed + r. "
            + "Default: 4 (simulate), 8 (compare).")
    Integer realizations;

    @Option(names = "--seed", description = "Master seed; streams inputs/pairs/p, inputs/circle, weights/layer/l/i, biases/layer/l, "
            + "dropout/layer/l/m. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Mixin
    ThreadsOptions threads;

    /** The settings, with {@code defaultRealizations} where --realizations is not given. */
    public DeepSimulation settings(int defaultRealizations) {
        return new DeepSimulation(realizations == null ? defaultRealizations : realizations, seed, threads());
    }

    int threads() {
        return threads.threads();
    }
}
