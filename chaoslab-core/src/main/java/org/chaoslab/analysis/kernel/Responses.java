package org.chaoslab.analysis.kernel;

import org.chaoslab.model.Validate;

/**
 * Responses of N units to P stimuli in T trials, stored stimuli × trials × units, row-major: the response of unit i to
 * stimulus p in trial t is element {@code (p*T + t)*N + i}. Trials differ in initial state or noise, never in stimulus.
 * Two storages: {@link Float32} (float[]) and {@link Float64} (double[]); the kernels use sgemm or dgemm accordingly.
 * The arrays are not copied.
 */
public sealed interface Responses permits Responses.Float32, Responses.Float64 {

    /** Number of stimuli P. */
    int stimuli();

    /** Number of trials T per stimulus. */
    int trials();

    /** Number of units N. */
    int units();

    /** The response of unit {@code i} to stimulus {@code p} in trial {@code t}. */
    double get(int p, int t, int i);

    /** Float32 storage. */
    static Responses of(int stimuli, int trials, int units, float[] data) {
        return new Float32(stimuli, trials, units, data);
    }

    /** Float64 storage. */
    static Responses of(int stimuli, int trials, int units, double[] data) {
        return new Float64(stimuli, trials, units, data);
    }

    /** One repeat as a stimuli × units row-major double matrix (trial {@code t} of every stimulus). */
    default double[] repeat(int t) {
        if (t < 0 || t >= trials()) {
            throw new IllegalArgumentException("trial must be in [0, " + (trials() - 1) + "] (got " + t + ")");
        }
        int p = stimuli();
        int n = units();
        double[] x = new double[p * n];
        for (int s = 0; s < p; s++) {
            for (int i = 0; i < n; i++) {
                x[s * n + i] = get(s, t, i);
            }
        }
        return x;
    }

    /** The trial average as a stimuli × units row-major double matrix. */
    default double[] trialMean() {
        int p = stimuli();
        int n = units();
        int tt = trials();
        double[] x = new double[p * n];
        for (int s = 0; s < p; s++) {
            for (int t = 0; t < tt; t++) {
                for (int i = 0; i < n; i++) {
                    x[s * n + i] += get(s, t, i);
                }
            }
            for (int i = 0; i < n; i++) {
                x[s * n + i] /= tt;
            }
        }
        return x;
    }

    /**
     * Float32 responses.
     *
     * @param stimuli P ≥ 1
     * @param trials  T ≥ 1
     * @param units   N ≥ 1
     * @param data    length P·T·N, index (p*T + t)*N + i
     */
    record Float32(int stimuli, int trials, int units, float[] data) implements Responses {
        /** Validates the shape. */
        public Float32 {
            checkShape(stimuli, trials, units, data.length);
        }

        @Override
        public double get(int p, int t, int i) {
            return data[(p * trials + t) * units + i];
        }
    }

    /**
     * Float64 responses.
     *
     * @param stimuli P ≥ 1
     * @param trials  T ≥ 1
     * @param units   N ≥ 1
     * @param data    length P·T·N, index (p*T + t)*N + i
     */
    record Float64(int stimuli, int trials, int units, double[] data) implements Responses {
        /** Validates the shape. */
        public Float64 {
            checkShape(stimuli, trials, units, data.length);
        }

        @Override
        public double get(int p, int t, int i) {
            return data[(p * trials + t) * units + i];
        }
    }

    private static void checkShape(int stimuli, int trials, int units, int length) {
        Validate.atLeast("stimuli", stimuli, 1);
        Validate.atLeast("trials", trials, 1);
        Validate.atLeast("units", units, 1);
        long expected = (long) stimuli * trials * units;
        if (expected != length) {
            throw new IllegalArgumentException("data must have length stimuli*trials*units = " + expected
                    + " (got " + length + ")");
        }
    }
}
