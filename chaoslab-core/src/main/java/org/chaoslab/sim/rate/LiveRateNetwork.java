package org.chaoslab.sim.rate;

import java.util.Arrays;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.Noise;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.CouplingSampler;

/**
 * A rate network advanced step by step whose description may change while it runs, for interactive use (the
 * explorer): a trajectory x and a nearby replica y of it, both driven by the same noise, for the largest Lyapunov
 * exponent by two trajectories (Benettin et al., Meccanica 15:9 (1980): the distance renormalized at fixed intervals,
 * λ_max the mean growth rate of its logarithm).
 *
 * <p>The couplings are drawn once, at unit gain, from the master seed: J1_ij = z_ij/√N from stream
 * {@code seed/couplings/i} (the same normals as {@link CouplingSampler} uses for any g, so J = J0/N + g·J1 is, up to
 * rounding, the matrix that {@link RateSimulator} draws with the same seed). {@link #retune} then changes g, J0, φ, the
 * constant input and the noise of the running state without a new draw; only N or the seed need a new network. The
 * initial state is x_i(0) ~ N(0, σ0²) from stream {@code seed/initial/0} (that of replica 0 of a {@link RateSimulator}
 * run); the replica starts at distance d0 along a direction from stream {@code seed/replica}; the noise comes from
 * streams {@code seed/noise/0/i}, restarted with each retune that changes it. A quenched noise is a frozen input per
 * unit (stream {@code seed/noise/quenched/0/i}). Coupling symmetry (η ≠ 0), a zero diagonal and float32 storage are not
 * supported: a description with them is refused.
 *
 * <p>Not thread-safe: one thread steps, retunes and reads it.
 */
public final class LiveRateNetwork implements AutoCloseable {

    /** Stream name (under the master seed) of the replica's initial direction. */
    public static final String REPLICA = "replica";

    private final int n;
    private final long seed;
    private final double dt;
    private final IntegratorKind integrator;
    private final CouplingMatrix unitCouplings;
    private final ParallelRows pool;
    /** x (replica 0) then y (replica 1), replica-major. */
    private final double[] state;
    /** The noise increment of a step, the same for both replicas. */
    private final double[] kick;
    /** The replica's distance after each renormalization. */
    private final double d0;
    private final Stepper stepper;
    private RateNetwork network;
    private RateDynamics dynamics;
    private NoiseSource noise;
    private long steps;

    private LiveRateNetwork(RateNetwork network, long seed, double dt, IntegratorKind integrator, int threads) {
        this.n = network.size();
        this.seed = seed;
        this.dt = dt;
        this.integrator = integrator;
        this.pool = new ParallelRows(threads);
        Couplings unit = new Couplings(1.0, 0.0, 0.0, false, Precision.FLOAT64);
        this.unitCouplings = CouplingSampler.sample(unit, n, StreamSeeds.of(seed), pool);
        this.state = new double[2 * n];
        this.kick = new double[n];
        this.d0 = 1e-6 * Math.sqrt(n);
        this.stepper = Stepper.of(integrator, dt, 2 * n);
        double[] x0 = RateLoop.initialState(n, new int[] {0}, RateSimulation.of(dt, dt, 0.0, seed));
        System.arraycopy(x0, 0, state, 0, n);
        ZigguratSampler.NormalizedGaussian z = StreamSeeds.of(seed).child(REPLICA).gaussian();
        double[] u = new double[n];
        double norm = 0.0;
        for (int i = 0; i < n; i++) {
            u[i] = z.sample();
            norm += u[i] * u[i];
        }
        double scale = d0 / Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            state[n + i] = state[i] + scale * u[i];
        }
        retune(network);
    }

    /**
     * Draws the unit-gain couplings of an N = {@code network.size()} network from {@code seed} and starts it.
     *
     * @param dt         the time step (τ = 1)
     * @param integrator the scheme
     * @param threads    threads of the products (the results do not depend on it)
     * @throws IllegalArgumentException for η ≠ 0, a zero diagonal or float32 storage
     */
    public static LiveRateNetwork start(RateNetwork network, long seed, double dt, IntegratorKind integrator, int threads) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0 (got " + dt + ")");
        }
        return new LiveRateNetwork(network, seed, dt, integrator, threads);
    }

    /**
     * Applies a new description to the running state: g, J0, φ, the constant input and the noise may differ from the
     * current ones; N must not (a new N is a new network: {@link #start}).
     *
     * @throws IllegalArgumentException for another N, η ≠ 0, a zero diagonal, float32 storage or a per-unit input
     */
    public void retune(RateNetwork next) {
        if (next.size() != n) {
            throw new IllegalArgumentException("n must stay " + n + " in a running network (got " + next.size() + "); start a new one");
        }
        Couplings c = next.couplings();
        if (c.symmetry() != 0.0 || c.zeroDiagonal() || c.precision() != Precision.FLOAT64) {
            throw new IllegalArgumentException("a live network has independent float64 couplings with a diagonal "
                    + "(eta = 0, no zero diagonal, no float32)");
        }
        Noise xi = next.input().noise();
        double[] input = new double[n];
        boolean any = false;
        double quenched = xi instanceof Noise.Quenched q ? q.sigma() : 0.0;
        for (int i = 0; i < n; i++) {
            input[i] = next.input().constantPart(i);
            if (quenched > 0.0) {
                input[i] += NoiseSource.quenchedInput(quenched, seed, 0, i);
            }
            any |= input[i] != 0.0;
        }
        if (network == null || !xi.equals(network.input().noise())) {
            noise = NoiseSource.forTrajectory(xi, n, seed, dt, integrator);
        }
        dynamics = new RateDynamics(unitCouplings, c.g(), c.meanCoupling(), next.transfer(), any ? input : null, 2, pool);
        network = next;
    }

    /**
     * Advances both trajectories by {@code count} steps.
     *
     * @return false when the state has become non-finite or unbounded (it diverged; the state is left as it is)
     */
    public boolean advance(int count) {
        for (int s = 0; s < count; s++) {
            stepper.step(dynamics, state, null);
            if (noise != null) {
                Arrays.fill(kick, 0.0);
                noise.kick(kick);
                for (int i = 0; i < n; i++) {
                    state[i] += kick[i];
                    state[n + i] += kick[i];
                }
            }
            steps++;
            if (!RateSimulator.allFinite(state)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The logarithmic growth ln(d/d0) of the replica's distance d = |y − x| since the last renormalization, after which
     * y is put back at distance d0 along the same direction. Summed over intervals and divided by the time they span
     * it estimates λ_max.
     */
    public double renormalize() {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double d = state[n + i] - state[i];
            sum += d * d;
        }
        double d = Math.sqrt(sum);
        if (!(d > 0) || !Double.isFinite(d)) {
            return Double.NaN;
        }
        double scale = d0 / d;
        for (int i = 0; i < n; i++) {
            state[n + i] = state[i] + scale * (state[n + i] - state[i]);
        }
        return Math.log(d / d0);
    }

    /** The trajectory's state x (a view: valid until the next step; do not modify). */
    public double[] state() {
        return state;
    }

    /** x_i of the trajectory. */
    public double unit(int i) {
        return state[i];
    }

    /** N. */
    public int size() {
        return n;
    }

    /** The master seed. */
    public long seed() {
        return seed;
    }

    /** The time step. */
    public double dt() {
        return dt;
    }

    /** The integration scheme. */
    public IntegratorKind integrator() {
        return integrator;
    }

    /** The current description. */
    public RateNetwork network() {
        return network;
    }

    /** Simulated time since the start, steps × dt. */
    public double time() {
        return steps * dt;
    }

    @Override
    public void close() {
        pool.close();
    }
}
