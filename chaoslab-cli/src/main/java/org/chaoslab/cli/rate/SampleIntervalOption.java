package org.chaoslab.cli.rate;

import org.chaoslab.compare.PopulationComparison;
import org.chaoslab.sim.rate.RateSimulation;
import picocli.CommandLine.Option;

/**
 * {@code --sample-interval}: the time between the states the population statistics use, a picocli mixin shared by
 * {@code simulate populations} and {@code compare populations} (both form the same statistics from sampled states,
 * so the option, its default and its check are the same).
 */
public final class SampleIntervalOption {

    @Option(names = "--sample-interval", description = "Time between the states the statistics use (> 0). Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.5")
    double sampleInterval;

    /**
     * The sampling settings of {@code run} at this interval. The settings check their values first (a non-positive
     * interval is refused there); then an interval below the step is refused in one line naming the option, since
     * the states are taken every round(interval/dt) &ge; 1 steps.
     *
     * @param inDegrees null for dense couplings, else the sparse in-degrees
     */
    public PopulationComparison.Settings settings(RateSimulation run, int realizations, double maxLag,
                                                  org.chaoslab.sim.PopulationInDegrees inDegrees) {
        PopulationComparison.Settings s = new PopulationComparison.Settings(run, realizations, sampleInterval, maxLag,
                inDegrees);
        if (sampleInterval < run.dt()) {
            throw new IllegalArgumentException("--sample-interval must be >= dt (got " + sampleInterval + ", dt " + run.dt() + ")");
        }
        return s;
    }
}
