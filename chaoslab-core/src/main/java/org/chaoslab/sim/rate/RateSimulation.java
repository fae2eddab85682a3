package org.chaoslab.sim.rate;

import org.chaoslab.model.Validate;

/**
 * How to run a rate network (the network itself is a {@link org.chaoslab.model.RateNetwork}).
 *
 * @param dt          time step δ &gt; 0 (τ = 1)
 * @param duration    recorded time after the transient, &gt; 0
 * @param transient_  time simulated and discarded before recording, ≥ 0
 * @param integrator  the scheme
 * @param replicas    M ≥ 1 trajectories of the same network from independent initial conditions
 * @param seed        master seed: couplings, initial conditions and noise are derived streams
 * @param initialStd  x_i(0) ~ N(0, initialStd²)
 * @param threads     threads for the matrix products (results do not depend on it)
 */
public record RateSimulation(double dt, double duration, double transient_, IntegratorKind integrator,
                             int replicas, long seed, double initialStd, int threads) {

    public RateSimulation {
        Validate.positive("dt", dt);
        Validate.positive("t (duration)", duration);
        Validate.finiteAtLeast("transient", transient_, 0.0);
        if (integrator == null) {
            throw new IllegalArgumentException("integrator must be given");
        }
        Validate.atLeast("replicas", replicas, 1);
        Validate.finiteAtLeast("initial-std", initialStd, 0.0);
        Validate.atLeast("threads", threads, 1);
        if (dt > duration) {
            throw new IllegalArgumentException("dt must be <= t (got dt=" + dt + ", t=" + duration + ")");
        }
        if (Math.round(duration / dt) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("t/dt must be < 2^31 steps (got " + Math.round(duration / dt) + ")");
        }
    }

    /** Defaults: exponential Euler is not the default; Euler at dt as given, one replica, unit initial spread, all cores. */
    public static RateSimulation of(double dt, double duration, double transient_, long seed) {
        return new RateSimulation(dt, duration, transient_, IntegratorKind.EULER, 1, seed, 1.0,
                Runtime.getRuntime().availableProcessors());
    }

    public RateSimulation withIntegrator(IntegratorKind kind) {
        return new RateSimulation(dt, duration, transient_, kind, replicas, seed, initialStd, threads);
    }

    public RateSimulation withReplicas(int m) {
        return new RateSimulation(dt, duration, transient_, integrator, m, seed, initialStd, threads);
    }

    public RateSimulation withThreads(int t) {
        return new RateSimulation(dt, duration, transient_, integrator, replicas, seed, initialStd, t);
    }

    /** The same settings with another time step. */
    public RateSimulation withDt(double step) {
        return new RateSimulation(step, duration, transient_, integrator, replicas, seed, initialStd, threads);
    }

    /** The same settings with another master seed. */
    public RateSimulation withSeed(long s) {
        return new RateSimulation(dt, duration, transient_, integrator, replicas, s, initialStd, threads);
    }

    public RateSimulation withInitialStd(double s) {
        return new RateSimulation(dt, duration, transient_, integrator, replicas, seed, s, threads);
    }

    /** Steps discarded before recording. */
    public long transientSteps() {
        return Math.round(transient_ / dt);
    }

    /** Steps recorded. */
    public long recordedSteps() {
        return Math.round(duration / dt);
    }
}
