package org.chaoslab.sim.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.random.StreamSeeds;

/**
 * Initial states and per-column streams. STATIONARY: column (p, t) starts from stream {@code initial/p/t};
 * TRANSIENT: every column from {@code initial/shared} (one shared state). Update times and noise of column (p, t)
 * come from {@code <name>/p/t} in both modes.
 */
final class InitialStates {

    static final String SHARED = "shared";

    private InitialStates() {
    }

    /** The stream of column (p, t)'s initial state. */
    static StreamSeeds initial(StreamSeeds root, ResponseProtocol protocol, int p, int t) {
        StreamSeeds s = root.child(StreamSeeds.INITIAL);
        return protocol.mode() == ResponseProtocol.Mode.TRANSIENT ? s.child(SHARED) : s.child(p).child(t);
    }

    /** The stream {@code name/p/t} of column (p, t). */
    static StreamSeeds column(StreamSeeds root, String name, int p, int t) {
        return root.child(name).child(p).child(t);
    }

    /** n_i ∈ {0, 1}, active with probability {@code activity}, into {@code out[off .. off+n)}. */
    static void binary(StreamSeeds s, double activity, int n, float[] out, int off) {
        UniformRandomProvider u = s.provider();
        for (int i = 0; i < n; i++) {
            out[off + i] = u.nextDouble() < activity ? 1f : 0f;
        }
    }

    /** x_i ~ N(0, std²) into {@code out[off .. off+n)}. */
    static void gaussian(StreamSeeds s, double std, int n, double[] out, int off) {
        ZigguratSampler.NormalizedGaussian z = s.gaussian();
        for (int i = 0; i < n; i++) {
            out[off + i] = std * z.sample();
        }
    }
}
