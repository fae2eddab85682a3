package org.chaoslab.sim.rate;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.model.Noise;
import org.chaoslab.random.StreamSeeds;

/**
 * The annealed noise of a run, applied as an additive kick after each deterministic step. Unit i of
 * replica m draws its normals from stream {@code seed/noise/m/i} ({@link #stream}), in a fixed serial
 * order, so results do not depend on the thread count and a unit's noise does not depend on N.
 *
 * <p>White noise ⟨ξξ⟩ = σ²δ(t−s) (Kloeden &amp; Platen, Numerical Solution of SDEs, §10.2, Euler–Maruyama):
 * Euler and RK4 add σ√δ·z (for additive noise the deterministic part is any consistent scheme);
 * exponential Euler adds the exact leak-filtered increment σ√((1 − e^{−2δ})/2)·z.
 * OU noise τ_n η′ = −η + σξ: the exact update η ← aη + √(σ²/(2τ_n)(1 − a²))·z, a = e^{−δ/τ_n}
 * (Gillespie, Phys. Rev. E 54:2084 (1996), eq. 1.8), η held constant over the step and entering x as
 * a constant input (δ·η for Euler/RK4, (1 − e^{−δ})·η for exponential Euler); η starts stationary.
 * One instance per run; no allocation per step. Public for the Lyapunov analyzer
 * ({@code org.chaoslab.sim.lyapunov}), which drives a trajectory and its nearby replica with the same
 * increments ({@link #forTrajectory}).
 */
public final class NoiseSource {

    /** Child name under {@link StreamSeeds#NOISE} of the quenched (frozen) inputs, one child per unit. */
    static final String QUENCHED = "quenched";

    private final ZigguratSampler.NormalizedGaussian[] z;
    private final double whiteScale;
    private final double ouKeep;
    private final double ouScale;
    private final double ouGain;
    private final double[] eta;   // OU state (null for white noise)

    private NoiseSource(ZigguratSampler.NormalizedGaussian[] z, double whiteScale, double ouKeep, double ouScale,
                        double ouGain, double[] eta) {
        this.z = z;
        this.whiteScale = whiteScale;
        this.ouKeep = ouKeep;
        this.ouScale = ouScale;
        this.ouGain = ouGain;
        this.eta = eta;
    }

    /** The stream of unit i in replica m: {@code seed/noise/m/i}. */
    static StreamSeeds stream(long seed, int replica, int unit) {
        return StreamSeeds.of(seed).child(StreamSeeds.NOISE).child(replica).child(unit);
    }

    /** The stream of the quenched input of unit i in a trial: {@code seed/noise/quenched/trial/i}. */
    static StreamSeeds quenchedStream(long seed, long trial, int unit) {
        return StreamSeeds.of(seed).child(StreamSeeds.NOISE).child(QUENCHED).child(trial).child(unit);
    }

    /** The quenched (frozen) input σ·ξ of unit i in a trial, ξ ~ N(0, 1) from {@link #quenchedStream}; 0 without drawing for σ = 0. */
    static double quenchedInput(double sigma, long seed, long trial, int unit) {
        return sigma == 0.0 ? 0.0 : sigma * quenchedStream(seed, trial, unit).gaussian().sample();
    }

    /** The noise source of a run, or null when the noise is not annealed (none or quenched). */
    static NoiseSource of(Noise noise, int n, int m, RateSimulation settings) {
        return create(noise, n, replicaStreams(m), settings.seed(), settings.dt(), settings.integrator());
    }

    /**
     * The noise source of a batch whose column c draws from replica {@code streams[c]}'s streams
     * ({@code seed/noise/streams[c]/i}), each column with generators of its own: the columns of a gain sweep all take
     * replica 0's streams (each follows the noise of the unbatched run at its gain), M replicas take 0 … M − 1.
     *
     * @return null when the noise is not annealed (none or quenched) or σ = 0
     */
    static NoiseSource of(Noise noise, int n, int[] streams, RateSimulation settings) {
        return create(noise, n, streams, settings.seed(), settings.dt(), settings.integrator());
    }

    /** 0, 1, …, m − 1: replica r takes its own streams. */
    static int[] replicaStreams(int m) {
        int[] streams = new int[m];
        for (int r = 0; r < m; r++) {
            streams[r] = r;
        }
        return streams;
    }

    private static NoiseSource create(Noise noise, int n, int[] streams, long seed, double dt, IntegratorKind integrator) {
        if (!noise.annealed() || noise.sigma() == 0.0) {
            return null;
        }
        int m = streams.length;
        var z = new ZigguratSampler.NormalizedGaussian[n * m];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                z[c * n + i] = stream(seed, streams[c], i).gaussian();
            }
        }
        boolean exp = integrator == IntegratorKind.EXPONENTIAL_EULER;
        if (noise instanceof Noise.White w) {
            double scale = exp ? w.sigma() * Math.sqrt(-0.5 * Math.expm1(-2.0 * dt)) : w.sigma() * Math.sqrt(dt);
            return new NoiseSource(z, scale, 0.0, 0.0, 0.0, null);
        }
        Noise.OrnsteinUhlenbeck ou = (Noise.OrnsteinUhlenbeck) noise;
        double a = Math.exp(-dt / ou.tau());
        double sd = Math.sqrt(ou.variance());
        double[] eta = new double[n * m];
        for (int k = 0; k < eta.length; k++) {
            eta[k] = sd * z[k].sample();   // stationary start
        }
        double gain = exp ? -Math.expm1(-dt) : dt;
        return new NoiseSource(z, 0.0, a, sd * Math.sqrt(-Math.expm1(-2.0 * dt / ou.tau())), gain, eta);
    }

    /**
     * The noise of one trajectory of N units: streams {@code seed/noise/0/i}, i.e. exactly the noise of
     * replica 0 of a {@link RateSimulator} run with the same seed, step and integrator.
     *
     * @return null when the noise is not annealed (none or quenched) or σ = 0
     */
    public static NoiseSource forTrajectory(Noise noise, int n, long seed, double dt, IntegratorKind integrator) {
        return create(noise, n, replicaStreams(1), seed, dt, integrator);
    }

    /** Adds this step's noise to x (replica-major) in place. */
    public void kick(double[] x) {
        kick(x, x.length);
    }

    /** Adds this step's noise to the first {@code length} elements of x (the columns still advancing). */
    void kick(double[] x, int length) {
        if (eta == null) {
            for (int k = 0; k < length; k++) {
                x[k] += whiteScale * z[k].sample();
            }
        } else {
            for (int k = 0; k < length; k++) {
                x[k] += ouGain * eta[k];
                eta[k] = ouKeep * eta[k] + ouScale * z[k].sample();
            }
        }
    }

    /**
     * Drops the elements [from, from + count) of the first {@code used}: the generators and OU states after them move
     * down by {@code count}, so that each column keeps its own streams (a batch's stopped column leaves the batch).
     */
    void remove(int from, int count, int used) {
        System.arraycopy(z, from + count, z, from, used - from - count);
        if (eta != null) {
            System.arraycopy(eta, from + count, eta, from, used - from - count);
        }
    }
}
