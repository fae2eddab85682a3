package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * Two replicas of one Glauber network (same couplings, same update times and units) that differ by one flipped
 * unit at the end of the transient; records d(t) = (1/N) Σ_i (n_i^a − n_i^b)², d(0) = 1/N. Threshold noise:
 * with {@code sharedNoise} both replicas use the same draw at each update (the default: the replicas then differ
 * only through the flip, as for a deterministic network); otherwise replica b draws from its own stream
 * {@code noise/replica/1}. Streams as {@link GlauberSimulator} (couplings, {@code updates},
 * {@code initial/replica/0}), the flipped unit from {@code perturbation}.
 */
public final class GlauberReplicaSimulator {

    /**
     * What a two-replica run recorded.
     *
     * @param time        sample times after the flip
     * @param distance    d(t)
     * @param flippedUnit the unit flipped at t = 0
     * @param updates     unit updates (per replica)
     * @param wallSeconds wall-clock time
     */
    public record Recording(double[] time, double[] distance, int flippedUnit, long updates, double wallSeconds) {
    }

    private GlauberReplicaSimulator() {
    }

    /**
     * Runs replica a for {@code transientTime}, copies it with one unit flipped, and runs both for {@code duration},
     * sampling d every {@code sampleInterval}.
     */
    public static Recording run(GlauberNetwork net, double duration, double transientTime, double sampleInterval, long seed,
                                boolean sharedNoise) {
        int n = net.n();
        StreamSeeds root = StreamSeeds.of(seed);
        double[] colMajor = GlauberSimulator.couplings(net, root);
        byte[] a = new byte[n];
        double[] fieldA = new double[n];
        UniformRandomProvider init = root.child(StreamSeeds.INITIAL).child("replica").child(0).provider();
        for (int j = 0; j < n; j++) {
            if (init.nextDouble() < 0.5) {
                a[j] = 1;
                GlauberSimulator.add(colMajor, fieldA, j, n, 1.0);
            }
        }
        UniformRandomProvider rng = root.child("updates").provider();
        ZigguratSampler.NormalizedGaussian noiseA = ZigguratSampler.NormalizedGaussian.of(rng);
        ZigguratSampler.NormalizedGaussian noiseB = sharedNoise ? null
                : root.child(StreamSeeds.NOISE).child("replica").child(1).gaussian();
        double sigma = net.noise();
        double bias = net.input() - net.threshold();
        double totalRate = n / net.tau();
        long start = System.nanoTime();
        double t = 0;
        // transient: replica a alone
        while (true) {
            double dt = -Math.log(1.0 - rng.nextDouble()) / totalRate;
            if (t + dt >= transientTime) {
                break; // memoryless: the next update time after the flip is drawn afresh
            }
            t += dt;
            int i = Math.min(n - 1, (int) (rng.nextDouble() * n));
            byte s = fieldA[i] + bias + (sigma > 0 ? sigma * noiseA.sample() : 0.0) > 0 ? (byte) 1 : (byte) 0;
            if (s != a[i]) {
                a[i] = s;
                GlauberSimulator.add(colMajor, fieldA, i, n, s == 1 ? 1.0 : -1.0);
            }
        }
        byte[] b = a.clone();
        double[] fieldB = fieldA.clone();
        int flipped = Math.min(n - 1, (int) (root.child("perturbation").provider().nextDouble() * n));
        b[flipped] = (byte) (1 - b[flipped]);
        GlauberSimulator.add(colMajor, fieldB, flipped, n, b[flipped] == 1 ? 1.0 : -1.0);
        int differ = 1;
        int samples = Math.max(1, (int) Math.floor(duration / sampleInterval + 1e-9) + 1);
        double[] time = new double[samples];
        double[] distance = new double[samples];
        int next = 0;
        long updates = 0;
        t = 0;
        while (true) {
            t += -Math.log(1.0 - rng.nextDouble()) / totalRate;
            while (next < samples && next * sampleInterval <= Math.min(t, duration)) {
                time[next] = next * sampleInterval;
                distance[next++] = (double) differ / n;
            }
            if (t >= duration || next >= samples) {
                break;
            }
            int i = Math.min(n - 1, (int) (rng.nextDouble() * n));
            double xiA = sigma > 0 ? sigma * noiseA.sample() : 0.0;
            double xiB = sigma > 0 && !sharedNoise ? sigma * noiseB.sample() : xiA;
            byte sa = fieldA[i] + bias + xiA > 0 ? (byte) 1 : (byte) 0;
            byte sb = fieldB[i] + bias + xiB > 0 ? (byte) 1 : (byte) 0;
            boolean wasDifferent = a[i] != b[i];
            if (sa != a[i]) {
                a[i] = sa;
                GlauberSimulator.add(colMajor, fieldA, i, n, sa == 1 ? 1.0 : -1.0);
            }
            if (sb != b[i]) {
                b[i] = sb;
                GlauberSimulator.add(colMajor, fieldB, i, n, sb == 1 ? 1.0 : -1.0);
            }
            differ += (sa != sb ? 1 : 0) - (wasDifferent ? 1 : 0);
            updates++;
        }
        return new Recording(time, distance, flipped, updates, (System.nanoTime() - start) * 1e-9);
    }
}
