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
 * ({@link Phase#FIXED_POINT}; s = 1 within 10⁻¹² is marginal and also reported as a fixed point);
 * otherwise the chaotic solution is sought ({@link Phase#CHAOTIC}); if it
 * does not exist, e.g. for linear φ with g ≥ 1 or ReLU without input beyond g = √2, the activity
 * diverges ({@link Phase#UNSTABLE}, with the reason in {@link DmftSolution#note()}).
 * A chaotic solution may coexist with a stable fixed point (e.g. threshold-linear φ with a positive
 * threshold, whose silent state is always stable); this solver reports the fixed point then.
 * For J0 &gt; 0 the mean equation may have several roots (ferromagnetic bistability); one of them is
 * used.
 *
 * <p>Resolution near the transition: the chaotic amplitude is O(s − 1), the force on Δ is
 * O((s − 1)²) relative to the O(Δ0) terms it is computed from, and the energy balance O((s − 1)⁴).
 * With quadrature errors ≈ 10⁻¹⁴ the profile keeps a relative accuracy ≈ 10⁻¹⁴/(s − 1)² (10⁻¹⁰ at
 * g = 1.01 for tanh; a note says so when s − 1 &lt; 10⁻³); Δ0 is resolved down to
 * g/g_c − 1 ≈ 10⁻⁵ (odd φ) or 10⁻⁴ (non-odd); closer than that a failed chaotic solve is reported as
 * the marginal fixed point with a note.
 *
 * <p>A quenched noise ({@code Noise.Quenched}) is a static input and enters through σ_I²; white and OU noise are
 * solved by {@link WhiteNoiseDmft} and {@link OuNoiseDmft} (this solver rejects them).
 *
 * <p>The size N of the network is ignored. Stateless and thread-safe; see {@link StaticSolver},
 * {@link ChaoticSolver} and {@link CorrelationProfile} for the numerical methods.
 */
public final class DmftSolver {

    /** s within this of 1 is marginal (rounding): reported as a fixed point, whose κ is then 0. */
    private static final double MARGINAL = 1e-12;
    /** Below this s − 1 a failed chaotic solve is reported as the marginal fixed point (see marginal()). */
    private static final double NEAR_CRITICAL = 1e-4;

    private final DmftOptions options;
    private final GaussianExpectation engine;

    /** A solver with {@link DmftOptions#defaults()}. */
    public DmftSolver() {
        this(DmftOptions.defaults());
    }

    /** A solver with the given options (grid and quadrature rule). */
    public DmftSolver(DmftOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
        this.options = options;
        this.engine = new GaussianExpectation(options.quadrature());
    }

    /** The options this solver uses. */
    public DmftOptions options() {
        return options;
    }

    /** The Gaussian-expectation engine this solver uses. */
    public GaussianExpectation engine() {
        return engine;
    }

    /**
     * Solves the DMFT of {@code network} (N → ∞; {@code network.size()} is ignored). A diverging network
     * is not an error: it is reported with phase {@link Phase#UNSTABLE} and the reason in the note.
     * Typical cost at the default grid: 15–50 ms for tanh/erf, 0.1 s for ReLU, 0.2–0.3 s for the
     * sigmoid at g = 20 (steep custom gains at variances of hundreds take seconds).
     */
    public DmftSolution solve(RateNetwork network) {
        if (network == null) {
            throw new IllegalArgumentException("network must be given");
        }
        if (network.input().noise().annealed() && network.input().noise().sigma() > 0) {
            // a time-dependent noise changes the equations (kink, coloured source): solved by the noisy solvers
            throw new IllegalArgumentException("noise " + network.input().noise().label() + " needs the noisy DMFT "
                    + "(WhiteNoiseDmft for white:SIGMA, OuNoiseDmft for ou:SIGMA:TAU)");
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
        if (s <= 1.0 + MARGINAL) {
            double q = branch.q();
            double mu = branch.mean();
            double c0 = mf.meanSquareRate(mu, q);
            CorrelationProfile.Result p = CorrelationProfile.constant(q, c0, options);
            return new DmftSolution(mf.g, name(mf), mf.j0, mf.inputMean, mf.inputVariance, Phase.FIXED_POINT,
                    q, q, mu, c0, c0, Double.NaN, Math.sqrt(Math.max(0.0, 1.0 - s)), s, gc, p.tau(), p.delta(), p.rate(), "");
        }
        ChaoticSolver.State state;
        try {
            state = ChaoticSolver.solve(mf, branch.upperRoot());
        } catch (NoSolutionException e) {
            if (s - 1.0 <= NEAR_CRITICAL) {
                return marginal(mf, branch, gc);
            }
            return unstable(mf, s, gc, "fixed point unstable (g^2<phi'^2> = " + s + "); " + e.getMessage());
        }
        double d0 = state.delta0();
        double dInf = state.deltaInf();
        double mu = state.mean();
        // κ² = 1 − g² F_{φ′}(Δ∞): linearization of Δ″ = Δ − g²F_φ(Δ) − σ² about Δ∞ (Price's theorem)
        double kappa = Math.sqrt(Math.max(0.0, 1.0 - mf.g2 * mf.slopeCorrelation(mu, d0, dInf)));
        CorrelationProfile.Result p = CorrelationProfile.chaotic(mf, d0, dInf, mu, options);
        if (!(Double.isFinite(p.tauHalf()) && d0 > dInf) && s - 1.0 <= NEAR_CRITICAL) {
            return marginal(mf, branch, gc);
        }
        double c0 = mf.meanSquareRate(mu, d0);
        double cInf = mf.rateCorrelation(mu, d0, dInf);
        // the force r ~ (s − 1)² Δ0 is a difference of O(Δ0) terms: quadrature errors ~1e-14 are amplified
        String note = s - 1.0 < 1e-3
                ? "near the transition (g^2<phi'^2> - 1 = " + (s - 1.0) + "): the profile's relative accuracy is about "
                        + String.format(java.util.Locale.ROOT, "%.0e", 1e-14 / ((s - 1.0) * (s - 1.0)))
                : "";
        return new DmftSolution(mf.g, name(mf), mf.j0, mf.inputMean, mf.inputVariance, Phase.CHAOTIC,
                d0, dInf, mu, c0, cInf, p.tauHalf(), kappa, s, gc, p.tau(), p.delta(), p.rate(), note);
    }

    /**
     * The coupling gain g_c at which the fixed point of {@code network} (with its own φ, J0 and
     * input; its g is only a starting guess) loses stability, g_c²⟨φ′²⟩ = 1 along the fixed-point
     * branch. For odd φ without input g_c = 1/φ′(0). NaN if the fixed point never loses stability.
     */
    public double criticalGain(RateNetwork network) {
        return StaticSolver.criticalGain(MeanField.of(network, engine));
    }

    /**
     * Within s − 1 ≤ 10⁻⁴ of the transition the chaotic amplitude Δ0 − Δ∞ is O(s − 1) and its energy
     * balance O((s − 1)⁴) relative to the energies, below double-precision resolution once
     * s − 1 ≲ 10⁻⁵; if the chaotic solve fails there, the marginal fixed point is reported, with a note.
     */
    private DmftSolution marginal(MeanField mf, StaticSolver.Branch branch, double gc) {
        double q = branch.q();
        double mu = branch.mean();
        double s = branch.stability();
        double c0 = mf.meanSquareRate(mu, q);
        CorrelationProfile.Result p = CorrelationProfile.constant(q, c0, options);
        return new DmftSolution(mf.g, name(mf), mf.j0, mf.inputMean, mf.inputVariance, Phase.FIXED_POINT,
                q, q, mu, c0, c0, Double.NaN, 0.0, s, gc, p.tau(), p.delta(), p.rate(),
                "marginal: g^2<phi'^2> - 1 = " + (s - 1.0) + " is too close to the transition for the chaotic "
                        + "solution to be resolved in double precision (its amplitude is of that order)");
    }

    private DmftSolution unstable(MeanField mf, double s, double gc, String why) {
        String note = why;
        if (mf.transfer instanceof TransferFunctions.Linear) {
            note = "linear network with g >= 1 (or J0 >= 1): activity diverges; " + why;
        } else if (mf.transfer instanceof TransferFunctions.Tanh || mf.transfer instanceof TransferFunctions.ScaledErf
                || mf.transfer instanceof TransferFunctions.Sigmoid) {
            // a bounded phi keeps |x| <= g sup|phi| + |input|: the activity cannot diverge, the solver failed
            note = "no solution found numerically; phi is bounded, so the activity cannot diverge: the Gaussian quadrature "
                    + "does not resolve phi at this variance (g too large); " + why;
        }
        double nan = Double.NaN;
        return new DmftSolution(mf.g, name(mf), mf.j0, mf.inputMean, mf.inputVariance, Phase.UNSTABLE,
                nan, nan, nan, nan, nan, nan, nan, s, gc, new double[0], new double[0], new double[0], note);
    }

    private static String name(MeanField mf) {
        return mf.transfer.name();
    }
}
