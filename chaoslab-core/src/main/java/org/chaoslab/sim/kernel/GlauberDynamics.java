package org.chaoslab.sim.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.random.StreamSeeds;

/**
 * The Glauber network driven by stimuli, every column event-driven on its own (as {@link
 * org.chaoslab.sim.binary.GlauberSimulator}): updates at Poisson times of total rate N/τ, a uniformly chosen unit
 * takes n_i ← Θ(h_i + x_i(θ) − b + σζ), and a flip adds ±J[:, i] to the column's recurrent fields h = J n
 * (O(N) per flip, in double). Column (p, t) draws its update times, units and threshold noise from stream
 * {@code updates/p/t} (TRANSIENT: {@code updates/shared/t}, the same sequence for every stimulus, see
 * {@link InitialStates}); each column owns its generator, so results are independent of the thread count.
 */
final class GlauberDynamics extends ColumnDynamics {

    static final String UPDATES = "updates";

    private final double[] jCol;       // column-major J, jCol[j·N + i] = J_ij
    private final double[] bias;       // P × N: x_i(p) − b
    private final byte[] state;        // N × C
    private final double[] field;      // N × C, J n
    private final UniformRandomProvider[] rng;
    private final ZigguratSampler.NormalizedGaussian[] noise;
    private final double[] next;       // next event time of each column (units of τ)
    private final long[] updates;
    private final long[] flips;
    private final double sigma;

    GlauberDynamics(CouplingMatrix couplings, StimulusNetwork net, double[] inputs, int stimuli, ResponseProtocol protocol,
                    StreamSeeds root, ParallelRows pool) {
        super(couplings.size(), stimuli, protocol.trials(), pool);
        this.jCol = new double[n * n];
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> {
            for (int j = from; j < to; j++) {
                for (int i = 0; i < n; i++) {
                    jCol[j * n + i] = couplings.get(i, j);
                }
            }
        });
        this.bias = new double[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            bias[k] = inputs[k] - net.threshold();
        }
        this.sigma = net.thresholdNoise();
        int len = columns * n;
        this.state = new byte[len];
        this.field = new double[len];
        this.rng = new UniformRandomProvider[columns];
        this.noise = new ZigguratSampler.NormalizedGaussian[columns];
        this.next = new double[columns];
        this.updates = new long[columns];
        this.flips = new long[columns];
        pool.run(columns, 1, (from, to) -> {
            float[] s0 = new float[n];
            for (int c = from; c < to; c++) {
                int p = c / trials;
                int t = c % trials;
                InitialStates.binary(InitialStates.initial(root, protocol, p, t), protocol.initialActivity(), n, s0, 0);
                int off = c * n;
                for (int j = 0; j < n; j++) {
                    if (s0[j] != 0f) {
                        state[off + j] = 1;
                        add(off, j, 1.0);
                    }
                }
                rng[c] = InitialStates.dynamics(root, protocol, UPDATES, p, t).provider();
                noise[c] = ZigguratSampler.NormalizedGaussian.of(rng[c]);
                next[c] = waiting(rng[c]);
            }
        });
    }

    /** Exponential waiting time to the next update of any unit: rate N per τ. */
    private double waiting(UniformRandomProvider u) {
        return -Math.log(1.0 - u.nextDouble()) / n;
    }

    @Override double tick() { return 1.0; }
    @Override boolean stepped() { return false; }
    @Override String kernelName() { return "incremental"; }

    @Override
    void advance(double until) {
        pool.run(columns, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                runColumn(c, until);
            }
        });
    }

    private void runColumn(int c, double until) {
        int off = c * n;
        int b = stimulusOf(c) * n;
        UniformRandomProvider u = rng[c];
        ZigguratSampler.NormalizedGaussian z = noise[c];
        double t = next[c];
        long up = 0;
        long fl = 0;
        while (t <= until) {
            int i = Math.min(n - 1, (int) (u.nextDouble() * n));
            // n_i ← Θ(J n + x(θ) − b + σζ) (Keup et al. 2021; Θ(0) = 0)
            double h = field[off + i] + bias[b + i] + (sigma > 0 ? sigma * z.sample() : 0.0);
            byte s = h > 0 ? (byte) 1 : (byte) 0;
            up++;
            if (s != state[off + i]) {
                state[off + i] = s;
                add(off, i, s == 1 ? 1.0 : -1.0);
                fl++;
            }
            t += waiting(u);
        }
        next[c] = t;
        updates[c] += up;
        flips[c] += fl;
    }

    /** field[off .. off+N) += sign · J[:, j]. */
    private void add(int off, int j, double sign) {
        int base = j * n;
        for (int i = 0; i < n; i++) {
            field[off + i] += sign * jCol[base + i];
        }
    }

    /** Total unit updates so far. */
    long updates() {
        long s = 0;
        for (long v : updates) {
            s += v;
        }
        return s;
    }

    /** Total state changes so far. */
    long flips() {
        long s = 0;
        for (long v : flips) {
            s += v;
        }
        return s;
    }

    @Override
    public void copyResponses(float[] out) {
        for (int k = 0; k < state.length; k++) {
            out[k] = state[k];
        }
    }
}
