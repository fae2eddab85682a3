package org.chaoslab.sim.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.random.StreamSeeds;

/**
 * Initial states and per-column streams. STATIONARY: column (p, t) starts from stream {@code initial/p/t}, and its
 * update times and noise come from {@code <name>/p/t}: every trial of every stimulus is independent. TRANSIENT:
 * every column starts from {@code initial/shared} (one shared state), and the columns of trial t share the update
 * times and noise of stream {@code <name>/shared/t} whatever their stimulus ("frozen noise"): two stimuli then
 * differ only by their inputs, as in the synchronous maps, which is what the transient two-replica theory describes
 * (Glauber with shared update times); trials t ≠ t′ of one stimulus still differ by their updates.
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

    /** The update and noise stream of column (p, t): {@code name/p/t} (STATIONARY) or {@code name/shared/t} (TRANSIENT). */
    static StreamSeeds dynamics(StreamSeeds root, ResponseProtocol protocol, String name, int p, int t) {
        return protocol.mode() == ResponseProtocol.Mode.TRANSIENT ? root.child(name).child(SHARED).child(t) : column(root, name, p, t);
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
