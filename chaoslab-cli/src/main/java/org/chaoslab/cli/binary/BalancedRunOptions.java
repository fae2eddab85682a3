package org.chaoslab.cli.binary;

import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.sim.binary.UpdateSchedule;
import picocli.CommandLine.Option;

/** Run options of balanced-network simulations. */
final class BalancedRunOptions {

    @Option(names = "--t", description = "Recorded duration (units of tau_E). Default: ${DEFAULT-VALUE}.", defaultValue = "50")
    double duration;

    @Option(names = "--transient", description = "Time simulated before recording. Default: ${DEFAULT-VALUE}.", defaultValue = "10")
    double transientTime;

    @Option(names = "--seed", description = "Master seed. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    long seed;

    @Option(names = "--sample-interval", description = "Sampling interval of rates, inputs, distance. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.1")
    double sampleInterval;

    @Option(names = "--schedule", description = "poisson (random asynchronous) or fixed-order (needs tau_E = tau_I). Default: ${DEFAULT-VALUE}.",
            defaultValue = "poisson")
    String schedule;

    @Option(names = "--initial-activity", description = "Probability that a unit starts active. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.1")
    double initialActivity;

    @Option(names = "--input-units", split = ",", description = "Units whose input decomposition is recorded. Default: 0 and N_E.")
    int[] inputUnits;

    @Option(names = "--train-units", description = "Units per population with recorded 0->1 transitions. Default: ${DEFAULT-VALUE}.",
            defaultValue = "200")
    int trainUnits;

    @Option(names = "--acf-units", description = "Units per population in the autocorrelation. Default: ${DEFAULT-VALUE}.",
            defaultValue = "500")
    int acfUnits;

    @Option(names = "--acf-max-lag", description = "Largest autocorrelation lag (0: none). Default: ${DEFAULT-VALUE}.",
            defaultValue = "10")
    double acfMaxLag;

    BalancedRun settings(int replicas, boolean flipOne) {
        double lag = Math.min(acfMaxLag, duration / 4); // the autocorrelation needs at least two segments of lags
        return new BalancedRun(duration, transientTime, sampleInterval, seed, UpdateSchedule.parse(schedule), replicas, flipOne,
                initialActivity, 2, inputUnits, trainUnits, acfUnits, lag);
    }
}
