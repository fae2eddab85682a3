package org.chaoslab.sim.lyapunov;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.random.StreamSeeds;

/**
 * The replica of the two-trajectory method (Benettin, Galgani &amp; Strelcyn, PRA 14:2338 (1976)): a second state x′
 * placed at distance d0 from the trajectory x along a random direction and brought back to that distance every renorm
 * interval, log(d/d0) measuring the growth in between. The arithmetic of both users is here once: the analyzer's
 * {@link TangentSystem} (x and x′ the first two columns of its block) and the batched estimator
 * {@link TwoReplicaBatch} (x and x′ the two columns of each pair), so that the two place and renormalize alike.
 * Both arrays hold N units per state at offsets {@code x} and {@code r}.
 */
final class ReplicaSeparation {

    private ReplicaSeparation() {
    }

    /** The replica's direction: N normals from {@code replica}, in order, divided by their Euclidean norm. */
    static double[] direction(StreamSeeds replica, int n) {
        double[] u = new double[n];
        ZigguratSampler.NormalizedGaussian zr = replica.gaussian();
        double norm = 0.0;
        for (int i = 0; i < n; i++) {
            u[i] = zr.sample();
            norm += u[i] * u[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            u[i] /= norm;
        }
        return u;
    }

    /** d0 = separation·√N: the replica's distance, per unit the separation. */
    static double d0(double separation, int n) {
        return separation * Math.sqrt(n);
    }

    /** x′ ← x + d0·u. */
    static void place(double[] s, int x, int r, int n, double[] u, double d0) {
        for (int i = 0; i < n; i++) {
            s[r + i] = s[x + i] + d0 * u[i];
        }
    }

    /** |x′ − x|. */
    static double distance(double[] s, int x, int r, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double diff = s[r + i] - s[x + i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** Rescales x′ − x to length d0 and returns log(d/d0), d the distance before. */
    static double renormalize(double[] s, int x, int r, int n, double d0) {
        double dist = distance(s, x, r, n);
        double f = d0 / dist;
        for (int i = 0; i < n; i++) {
            s[r + i] = s[x + i] + f * (s[r + i] - s[x + i]);
        }
        return Math.log(dist / d0);
    }
}
