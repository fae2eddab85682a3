package org.chaoslab.sim.lyapunov;

import org.chaoslab.model.Precision;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.rate.IntegratorKind;

/**
 * How to measure the Lyapunov spectrum of a rate network.
 *
 * <p>Phases: the state alone is integrated for {@code warmup.state()} (its transient); then k random
 * orthonormal tangent vectors (stream {@code seed/ons}) and a replica at distance d0 (direction from
 * stream {@code seed/replica}) are added and run for {@code warmup.ons()} with re-orthonormalization
 * but without accumulation (so they align with the Oseledets directions, Engelken, Wolf &amp; Abbott,
 * arXiv:2006.02427); then exponents are accumulated for {@code duration}. The initial state comes from
 * stream {@code seed/initial/0} with standard deviation {@code initialStd} (as in the simulator); the
 * couplings come from the realization's own seed.
 *
 * @param dt                time step δ &gt; 0 (for {@link IntegratorKind#EULER} also the map's step)
 * @param integrator        the scheme; tangent vectors follow its exact step Jacobian
 * @param k                 number of exponents, 1 ≤ k ≤ N (checked against N when run)
 * @param tOns              time between re-orthonormalizations, ≥ dt (rounded to a whole number of steps)
 * @param warmup            transient of the state, then warm-up of the orthonormal system
 * @param duration          accumulation time, ≥ 2 t_ONS (rounded to whole ONS intervals)
 * @param seed              master seed of the initial condition, the orthonormal system and the replica
 * @param threads           threads (results do not depend on it)
 * @param batches           number of batches for the confidence intervals (batch means, Student t), ≥ 2
 *                          (fewer when there are fewer ONS intervals)
 * @param tRenorm           time between renormalizations of the replica, ≥ dt
 * @param replicaSeparation d0/√N, the replica's distance per √N (&gt; 0; default 1e-8)
 * @param initialStd        x_i(0) ~ N(0, initialStd²), ≥ 0
 * @param tangentPrecision  arithmetic of the tangent vectors' coupling product J·(φ′∘Q):
 *                          {@link Precision#FLOAT64} (default) or {@link Precision#FLOAT32} (mixed
 *                          precision: float32 operands and sgemm, about twice the speed; the state,
 *                          the element-wise updates and the QR stay float64; exponents change by
 *                          ~1e-5, far below their statistical error — see docs/benchmarks.md)
 */
public record LyapunovSettings(double dt, IntegratorKind integrator, int k, double tOns, Warmup warmup, double duration,
                               long seed, int threads, int batches, double tRenorm, double replicaSeparation,
                               double initialStd, Precision tangentPrecision) {

    /** Default number of batches for the confidence intervals. */
    public static final int DEFAULT_BATCHES = 20;
    /** Default replica separation d0/√N. */
    public static final double DEFAULT_REPLICA_SEPARATION = 1e-8;

    /**
     * Warm-up times.
     *
     * @param state transient of the state alone (no tangent vectors), ≥ 0
     * @param ons   warm-up of the orthonormal system and the replica, without accumulation, ≥ 0
     */
    public record Warmup(double state, double ons) {
        public Warmup {
            Validate.finiteAtLeast("warmup (state transient)", state, 0.0);
            Validate.finiteAtLeast("warmup (orthonormal system)", ons, 0.0);
        }
    }

    public LyapunovSettings {
        Validate.positive("dt", dt);
        if (integrator == null) {
            throw new IllegalArgumentException("integrator must be one of euler, exp-euler, rk4 (got none)");
        }
        Validate.atLeast("k (number of exponents)", k, 1);
        Validate.positive("t-ons (re-orthonormalization interval)", tOns);
        if (tOns < dt * (1 - 1e-9)) {
            throw new IllegalArgumentException("t-ons must be >= dt (got t-ons=" + tOns + ", dt=" + dt + ")");
        }
        if (warmup == null) {
            throw new IllegalArgumentException("warmup must be given");
        }
        Validate.positive("t (accumulation time)", duration);
        Validate.atLeast("threads", threads, 1);
        Validate.atLeast("batches", batches, 2);
        Validate.positive("t-renorm (replica renormalization interval)", tRenorm);
        if (tRenorm < dt * (1 - 1e-9)) {
            throw new IllegalArgumentException("t-renorm must be >= dt (got t-renorm=" + tRenorm + ", dt=" + dt + ")");
        }
        Validate.positive("replica separation", replicaSeparation);
        Validate.finiteAtLeast("initial-std", initialStd, 0.0);
        if (tangentPrecision == null) {
            throw new IllegalArgumentException("tangent-precision must be float64 or float32 (got none)");
        }
        long ons = onsSteps(tOns, dt);
        long windows = Math.round(duration / (ons * dt));
        if (windows < 2) {
            throw new IllegalArgumentException("t (accumulation time) must span at least 2 re-orthonormalization intervals (got t="
                    + duration + ", t-ons=" + ons * dt + ")");
        }
        if ((warmup.state() + warmup.ons()) / dt + windows * ons > 1e12) {
            throw new IllegalArgumentException("t/dt is too large (more than 1e12 steps)");
        }
    }

    /** Float64 tangent products. */
    public LyapunovSettings(double dt, IntegratorKind integrator, int k, double tOns, Warmup warmup, double duration,
                            long seed, int threads, int batches, double tRenorm, double replicaSeparation,
                            double initialStd) {
        this(dt, integrator, k, tOns, warmup, duration, seed, threads, batches, tRenorm, replicaSeparation, initialStd,
                Precision.FLOAT64);
    }

    /** The brief form: 20 batches, replica renormalized every t_ONS at d0 = 1e-8·√N, unit initial spread. */
    public LyapunovSettings(double dt, IntegratorKind integrator, int k, double tOns, Warmup warmup, double duration,
                            long seed, int threads) {
        this(dt, integrator, k, tOns, warmup, duration, seed, threads, DEFAULT_BATCHES, tOns, DEFAULT_REPLICA_SEPARATION, 1.0);
    }

    /** RK4 at dt, t_ONS = 1, transient 100 and warm-up 100 time units, all cores. */
    public static LyapunovSettings of(double dt, int k, double duration, long seed) {
        return new LyapunovSettings(dt, IntegratorKind.RK4, k, Math.max(1.0, dt), new Warmup(100, 100), duration, seed,
                Runtime.getRuntime().availableProcessors());
    }

    public LyapunovSettings withIntegrator(IntegratorKind kind) {
        return new LyapunovSettings(dt, kind, k, tOns, warmup, duration, seed, threads, batches, tRenorm, replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withThreads(int t) {
        return new LyapunovSettings(dt, integrator, k, tOns, warmup, duration, seed, t, batches, tRenorm, replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withWarmup(double state, double ons) {
        return new LyapunovSettings(dt, integrator, k, tOns, new Warmup(state, ons), duration, seed, threads, batches, tRenorm,
                replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withOns(double t) {
        return new LyapunovSettings(dt, integrator, k, t, warmup, duration, seed, threads, batches, tRenorm, replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withK(int kk) {
        return new LyapunovSettings(dt, integrator, kk, tOns, warmup, duration, seed, threads, batches, tRenorm, replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withDuration(double t) {
        return new LyapunovSettings(dt, integrator, k, tOns, warmup, t, seed, threads, batches, tRenorm, replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withSeed(long s) {
        return new LyapunovSettings(dt, integrator, k, tOns, warmup, duration, s, threads, batches, tRenorm, replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withBatches(int b) {
        return new LyapunovSettings(dt, integrator, k, tOns, warmup, duration, seed, threads, b, tRenorm, replicaSeparation, initialStd, tangentPrecision);
    }

    public LyapunovSettings withReplica(double renormInterval, double separationPerSqrtN) {
        return new LyapunovSettings(dt, integrator, k, tOns, warmup, duration, seed, threads, batches, renormInterval,
                separationPerSqrtN, initialStd, tangentPrecision);
    }

    public LyapunovSettings withInitialStd(double std) {
        return new LyapunovSettings(dt, integrator, k, tOns, warmup, duration, seed, threads, batches, tRenorm, replicaSeparation, std, tangentPrecision);
    }

    public LyapunovSettings withTangentPrecision(Precision p) {
        return new LyapunovSettings(dt, integrator, k, tOns, warmup, duration, seed, threads, batches, tRenorm, replicaSeparation,
                initialStd, p);
    }

    /** Steps between re-orthonormalizations (t_ONS/dt rounded, ≥ 1). */
    public long onsSteps() {
        return onsSteps(tOns, dt);
    }

    /** The interval actually used: {@link #onsSteps()}·dt. */
    public double onsInterval() {
        return onsSteps() * dt;
    }

    /** Steps between replica renormalizations (≥ 1). */
    public long renormSteps() {
        return Math.max(1, Math.round(tRenorm / dt));
    }

    /** Steps of the state transient. */
    public long transientSteps() {
        return Math.round(warmup.state() / dt);
    }

    /** ONS intervals of the warm-up (warm-up time rounded to whole intervals). */
    public long warmupWindows() {
        return Math.round(warmup.ons() / onsInterval());
    }

    /** ONS intervals accumulated (≥ 2). */
    public long windows() {
        return Math.round(duration / onsInterval());
    }

    /** The accumulation time actually used: {@link #windows()}·{@link #onsInterval()}. */
    public double accumulationTime() {
        return windows() * onsInterval();
    }

    private static long onsSteps(double tOns, double dt) {
        return Math.max(1, Math.round(tOns / dt));
    }
}
