package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * The balanced binary network as a stimulus-driven network: one event-driven run (Poisson update times, the
 * dynamics of {@link BalancedSimulator}) per (stimulus p, trial t), with the static stimulus input x_i(p) added to
 * every unit's input, on one connectivity graph shared by all runs. Each run records the time-averaged state
 * r_i = (1/T) ∫ σ_i dt of every unit over [T0, T0 + T]. Single-threaded; results depend only on the seed.
 *
 * <p>Streams (from master seed {@code seed}): {@code initial/p/t} (initial state, each unit active with
 * probability {@code initialActivity}), {@code updates/p/t} (update times and units): independent trials.
 *
 * <p>Estimators (see {@link Responses}): cross-trial products r^a r^b of independent trials are unbiased for
 * (1/N_k) Σ m_i^a m_i^b at any T because the temporal fluctuations of independent trials are independent.
 */
public final class BalancedKernelSimulator {

    private BalancedKernelSimulator() {
    }

    /**
     * Time-averaged responses.
     *
     * @param nE     excitatory units (units 0 … N_E−1), the rest inhibitory
     * @param rates  r[p][t][i], time-averaged state of unit i at stimulus p in trial t
     */
    public record Responses(int nE, double[][][] rates) {

        /** Number of stimuli P. */
        public int stimuli() {
            return rates.length;
        }

        /** Number of trials per stimulus. */
        public int trials() {
            return rates[0].length;
        }

        /** Mean rate of population pop (0 = E, 1 = I) over stimuli, trials and units. */
        public double rate(int pop) {
            int from = pop == 0 ? 0 : nE;
            int to = pop == 0 ? nE : rates[0][0].length;
            double s = 0;
            for (double[][] p : rates) {
                for (double[] t : p) {
                    for (int i = from; i < to; i++) {
                        s += t[i];
                    }
                }
            }
            return s / ((double) stimuli() * trials() * (to - from));
        }

        /**
         * Cross-trial kernel of population pop between stimuli whose indices differ by {@code shift} (mod P):
         * (1/N_k) Σ_i r_i(p, t) r_i(p + shift, t′), averaged over p and all ordered pairs of distinct trials
         * t ≠ t′. shift = 0 gives K(0⁺).
         */
        public double crossTrial(int pop, int shift) {
            int from = pop == 0 ? 0 : nE;
            int to = pop == 0 ? nE : rates[0][0].length;
            int pCount = stimuli();
            double s = 0;
            long count = 0;
            for (int p = 0; p < pCount; p++) {
                int p2 = Math.floorMod(p + shift, pCount);
                for (int a = 0; a < trials(); a++) {
                    for (int b = 0; b < trials(); b++) {
                        if (a == b) {
                            continue;
                        }
                        double[] ra = rates[p][a];
                        double[] rb = rates[p2][b];
                        double d = 0;
                        for (int i = from; i < to; i++) {
                            d += ra[i] * rb[i];
                        }
                        s += d / (to - from);
                        count++;
                    }
                }
            }
            return s / count;
        }

        /** Nugget estimate m_k − K_k(0⁺) (the same-trial K(0) of 0/1 units is the rate). */
        public double nugget(int pop) {
            return rate(pop) - crossTrial(pop, 0);
        }
    }

    /**
     * Runs every (stimulus, trial).
     *
     * @param net             the network
     * @param graph           its connectivity (shared by all runs)
     * @param x               stimulus inputs, P × N row-major ({@code x[p·N + i]}), e.g. from
     *                        {@code sim.kernel.StimulusInputs.realize}
     * @param trials          trials per stimulus (≥ 2 for cross-trial kernels)
     * @param transientTime   time before recording (units of τ_E)
     * @param duration        recorded time T &gt; 0
     * @param initialActivity probability of an active unit in the initial state
     * @param seed            master seed of the initial states and update times
     */
    public static Responses run(BalancedNetwork net, BalancedGraph graph, double[] x, int trials, double transientTime,
                                double duration, double initialActivity, long seed) {
        int n = net.size();
        if (graph.size() != n || graph.nE != net.nE()) {
            throw new IllegalArgumentException("graph has " + graph.size() + " units, network " + n);
        }
        if (x.length % n != 0 || x.length == 0) {
            throw new IllegalArgumentException("stimulus array length " + x.length + " is not a positive multiple of N = " + n);
        }
        if (trials < 1 || !(duration > 0) || !(transientTime >= 0) || !(initialActivity >= 0 && initialActivity <= 1)) {
            throw new IllegalArgumentException("need trials >= 1, duration > 0, transient >= 0, initial activity in [0, 1]");
        }
        int pCount = x.length / n;
        StreamSeeds root = StreamSeeds.of(seed);
        double[][][] rates = new double[pCount][trials][];
        for (int p = 0; p < pCount; p++) {
            double[] xp = new double[n];
            System.arraycopy(x, p * n, xp, 0, n);
            for (int t = 0; t < trials; t++) {
                UniformRandomProvider init = root.child("initial").child(p).child(t).provider();
                byte[] initial = new byte[n];
                for (int i = 0; i < n; i++) {
                    initial[i] = init.nextDouble() < initialActivity ? (byte) 1 : (byte) 0;
                }
                BalancedColumn column = new BalancedColumn(net, graph, xp, initial,
                        root.child("updates").child(p).child(t).provider());
                column.advanceTo(transientTime);
                column.startAveraging(transientTime);
                column.advanceTo(transientTime + duration);
                rates[p][t] = column.averages(transientTime + duration);
            }
        }
        return new Responses(net.nE(), rates);
    }
}
