package org.chaoslab.bench;

import java.util.Arrays;

/**
 * Repeated timings of one quantity (ms per step, GB/s, GFLOP/s ...), each with the share of the
 * CPUs that other processes took meanwhile ({@link CpuLoad}).
 *
 * @param unitsPerRep  work units (steps, sweeps, calls) per repetition
 * @param values       one value per repetition, in the order measured
 * @param foreignLoad  per repetition: fraction of all CPUs used by other processes (NaN if unknown)
 */
record Timing(long unitsPerRep, double[] values, double[] foreignLoad) {

    /** Other processes below this share of the CPUs: a clean repetition. */
    static final double CLEAN = 0.03;

    /** One repetition, returning its value. */
    @FunctionalInterface
    interface Rep {
        double run() throws Exception;
    }

    /**
     * Runs {@code minReps} repetitions, then more (up to {@code maxReps}) while none of them was
     * clean: on a shared machine a later repetition may find the CPUs free.
     */
    static Timing repeat(long unitsPerRep, int minReps, int maxReps, Rep rep) throws Exception {
        maxReps = Math.max(minReps, maxReps);
        double[] v = new double[maxReps];
        double[] load = new double[maxReps];
        int k = 0;
        boolean clean = false;
        while (k < minReps || (!clean && k < maxReps)) {
            CpuLoad.Snapshot a = CpuLoad.now();
            v[k] = rep.run();
            load[k] = CpuLoad.foreign(a, CpuLoad.now());
            clean |= !(load[k] > CLEAN);   // NaN (no /proc) counts as clean
            k++;
        }
        return new Timing(unitsPerRep, Arrays.copyOf(v, k), Arrays.copyOf(load, k));
    }

    /** The smallest value (for times: the least disturbed repetition). */
    double min() {
        return values[argBest(false)];
    }

    /** The largest value (for rates: the least disturbed repetition). */
    double max() {
        return values[argBest(true)];
    }

    /** Foreign load during the best repetition (the smallest value if {@code rate} is false, else the largest). */
    double loadOfBest(boolean rate) {
        return foreignLoad[argBest(rate)];
    }

    double median() {
        return median(values);
    }

    /** The median of {@code v} (the mean of the middle two for an even count; NaN for none); {@code v} is not changed. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int k = s.length;
        return k == 0 ? Double.NaN : (k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]));
    }

    int reps() {
        return values.length;
    }

    private int argBest(boolean largest) {
        int b = 0;
        for (int i = 1; i < values.length; i++) {
            if (largest ? values[i] > values[b] : values[i] < values[b]) {
                b = i;
            }
        }
        return b;
    }
}
