package org.chaoslab.theory.kernel;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.Validate;

/**
 * Two-replica mean-field theory of the stimulus-response kernel of the synchronous rate map
 * x(t+1) = J φ(x(t)) + x(θ) + I, J_ij ~ N(J0/N, g²/N) shared by the trials, response r = φ(x) (Bauer, Keup,
 * Kadmon &amp; Helias 2026, science notes §5; the same structure as the deep-network c-map of Poole et al. 2016 with
 * the stimulus in place of the bias, cf. {@code theory.deep.CorrelationMap}).
 *
 * <h2>Equations</h2>
 * With J = J0/N + δJ, the field of trial a is x^a = μ + Σ_j δJ_ij φ_j^a + x_i(θ_a), μ = J0⟨φ⟩ + I; over the
 * couplings the fluctuating part is Gaussian with variance g²⟨φ²⟩ and cross-trial covariance g²K,
 * K = (1/N)Σ φ^a φ^b (uncentred, the δJ having zero mean), and the stimulus adds s² and s²o:
 * <pre>
 *   Q = g²⟨φ²⟩ + s²,  μ = J0⟨φ⟩ + I   (averages over N(μ, Q); solved by iterating the map from x₀ ~ N(I, 1)),
 *   C = g² K + s² o,   K ↦ E[φ(u_a)φ(u_b)],  (u_a, u_b) ~ N(μ, [[Q, C], [C, Q]])     (science notes §5)
 * </pre>
 * The stationary kernel K(o) is the stable fixed point reached from independent trials, K₀ = ⟨φ⟩². At o = 1 the
 * same-trial value K = ⟨φ²⟩ (C = Q) is a fixed point whose slope is g²⟨φ′²⟩ (Price's theorem): it attracts iff
 * g²⟨φ′²⟩ &lt; 1, and then K(0⁺) = K(0), ν = 0; otherwise (chaos) the trials settle below it and ν &gt; 0. Unlike the
 * binary map the slope is finite, so the nugget switches on at the transition. As for binary units, the fixed
 * point is also the quenched (static) self-consistency, so the same K describes fixed points below the transition
 * and the static part of chaotic activity above it.
 *
 * <h2>Transients</h2>
 * From one shared state x₀ ~ N(μ₀, v₀): P_t = ⟨φ²⟩_t, M_t = ⟨φ⟩_t, μ_{t+1} = J0 M_t + I, Q_{t+1} = g²P_t + s²,
 * C_{t+1} = g²K_t + s²o, K_0 = P_0. For smooth φ, Q − C = O(Δ²) gives 1 − K_t/P_t ∝ Δ² (γ = 2) at every t.
 *
 * <p>Immutable; the Gaussian averages use {@link GaussianExpectation}.
 */
public final class RateMapKernelTheory implements StimulusKernel {

    private static final int MAX_ITERATIONS = 20_000;
    private static final double DIVERGED = 1e12;

    private final double g;
    private final double s;
    private final double input;
    private final double meanCoupling;
    private final TransferFunction transfer;
    private final GaussianExpectation engine;
    private final PiecewiseSmooth phi;
    private final RateKernelMap map;
    private final RateKernelSolution solution;

    /**
     * @param g            coupling gain ≥ 0
     * @param s            stimulus amplitude ≥ 0
     * @param input        constant input I (finite)
     * @param meanCoupling J0 (finite)
     * @param transfer     φ
     * @param engine       the Gaussian-expectation engine
     * @throws IllegalArgumentException for bad parameters or when the map has no bounded stationary state
     * @throws IllegalStateException    when the field statistics do not converge (e.g. a period-2 mean for J0 ≪ 0)
     */
    public RateMapKernelTheory(double g, double s, double input, double meanCoupling, TransferFunction transfer,
                               GaussianExpectation engine) {
        this.g = Validate.finiteAtLeast("g", g, 0.0);
        this.s = Validate.finiteAtLeast("s (stimulus amplitude)", s, 0.0);
        this.input = Validate.finite("input", input);
        this.meanCoupling = Validate.finite("j0 (mean coupling)", meanCoupling);
        if (transfer == null || engine == null) {
            throw new IllegalArgumentException("phi and the Gaussian engine must be given");
        }
        this.transfer = transfer;
        this.engine = engine;
        this.phi = TransferIntegrands.phi(transfer);
        double[] field = fieldStatistics();
        double q = field[1];
        this.map = new RateKernelMap(engine, phi, g, s, field[0], q, q);
        double chi = g * g * engine.expectation(TransferIntegrands.derivativeSquared(transfer), field[0], q);
        boolean chaotic = chi > 1.0;
        double k0 = map.meanSquare();
        double kPlus = map.stationary(1.0, !chaotic, "rate-map cross-trial kernel K(0+)");
        this.solution = new RateKernelSolution("synchronous-map", g, s, input, meanCoupling, transfer.name(),
                new FieldStatistics(field[0], q, g * g * kPlus + s * s),
                new KernelStatistics(map.meanRate(), k0, kPlus, Math.max(0.0, k0 - kPlus)),
                new ChaosCriterion("g^2<phi'^2>", chi, chaotic));
    }

    /** J0 = 0, I = 0, the standard engine. */
    public static RateMapKernelTheory of(double g, double s, TransferFunction transfer) {
        return new RateMapKernelTheory(g, s, 0.0, 0.0, transfer, GaussianExpectation.standard());
    }

    /** The stationary solution. */
    public RateKernelSolution solution() {
        return solution;
    }

    @Override
    public KernelStatistics statistics() {
        return solution.kernel();
    }

    @Override
    public double kernel(double overlap) {
        Checks.overlap(overlap);
        return map.stationary(overlap, !solution.chaos().chaotic(), "rate-map cross-trial kernel K(o = " + overlap + ")");
    }

    /** {μ, Q}: the fixed point of (μ, Q) ↦ (J0⟨φ⟩ + I, g²⟨φ²⟩ + s²) iterated from (I, 1). */
    private double[] fieldStatistics() {
        double mu = input;
        double q = 1.0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = step(mu, q);
            if (!(next[1] < DIVERGED)) {
                throw new IllegalArgumentException("the rate map has no bounded stationary state (field variance "
                        + next[1] + " after " + it + " steps at g = " + g + ", phi = " + transfer.name() + ")");
            }
            double change = Math.abs(next[0] - mu) + Math.abs(next[1] - q);
            mu = next[0];
            q = next[1];
            if (change <= 1e-15 * (1.0 + Math.abs(mu) + q)) {
                return new double[] {mu, q};
            }
        }
        throw new IllegalStateException("the field statistics (mu, Q) of the rate map did not converge within "
                + MAX_ITERATIONS + " steps (g = " + g + ", j0 = " + meanCoupling + ", phi = " + transfer.name() + ")");
    }

    private double[] step(double mu, double q) {
        double m = engine.expectation(phi, mu, q);
        double p = engine.expectation(x -> {
            double v = phi.applyAsDouble(x);
            return v * v;
        }, mu, q);
        return new double[] {meanCoupling * m + input, g * g * p + s * s};
    }

    /**
     * The transient from one shared state x₀ ~ N(mean0, variance0) (per unit, the same in both trials), stimuli at
     * distance Δ from t = 0; t = 0 … steps.
     */
    public Transient sharedStateTransient(double delta, double mean0, double variance0, int steps) {
        Checks.delta("delta", delta);
        Validate.finite("mean0", mean0);
        Validate.finiteAtLeast("variance0", variance0, 0.0);
        Validate.atLeast("steps", steps, 1);
        double o = Math.cos(delta);
        double[] t = new double[steps + 1];
        double[] mean = new double[steps + 1];
        double[] same = new double[steps + 1];
        double[] cross = new double[steps + 1];
        double[] deficit = new double[steps + 1];
        double mu = mean0;
        double q = variance0;
        RateKernelMap current = new RateKernelMap(engine, phi, g, s, mu, q, q);
        mean[0] = current.meanRate();
        same[0] = current.meanSquare();
        cross[0] = same[0];
        for (int i = 0; i < steps; i++) {
            mu = meanCoupling * mean[i] + input;
            q = g * g * same[i] + s * s;
            double c = g * g * cross[i] + s * s * o;
            current = new RateKernelMap(engine, phi, g, s, mu, q, q);
            t[i + 1] = i + 1;
            mean[i + 1] = current.meanRate();
            same[i + 1] = current.meanSquare();
            cross[i + 1] = current.atCovariance(c);
            deficit[i + 1] = same[i + 1] - cross[i + 1];
        }
        return new Transient(delta, t, mean, same, cross, deficit);
    }

    /** γ_t (t = 1 … steps) of {@link #sharedStateTransient} by a log-log fit over Δ ∈ [deltaLo, deltaHi]; closed form 2. */
    public RoughnessExponents roughness(double mean0, double variance0, int steps, double deltaLo, double deltaHi,
                                        int points) {
        double[] grid = RoughnessExponents.grid(deltaLo, deltaHi, points);
        Transient[] runs = new Transient[points];
        for (int j = 0; j < points; j++) {
            runs[j] = sharedStateTransient(grid[j], mean0, variance0, steps);
        }
        double[] time = new double[steps];
        double[] measured = new double[steps];
        double[] closed = new double[steps];
        for (int t = 1; t <= steps; t++) {
            double[] y = new double[points];
            for (int j = 0; j < points; j++) {
                y[j] = runs[j].relativeDeficit(t);
            }
            time[t - 1] = t;
            measured[t - 1] = RoughnessExponents.logSlope(grid, y);
            closed[t - 1] = 2.0;
        }
        return new RoughnessExponents(deltaLo, deltaHi, points, time, measured, closed);
    }
}
