package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;

/**
 * Dynamic mean-field theory (DMFT) of the autonomous random rate network
 * dx_i/dt = −x_i + Σ_j J_ij φ(x_j) + I_i, J_ij ~ N(J0/N, g²/N), in the limit N → ∞
 * (Sompolinsky, Crisanti &amp; Sommers, PRL 61:259 (1988), "SCS"), generalized to non-odd φ,
 * a mean coupling J0 and a constant input with population mean I and variance σ_I².
 *
 * <h2>Equations (derivation)</h2>
 * The local field Σ_j J_ij φ_j splits into J0⟨φ⟩, the same for every unit, and a Gaussian process
 * with covariance g²C(τ), C(τ) = N⁻¹ Σ_j φ_j(t)φ_j(t+τ). C is the <em>uncentred</em> correlation:
 * the random couplings have zero mean but the rates do not, so for non-odd φ the static part ⟨φ⟩²
 * feeds a quenched variance. Filtering by (1 + d/dt) gives x_i = μ + ξ_i(t), μ = I + J0⟨φ⟩, with
 * <pre>
 *   (1 − ∂τ²) Δ(τ) = g² C(τ) + σ_I²,   C(τ) = F_φ(Δ(τ); μ, Δ0) = ⟨φ(x)φ(y)⟩,
 * </pre>
 * x, y jointly Gaussian with mean μ, variance Δ0 = Δ(0) and covariance Δ(τ). By Price's theorem
 * (∂F_Φ/∂c = F_φ for Φ′ = φ) this is Newtonian motion Δ″ = −∂V/∂Δ in the potential
 * <pre>  V(Δ; Δ0) = −Δ²/2 + g² F_Φ(Δ; μ, Δ0) + σ_I² Δ.</pre>
 * A bounded even solution starts at rest, Δ(0) = Δ0, Δ′(0) = 0, and comes to rest at Δ∞:
 * Δ∞ = g² F_φ(Δ∞) + σ_I² (a stationary point of V), and energy conservation ½Δ′² + V = const gives
 * V(Δ0) = V(Δ∞). For odd φ without input μ = 0, Δ∞ = 0 and this is SCS's condition
 * Δ0²/2 = g² Var Φ(x), x ~ N(0, Δ0). For non-odd φ (ReLU, sigmoid) ⟨φ⟩ ≠ 0 makes Δ∞ &gt; 0: part of
 * the variance is frozen (quenched) and scatters between network realizations.
 *
 * <h2>Phases</h2>
 * The static solution Δ(τ) ≡ q (q = g²⟨φ²⟩ + σ_I²) is stable iff s = g²⟨φ′²⟩ &lt; 1
 * ({@link Phase#FIXED_POINT}); otherwise the chaotic solution is sought ({@link Phase#CHAOTIC}); if it
 * does not exist, e.g. for linear φ with g ≥ 1 or ReLU without input beyond g = √2, the activity
 * diverges ({@link Phase#UNSTABLE}, with the reason in {@link DmftSolution#note()}).
 * A chaotic solution may coexist with a stable fixed point (e.g. threshold-linear φ with a positive
 * threshold, whose silent state is always stable); this solver reports the fixed point then.
 * For J0 &gt; 0 the mean equation may have several roots (ferromagnetic bistability); one of them is
 * used.
 *
 * <p>The size N of the network is ignored. Stateless and thread-safe; see {@link StaticSolver},
 * {@link ChaoticSolver} and {@link CorrelationProfile} for the numerical methods.
 */
public final class DmftSolver {

    private final DmftOptions options;
    private final GaussianExpectation engine;

    /** A solver with {@link DmftOptions#defaults()}. */
    public DmftSolver() {
        this(DmftOptions.defaults());
    }

    public DmftSolver(DmftOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
        this.options = options;
        this.engine = new GaussianExpectation(options.quadrature());
    }

    public DmftOptions options() {
        return options;
    }

    /** The Gaussian-expectation engine this solver uses. */
    public GaussianExpectation engine() {
        return engine;
    }

    /**
     * Solves the DMFT of {@code network} (N → ∞; {@code network.size()} is ignored). Never throws for a
     * valid network: a diverging network is reported with phase {@link Phase#UNSTABLE}.
     */
    public DmftSolution solve(RateNetwork network) {
        if (network == null) {
            throw new IllegalArgumentException("network must be given");
        }
        MeanField mf = MeanField.of(network, engine);
        double gc = StaticSolver.criticalGain(mf);
        StaticSolver.Branch branch;
        try {
            branch = StaticSolver.solve(mf, true);
        } catch (NoSolutionException e) {
            return unstable(mf, Double.NaN, gc, e.getMessage());
        }
        double s = branch.stability();
        if (s < 1.0) {
            double q = branch.q();
            double mu = branch.mean();
            double c0 = mf.meanSquareRate(mu, q);
            CorrelationProfile.Result p = CorrelationProfile.constant(q, c0, options);
            return new DmftSolution(mf.g, name(mf), mf.j0, mf.inputMean, mf.inputVariance, Phase.FIXED_POINT,
                    q, q, mu, c0, c0, Double.NaN, Math.sqrt(1.0 - s), s, gc, p.tau(), p.delta(), p.rate(), "");
        }
        ChaoticSolver.State state;
        try {
            state = ChaoticSolver.solve(mf, branch.upperRoot());
        } catch (NoSolutionException e) {
            return unstable(mf, s, gc, "fixed point unstable (g^2<phi'^2> = " + s + "); " + e.getMessage());
        }
        double d0 = state.delta0();
        double dInf = state.deltaInf();
        double mu = state.mean();
        // κ² = 1 − g² F_{φ′}(Δ∞): linearization of Δ″ = Δ − g²F_φ(Δ) − σ² about Δ∞ (Price's theorem)
        double kappa = Math.sqrt(Math.max(0.0, 1.0 - mf.g2 * mf.slopeCorrelation(mu, d0, dInf)));
        CorrelationProfile.Result p = CorrelationProfile.chaotic(mf, d0, dInf, mu, kappa, options);
        double c0 = mf.meanSquareRate(mu, d0);
        double cInf = mf.rateCorrelation(mu, d0, dInf);
        return new DmftSolution(mf.g, name(mf), mf.j0, mf.inputMean, mf.inputVariance, Phase.CHAOTIC,
                d0, dInf, mu, c0, cInf, p.tauHalf(), kappa, s, gc, p.tau(), p.delta(), p.rate(), "");
    }

    /**
     * The coupling gain g_c at which the fixed point of {@code network} (with its own φ, J0 and
     * input; its g is only a starting guess) loses stability, g_c²⟨φ′²⟩ = 1 along the fixed-point
     * branch. For odd φ without input g_c = 1/φ′(0). NaN if the fixed point never loses stability.
     */
    public double criticalGain(RateNetwork network) {
        return StaticSolver.criticalGain(MeanField.of(network, engine));
    }

    private DmftSolution unstable(MeanField mf, double s, double gc, String why) {
        String note = why;
        if (mf.transfer instanceof TransferFunctions.Linear) {
            note = "linear network with g >= 1 (or J0 >= 1): activity diverges; " + why;
        }
        double nan = Double.NaN;
        return new DmftSolution(mf.g, name(mf), mf.j0, mf.inputMean, mf.inputVariance, Phase.UNSTABLE,
                nan, nan, nan, nan, nan, nan, nan, s, gc, new double[0], new double[0], new double[0], note);
    }

    private static String name(MeanField mf) {
        return mf.transfer.name();
    }
}
