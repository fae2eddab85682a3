package org.chaoslab.sim.deep;

/**
 * One measured quantity per realization and layer: {@code values[r·depth + (l − 1)]} for realization
 * r and layer l = 1 … L (numpy: shape (R, L)). NaN where not measured (a diverged realization's later
 * layers, or a quantity undefined at a layer).
 *
 * @param realizations R
 * @param depth        L
 * @param values       R·L values
 */
public record LayerSeries(int realizations, int depth, double[] values) {

    public LayerSeries {
        if (values.length != realizations * depth) {
            throw new IllegalArgumentException("layer series needs " + realizations * depth + " values (got " + values.length + ")");
        }
    }

    static LayerSeries empty(int realizations, int depth) {
        double[] v = new double[realizations * depth];
        java.util.Arrays.fill(v, Double.NaN);
        return new LayerSeries(realizations, depth, v);
    }

    /** The value of realization r at layer l (1-based). */
    public double get(int r, int layer) {
        return values[r * depth + layer - 1];
    }

    void set(int r, int layer, double v) {
        values[r * depth + layer - 1] = v;
    }

    /** The values of all realizations at layer l (1-based). */
    public double[] atLayer(int layer) {
        double[] out = new double[realizations];
        for (int r = 0; r < realizations; r++) {
            out[r] = get(r, layer);
        }
        return out;
    }
}
