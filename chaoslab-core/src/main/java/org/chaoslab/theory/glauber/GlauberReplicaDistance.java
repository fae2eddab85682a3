package org.chaoslab.theory.glauber;

import org.chaoslab.gauss.GaussianExpectation;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Mean-field dynamics of the distance d = (1/N) Σ_i (n_i^a − n_i^b)² between two replicas of a Glauber network
 * with the same couplings and update times (science notes §3, reconstruction; derivation): an update of unit i
 * sets (n^a, n^b) = (Θ(u^a), Θ(u^b)), u = h + ξ, so E(n^a − n^b)² = 2[m − P(u^a &gt; 0, u^b &gt; 0)] and
 * <pre>  τ ḋ = −d + 2[m − P(u^a &gt; 0, u^b &gt; 0)].</pre>
 * The fields differ by Σ_j J_ij (n_j^a − n_j^b), of variance g² d, so u^a, u^b are jointly Gaussian with mean
 * μ, variance α + σ² and covariance α − g²d/2 + σ² when both replicas use the same threshold-noise draws
 * ({@code sharedNoise}), α − g²d/2 when they draw independently. (The notes' "Cov = Q − g²d/2 plus the shared
 * quenched part" counts the quenched part twice: α = g² m already contains it, since the field covariance is
 * g² E[n^a n^b] = g²(m − d/2); and it omits σ² for shared noise.)
 * <p>Fixed point: with independent noise (or σ = 0) d* = 2(m − q), the temporal parts then being uncorrelated;
 * shared noise keeps them correlated and d* &lt; 2(m − q). Near d = 0 (shared noise or σ = 0) the right side is
 * 2 p(0) E[(Δu)₊] = c √d with c = 2 g p(0)/√(2π), p the density of u at the threshold: no exponential regime.
 */
public final class GlauberReplicaDistance {

    private final GlauberStationaryState state;
    private final boolean sharedNoise;
    private final GaussianExpectation engine;

    /**
     * @param state       the stationary state
     * @param sharedNoise whether the replicas use the same threshold-noise draws (irrelevant for σ = 0)
     * @param engine      the Gaussian-integral engine
     */
    public GlauberReplicaDistance(GlauberStationaryState state, boolean sharedNoise, GaussianExpectation engine) {
        this.state = state;
        this.sharedNoise = sharedNoise;
        this.engine = engine;
    }

    private double variance() {
        return state.alpha() + state.network().noise() * state.network().noise();
    }

    private double sharedVariance() {
        double s2 = state.network().noise() * state.network().noise();
        return state.alpha() + (sharedNoise ? s2 : 0.0);
    }

    /** τ ḋ (the right side, divided by τ: dd/dt) at distance d ∈ [0, 2]. */
    public double derivative(double d) {
        double v = variance();
        double cov = Math.max(-v, Math.min(v, sharedVariance() - 0.5 * state.network().gain() * state.network().gain() * d));
        double both = cov >= 0 ? GlauberStationaryState.bothAbove(engine, state.mean(), v, cov)
                : engine.crossCorrelation(GlauberStationaryState.STEP, GlauberStationaryState.STEP, state.mean(), v, state.mean(), v, cov);
        return (-d + 2.0 * (state.m() - both)) / state.network().tau();
    }

    /** The stable fixed point d* &gt; 0. */
    public double fixedPoint() {
        double decorrelated = state.decorrelatedDistance();
        if (!sharedNoise || state.network().noise() == 0 || decorrelated <= 0) {
            return decorrelated;
        }
        double c = growthCoefficient();
        if (c == 0) {
            return 0.0;
        }
        // bracket from inside the √d regime: τ ḋ ≈ c√d − d > 0 for d &lt; c², so d = 10⁻⁴ c² is safely below the root
        // and still resolved by the orthant integral (a fixed tiny d would be lost to rounding at weak coupling)
        double lo = Math.min(1e-4 * c * c, 1e-3 * decorrelated);
        if (derivative(lo) <= 0) {
            return 0.0;
        }
        return new BrentSolver(1e-14, 1e-15).solve(500, this::derivative, lo, decorrelated);
    }

    /** c in τ ḋ ≈ c √d at small d: c = 2 g p(0)/√(2π), p(0) = φ(μ/√V)/√V, V = α + σ². */
    public double growthCoefficient() {
        double v = variance();
        double p0 = Math.exp(-0.5 * state.mean() * state.mean() / v) / Math.sqrt(2 * Math.PI * v);
        return 2 * state.network().gain() * p0 / Math.sqrt(2 * Math.PI);
    }

    /**
     * The local exponent d log(τḋ + d)/d log d between d and 2d: 1/2 for the √d law, 1 for exponential growth.
     */
    public double growthExponent(double d) {
        double tau = state.network().tau();
        double a = derivative(d) * tau + d;
        double b = derivative(2 * d) * tau + 2 * d;
        return Math.log(b / a) / Math.log(2.0);
    }

    /**
     * d(t) from d(0) = d0 by classical Runge–Kutta with step dt.
     *
     * @return {@code {t, d}}
     */
    public double[][] trajectory(double d0, double duration, double dt) {
        int steps = (int) Math.ceil(duration / dt - 1e-9);
        double[] t = new double[steps + 1];
        double[] d = new double[steps + 1];
        d[0] = d0;
        for (int s = 0; s < steps; s++) {
            double k1 = derivative(d[s]);
            double k2 = derivative(clamp(d[s] + 0.5 * dt * k1));
            double k3 = derivative(clamp(d[s] + 0.5 * dt * k2));
            double k4 = derivative(clamp(d[s] + dt * k3));
            d[s + 1] = clamp(d[s] + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4));
            t[s + 1] = (s + 1) * dt;
        }
        return new double[][] {t, d};
    }

    private static double clamp(double d) {
        return Math.min(2.0, Math.max(0.0, d));
    }
}
