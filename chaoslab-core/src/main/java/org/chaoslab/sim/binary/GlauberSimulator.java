package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.analysis.UnitAutocorrelation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * Event-driven simulation of the Glauber binary network with dense Gaussian couplings: an update reads the
 * unit's input field; a change of state adds ±column j of J to every field, O(N) per flip (not O(N²)).
 * Couplings come from stream {@code couplings/i} (row i), updates and threshold noise from {@code updates},
 * the initial state from {@code initial/replica/0}.
 */
public final class GlauberSimulator {

    /**
     * What a run recorded.
     *
     * @param time      sample times after the transient
     * @param rate      population rate m(t)
     * @param unitRates time-averaged rate of every unit over the recorded time
     * @param updates   unit updates
     * @param flips     state changes
     * @param wallSeconds wall-clock time
     * @param autocorrelation the unit-averaged uncentred autocorrelation C(k·sampleInterval), k = 0..L, of the
     *                  states sampled after the transient (empty if no lags were asked for)
     */
    public record Recording(double[] time, double[] rate, double[] unitRates, long updates, long flips, double wallSeconds,
                            double[] autocorrelation) {

        /** Mean over units of the time-averaged rates. */
        public double meanRate() {
            double s = 0;
            for (double r : unitRates) {
                s += r;
            }
            return s / unitRates.length;
        }
    }

    private GlauberSimulator() {
    }

    /** Simulates {@code net} for {@code transientTime + duration}, sampling m(t) every {@code sampleInterval}. */
    public static Recording run(GlauberNetwork net, double duration, double transientTime, double sampleInterval, long seed) {
        return run(net, duration, transientTime, sampleInterval, seed, 0);
    }

    /**
     * As {@link #run(GlauberNetwork, double, double, double, long)}, also estimating the unit autocorrelation at
     * lags 0..{@code acfLags} sample intervals from the sampled states.
     */
    public static Recording run(GlauberNetwork net, double duration, double transientTime, double sampleInterval, long seed,
                                int acfLags) {
        int n = net.n();
        StreamSeeds root = StreamSeeds.of(seed);
        double[] colMajor = couplings(net, root);
        byte[] state = new byte[n];
        double[] field = new double[n];
        double bias = net.input() - net.threshold();
        UniformRandomProvider init = root.child(StreamSeeds.INITIAL).child("replica").child(0).provider();
        for (int j = 0; j < n; j++) {
            if (init.nextDouble() < 0.5) {
                state[j] = 1;
                add(colMajor, field, j, n, 1.0);
            }
        }
        UniformRandomProvider rng = root.child("updates").provider();
        ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(rng);
        int samples = Math.max(1, (int) Math.floor(duration / sampleInterval + 1e-9));
        double[] time = new double[samples];
        double[] rate = new double[samples];
        double[] activeTime = new double[n];
        double[] onSince = new double[n];
        double tEnd = transientTime + duration;
        double totalRate = n / net.tau();
        int active = 0;
        for (byte b : state) {
            active += b;
        }
        boolean recording = false;
        UnitAutocorrelation acf = acfLags > 0 ? new UnitAutocorrelation(n, acfLags) : null;
        double[] snapshot = new double[acfLags > 0 ? n : 0];
        int next = 0;
        long updates = 0;
        long flips = 0;
        double t = 0;
        long start = System.nanoTime();
        while (true) {
            t += -Math.log(1.0 - rng.nextDouble()) / totalRate;
            if (!recording && t >= transientTime) {
                recording = true;
                for (int i = 0; i < n; i++) {
                    onSince[i] = transientTime;
                }
            }
            if (recording) {
                while (next < samples && transientTime + next * sampleInterval <= Math.min(t, tEnd)) {
                    time[next] = next * sampleInterval;
                    rate[next++] = (double) active / n;
                    if (acf != null) {
                        for (int u = 0; u < n; u++) {
                            snapshot[u] = state[u];
                        }
                        acf.add(snapshot);
                    }
                }
                if (t >= tEnd) {
                    break;
                }
            }
            int i = Math.min(n - 1, (int) (rng.nextDouble() * n));
            double h = field[i] + bias + (net.noise() > 0 ? net.noise() * noise.sample() : 0.0);
            byte s = h > 0 ? (byte) 1 : (byte) 0;
            updates++;
            if (s != state[i]) {
                if (recording) {
                    if (s == 1) {
                        onSince[i] = t;
                    } else {
                        activeTime[i] += t - onSince[i];
                    }
                }
                state[i] = s;
                active += s == 1 ? 1 : -1;
                add(colMajor, field, i, n, s == 1 ? 1.0 : -1.0);
                flips++;
            }
        }
        double[] unitRates = new double[n];
        for (int i = 0; i < n; i++) {
            unitRates[i] = (activeTime[i] + (state[i] == 1 ? tEnd - onSince[i] : 0)) / duration;
        }
        return new Recording(time, rate, unitRates, updates, flips, (System.nanoTime() - start) * 1e-9,
                acf == null ? new double[0] : acf.correlation());
    }

    /**
     * The dense couplings J_ij ~ N(J̄/N, g²/N), stored column-major (J_ij at [j n + i]) so that the column of a
     * flipping unit is contiguous; row i from stream {@code couplings/i}, so any simulation of the same network
     * and master seed sees the same J.
     */
    static double[] couplings(GlauberNetwork net, StreamSeeds root) {
        int n = net.n();
        double[] colMajor = new double[n * n];
        double mean = net.meanCoupling() / n;
        double sd = net.gain() / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            ZigguratSampler.NormalizedGaussian z = root.child(StreamSeeds.COUPLINGS).child(i).gaussian();
            for (int j = 0; j < n; j++) {
                colMajor[j * n + i] = mean + sd * z.sample();
            }
        }
        return colMajor;
    }

    static void add(double[] colMajor, double[] field, int j, int n, double sign) {
        int base = j * n;
        for (int i = 0; i < n; i++) {
            field[i] += sign * colMajor[base + i];
        }
    }
}
