package org.chaoslab.model;

import java.util.Arrays;

/**
 * The external input I(t) of a rate network: a constant part per unit and an optional random
 * process {@link Noise} on top ({@link Noisy}). The simulator adds {@link #constantPart(int)} and
 * realizes {@link #noise()}; the theory reads the same description (a quenched noise is a static
 * input variance, {@link #variance()} includes it).
 */
public sealed interface ExternalInput permits ExternalInput.Constant, ExternalInput.PerUnit, ExternalInput.Noisy {

    /** No input. */
    ExternalInput NONE = new Constant(0.0);

    /** The constant input seen by unit i. */
    double constantPart(int unit);

    /** The population mean of the constant part (what the mean-field theory uses). */
    double mean();

    /**
     * The population variance of the static input (a quenched input variance for the theory): the
     * variance of the constant part plus σ² of a {@link Noise.Quenched} noise.
     */
    double variance();

    /** The random input process on top of the constant part ({@link Noise#NONE} by default). */
    default Noise noise() {
        return Noise.NONE;
    }

    /** This input with the given noise (replacing any noise it had). */
    default ExternalInput withNoise(Noise n) {
        ExternalInput base = this instanceof Noisy y ? y.base() : this;
        return n == null || n instanceof Noise.None ? base : new Noisy(base, n);
    }

    /** A constant (or per-unit) input plus a noise process. */
    record Noisy(ExternalInput base, Noise noise) implements ExternalInput {
        public Noisy {
            if (base == null || noise == null) {
                throw new IllegalArgumentException("input and noise must be given");
            }
            if (base instanceof Noisy) {
                throw new IllegalArgumentException("noise must wrap a constant or per-unit input");
            }
        }
        @Override public double constantPart(int unit) { return base.constantPart(unit); }
        @Override public double mean() { return base.mean(); }
        @Override public double variance() {
            // quenched input ξ_i ~ N(0, σ²) independent of the constant part: variances add
            return base.variance() + (noise instanceof Noise.Quenched q ? q.sigma() * q.sigma() : 0.0);
        }
    }

    /** The same input I for every unit. */
    record Constant(double value) implements ExternalInput {
        public Constant {
            Validate.finite("input", value);
        }
        @Override public double constantPart(int unit) { return value; }
        @Override public double mean() { return value; }
        @Override public double variance() { return 0.0; }
    }

    /** One input value per unit (the array is copied). */
    record PerUnit(double[] values) implements ExternalInput {
        public PerUnit {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("input vector must have one value per unit");
            }
            values = values.clone();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("input[" + i + "] must be finite (got " + values[i] + ")");
                }
            }
        }
        @Override public double constantPart(int unit) { return values[unit]; }
        @Override public double mean() { return Arrays.stream(values).average().orElse(0.0); }
        @Override public double variance() {
            double m = mean();
            return Arrays.stream(values).map(v -> (v - m) * (v - m)).average().orElse(0.0);
        }
        @Override public double[] values() { return values.clone(); }
        @Override public boolean equals(Object o) { return o instanceof PerUnit p && Arrays.equals(values, p.values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }
        @Override public String toString() { return "PerUnit[n=" + values.length + ", mean=" + mean() + "]"; }
    }
}
