package org.chaoslab.sim.binary;

import org.chaoslab.model.Validate;

/**
 * Settings of one simulation of a balanced binary network.
 *
 * @param duration        recorded time T (in units of τ_E), &gt; 0
 * @param transientTime     time simulated before recording, ≥ 0
 * @param sampleInterval  sampling interval of population rates, inputs, distance and autocorrelation, &gt; 0
 * @param seed            master seed (connectivity, updates, initial states, perturbation streams)
 * @param schedule        update schedule
 * @param replicas        1, or 2 to measure the replica distance D(t)
 * @param flipOne         with 2 replicas: replica 1 is replica 0 with one excitatory unit flipped at the
 *                        end of the transient (else replica 1 starts from its own random state)
 * @param initialActivity probability that a unit starts active, in [0, 1]
 * @param rateBlocks      the recorded time is split in this many equal blocks with a time-averaged rate per
 *                        unit and block (≥ 1; two blocks give an unbiased estimate of q)
 * @param inputUnits      units whose input decomposition is recorded at every sample
 * @param trainUnits      the first this-many units of each population have their 0→1 transitions recorded
 *                        (raster, CV, Fano factor)
 * @param acfUnits        the first this-many units of each population enter the population autocorrelation
 * @param acfMaxLag       largest lag of the autocorrelation (0 for none)
 */
public record BalancedRun(double duration, double transientTime, double sampleInterval, long seed, UpdateSchedule schedule,
                          int replicas, boolean flipOne, double initialActivity, int rateBlocks, int[] inputUnits,
                          int trainUnits, int acfUnits, double acfMaxLag) {

    public BalancedRun {
        Validate.positive("duration (recorded duration)", duration);
        Validate.finiteAtLeast("transientTime", transientTime, 0.0);
        Validate.positive("sampleInterval", sampleInterval);
        if (sampleInterval > duration) {
            throw new IllegalArgumentException("sampleInterval must be <= duration = " + duration + " (got " + sampleInterval + ")");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must be given");
        }
        if (replicas < 1 || replicas > 2) {
            throw new IllegalArgumentException("replicas must be 1 or 2 (got " + replicas + ")");
        }
        if (!(initialActivity >= 0 && initialActivity <= 1)) {
            throw new IllegalArgumentException("initialActivity must be in [0, 1] (got " + initialActivity + ")");
        }
        Validate.atLeast("rateBlocks", rateBlocks, 1);
        inputUnits = inputUnits == null ? new int[0] : inputUnits.clone();
        Validate.atLeast("trainUnits", trainUnits, 0);
        Validate.atLeast("acfUnits", acfUnits, 0);
        Validate.finiteAtLeast("acfMaxLag", acfMaxLag, 0.0);
    }

    /** Defaults: sample every 0.1 τ, Poisson schedule, one replica, initial activity 0.1, 2 rate blocks,
     * input decomposition of units 0 and N_E (set by the simulator when empty), 200 train units and 500
     * autocorrelation units per population, lags up to 10 τ. */
    public static BalancedRun of(double duration, double transientTime, long seed) {
        return new BalancedRun(duration, transientTime, 0.1, seed, UpdateSchedule.POISSON, 1, true, 0.1, 2, new int[0],
                200, 500, Math.min(10.0, duration / 4));
    }

    /** A copy with two replicas (one flipped unit or independent initial states). */
    public BalancedRun withReplicas(int count, boolean flip) {
        return new BalancedRun(duration, transientTime, sampleInterval, seed, schedule, count, flip, initialActivity, rateBlocks,
                inputUnits, trainUnits, acfUnits, acfMaxLag);
    }

    /** The same run from another master seed. */
    public BalancedRun withSeed(long s) {
        return new BalancedRun(duration, transientTime, sampleInterval, s, schedule, replicas, flipOne, initialActivity, rateBlocks,
                inputUnits, trainUnits, acfUnits, acfMaxLag);
    }

    /** A copy with another sampling interval. */
    public BalancedRun withSampleInterval(double dt) {
        return new BalancedRun(duration, transientTime, dt, seed, schedule, replicas, flipOne, initialActivity, rateBlocks,
                inputUnits, trainUnits, acfUnits, Math.min(acfMaxLag, duration / 4));
    }

    /** A copy with another schedule. */
    public BalancedRun withSchedule(UpdateSchedule s) {
        return new BalancedRun(duration, transientTime, sampleInterval, seed, s, replicas, flipOne, initialActivity, rateBlocks,
                inputUnits, trainUnits, acfUnits, acfMaxLag);
    }

    /** A copy with other recording sizes. */
    public BalancedRun withRecording(int[] inputs, int train, int acf, double maxLag) {
        return new BalancedRun(duration, transientTime, sampleInterval, seed, schedule, replicas, flipOne, initialActivity, rateBlocks,
                inputs, train, acf, maxLag);
    }

    /** A copy with another initial activity. */
    public BalancedRun withInitialActivity(double a) {
        return new BalancedRun(duration, transientTime, sampleInterval, seed, schedule, replicas, flipOne, a, rateBlocks,
                inputUnits, trainUnits, acfUnits, acfMaxLag);
    }

    @Override
    public int[] inputUnits() {
        return inputUnits.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BalancedRun r && r.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "BalancedRun[duration=" + duration + ", transientTime=" + transientTime + ", sampleInterval=" + sampleInterval
                + ", seed=" + seed + ", schedule=" + schedule + ", replicas=" + replicas + ", flipOne=" + flipOne
                + ", initialActivity=" + initialActivity + ", rateBlocks=" + rateBlocks + ", inputUnits="
                + java.util.Arrays.toString(inputUnits) + ", trainUnits=" + trainUnits + ", acfUnits=" + acfUnits
                + ", acfMaxLag=" + acfMaxLag + "]";
    }
}
