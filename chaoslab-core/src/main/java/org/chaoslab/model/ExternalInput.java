package org.chaoslab.model;

import java.util.Arrays;

/**
 * The external input I(t) of a rate network. This foundation has constant inputs; noise and stimuli
 * are further implementations (the simulator adds {@link #constantPart(int)} and asks the input for
 * its time-dependent part, the theory reads the same description).
 */
public sealed interface ExternalInput permits ExternalInput.Constant, ExternalInput.PerUnit {

    /** No input. */
    ExternalInput NONE = new Constant(0.0);

    /** The constant input seen by unit i. */
    double constantPart(int unit);

    /** The population mean of the constant part (what the mean-field theory uses). */
    double mean();

    /** The population variance of the constant part (a static, quenched input variance for the theory). */
    double variance();

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
