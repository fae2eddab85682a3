package org.chaoslab.sim.kernel;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.model.Stimuli;
import org.chaoslab.random.StreamSeeds;

/**
 * The realized input vectors x(p) of a {@link Stimuli} set for a network of N units: x_i(p) = Σ_f a_f(p) z_if with
 * feature weights z_if ~ N(0, 1) drawn from stream {@code seed/stimuli/f} (N draws per feature, so the first N′ &lt; N
 * units of a larger network receive the same inputs). {@link Stimuli.Given} inputs are returned as given.
 */
public final class StimulusInputs {

    private StimulusInputs() {
    }

    /** x as a P × N row-major array, {@code x[p·N + i] = x_i(p)}, from master seed {@code seed}. */
    public static double[] realize(Stimuli stimuli, int n, long seed) {
        return realize(stimuli, n, StreamSeeds.of(seed));
    }

    /** x as a P × N row-major array; the feature weights come from {@code root.child("stimuli")}. */
    public static double[] realize(Stimuli stimuli, int n, StreamSeeds root) {
        if (stimuli instanceof Stimuli.Given g) {
            if (g.units() != n) {
                throw new IllegalArgumentException("given inputs have " + g.units() + " units but n = " + n);
            }
            return g.inputs();
        }
        int p = stimuli.count();
        int f = stimuli.features();
        double[] z = weights(f, n, root);
        double[] x = new double[p * n];
        for (int q = 0; q < p; q++) {
            double[] a = stimuli.loadings(q);
            int off = q * n;
            for (int k = 0; k < f; k++) {
                double ak = a[k];
                int zo = k * n;
                for (int i = 0; i < n; i++) {
                    x[off + i] += ak * z[zo + i];
                }
            }
        }
        return x;
    }

    /** The feature weights z (F × N row-major, {@code z[f·N + i]}) from stream {@code root/stimuli/f}. */
    public static double[] weights(int features, int n, StreamSeeds root) {
        StreamSeeds s = root.child(Stimuli.STREAM);
        double[] z = new double[features * n];
        for (int k = 0; k < features; k++) {
            ZigguratSampler.NormalizedGaussian g = s.child(k).gaussian();
            for (int i = 0; i < n; i++) {
                z[k * n + i] = g.sample();
            }
        }
        return z;
    }

    /** The realized overlap (1/N) Σ_i x_i(p) x_i(q) of a P × N input array. */
    public static double overlap(double[] x, int n, int p, int q) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[p * n + i] * x[q * n + i];
        }
        return s / n;
    }
}
