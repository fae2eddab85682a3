package org.chaoslab.theory.covariance;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.Phase;

/**
 * Covariance statistics of a rate network driven by <em>quenched</em> noise: a frozen input ξ_i ~ N(0, σ²) per unit,
 * redrawn from trial to trial while the couplings J stay fixed. Each trial settles to its fixed point
 * x* = ξ + Jφ(x*); the statistics are those of the covariance of x* across trials, c_ij = Cov_ξ(x*_i, x*_j), over pairs
 * of units (the "quenched" counterpart of the annealed, time-dependent noise of {@link CavityCovariance}; the
 * correlation-statistics reference, Mato, Rigatuso &amp; Torroba 2026, compares the two).
 *
 * <p>The same two-site cavity as the annealed case (docs/correlations-nonlinear.md, "Annealed and quenched"), on
 * the static state instead of the noisy DMFT spectra. Across trials x*_i ~ N(0, Δ) with the static mean field
 * Δ = σ² + g²⟨φ²⟩_Δ (SCS 1988, static branch, solved by {@link DmftSolver}). Write φ(x*_k) = γx*_k + ε_k with
 * γ = ⟨φ′⟩_Δ (Bussgang/Stein: ε_k is uncorrelated with x*_k and with ξ_k); then x* = ξ + γJx* + Jε exactly, i.e.
 * x* = A(ξ + Bε/γ) with B = γJ (radius R = gγ) and A = (1 − B)⁻¹ — the zero-frequency surrogate of the annealed case
 * with S = 1 and the static variances in place of the spectra at ω = 0:
 * <pre>
 *   ā = Δ,   N·Var c_ij = R⁴/(1 − R²)² (⟨φ²⟩_Δ/γ²)² + 2R²/(1 − R²) Δ²,   PR/N = ā²/(ā² + N·Var c_ij),
 * </pre>
 * mean cross-covariance 0, and the eigenvalue support that of σ²AAᵀ + s(A − 1)(A − 1)ᵀ, s = (⟨φ²⟩ − γ²Δ)/γ²
 * ({@link ResidualCovarianceSpectrum}). For linear units C = σ²(1 − J)⁻¹(1 − J)⁻ᵀ is the annealed zero-frequency matrix itself:
 * every closed form of {@link LinearCovariance#zeroFrequency} (and its 1/N terms) applies with D = σ². The effective-gain
 * mapping keeps R = gγ but drops ε: the linear closed forms with D = σ² (ā = σ²/(1 − R²) instead of Δ).
 *
 * <p>Which gain enters where, as in the annealed case: R = g⟨φ′⟩ sets the poles; the fixed point must be stable for
 * (nearly) every trial, g²⟨φ′²⟩_Δ &lt; 1 (the static branch's stability), otherwise the quenched state is chaotic and
 * refused.
 *
 * <p><b>A static part</b> (non-odd φ, or a constant input; docs/correlations-nonlinear.md, "Quenched noise with a
 * static part"): the trial mean m_i of x*_i is then not 0 but frozen per unit, x*_i = m_i + δx_i with m_i ~ N(μ, c∞)
 * across units and δx_i ~ N(0, q) across trials. The two-trial (two-replica) mean field at fixed J splits Δ:
 * <pre>
 *   c∞ = g² F_φ(c∞; μ, Δ) + σ_I²  (= g² E_z[φ̄(z)²] + σ_I², φ̄(z) = E_δ φ(z + δ)),   q = Δ − c∞ = σ² + g² E_z[v(z)],
 * </pre>
 * with v(z) = Var_δ φ(z + δ) the trial-to-trial rate variance of a unit at offset z and σ_I² the variance of the
 * constant input across units. Stein's lemma holds per unit over its own trial distribution N(z, q): with
 * γ(z) = E_δ φ′(z + δ), φ(x*_k) = φ̄_k + γ_k δx_k + ε_k, ε_k uncorrelated with δx_k and ξ_k, and
 * δx = (1 − JΓ)⁻¹(ξ + Jε) exactly. The path sums are those of the annealed offset average at ω = 0 (S = 1): every
 * intermediate unit contributes g²γ_k²/N, the common-source term is sourced by the whole rate variance v_k of the last
 * common unit, the direct term by the unit's own q:
 * <pre>
 *   ā = q,   N·Var c_ij = g⁴/(1 − R²)² E_z[v(z)²] + 2R²/(1 − R²) q²,   R² = g² E_z[γ(z)²],   PR/N = ā²/(ā² + N·Var).
 * </pre>
 * Without a static part (c∞ = 0, one offset) this is the formula above; for linear units (γ = 1, v = q = σ²/(1 − g²))
 * the closed forms. The outer averages over z ~ N(μ, c∞) use the same quadrature as the inner ones; the eigenvalue
 * support is not derived there (NaN). The effective gain keeps R = g⟨φ′⟩ over the whole population (x ~ N(μ, Δ)).
 */
public final class QuenchedCovariance {

    /**
     * The quenched statistics of one network.
     *
     * @param cavity         the cavity statistics (ā, Var c_ij and PR/N above)
     * @param effectiveGain  the effective-gain mapping (linear closed forms at R = g⟨φ′⟩, D = σ²)
     * @param variance       Δ = σ² + σ_I² + g²⟨φ²⟩_Δ, the variance of x* across trials and units
     * @param frozenVariance c∞, the variance of the units' trial means (0 without a static part)
     * @param mean           μ, the population mean of x* (the input mean; 0 without a static part)
     * @param meanSlope      γ = ⟨φ′⟩ over the population, x ~ N(μ, Δ)
     * @param rateVariance   E_z[Var_δ φ(z + δ)], the trial-to-trial variance of φ(x*) averaged over the units
     *                       (⟨φ²⟩_Δ without a static part)
     * @param nonlinearPower E_z[v(z) − γ(z)²q] ≥ 0: the part of φ(x*) that is not linear in x*, what the effective gain
     *                       leaves out (⟨φ²⟩ − γ²Δ without a static part)
     * @param stabilityGain  g²⟨φ′²⟩_Δ (&lt; 1)
     */
    public record Result(CovariancePrediction cavity, CovariancePrediction effectiveGain, double variance,
                         double frozenVariance, double mean, double meanSlope, double rateVariance, double nonlinearPower,
                         double stabilityGain) {

        /** q = Δ − c∞, the variance of x*_i across trials (the same for every unit): the cavity's ā. */
        public double trialVariance() {
            return variance - frozenVariance;
        }

        /**
         * With a mean coupling J0: the common mode's mean cross-covariance across trials ({@link MeanMode}),
         * N⟨c_ij⟩ = [q + J0²(E_z[v] − γ²q)]/(1 − J0γ)² − q for the cavity, γ = E_z[γ(z)] the population's mean gain and
         * E_z[v] its mean trial-to-trial rate variance (without a static part q = Δ and E_z[v] − γ²q = ⟨φ²⟩ − γ²Δ); the
         * effective gain's linear network with the mean coupling J0γ.
         */
        Result withMeanCoupling(double j0) {
            int n = cavity.n();
            double aEff = effectiveGain.meanAutoCov();
            double q = trialVariance();
            double residual = Math.max(0.0, rateVariance - meanSlope * meanSlope * q);
            return new Result(cavity.withMeanCrossCov(MeanMode.zeroFrequency(q, residual, meanSlope, j0) / n),
                    effectiveGain.withMeanCrossCov(MeanMode.zeroFrequency(aEff, 0.0, 1.0, j0 * meanSlope) / n), variance,
                    frozenVariance, mean, meanSlope, rateVariance, nonlinearPower, stabilityGain);
        }
    }

    private QuenchedCovariance() {
    }

    /**
     * Solves the static mean field of {@code network} (quenched noise σ &gt; 0, no coupling symmetry; any φ, constant
     * input and mean coupling) and evaluates the statistics at its N.
     *
     * @throws IllegalArgumentException for other noise or parameters, or a fixed point that is not stable
     */
    public static Result of(RateNetwork network) {
        Noise noise = network.input().noise();
        if (!(noise instanceof Noise.Quenched) || !(noise.sigma() > 0)) {
            throw new IllegalArgumentException("noise must be quenched:SIGMA with SIGMA > 0 (got " + noise.label() + ")");
        }
        if (network.couplings().symmetry() != 0.0) {
            throw new IllegalArgumentException("the quenched covariance statistics assume independent couplings (got "
                    + "symmetry eta = " + network.couplings().symmetry() + ")");
        }
        double j0 = network.couplings().meanCoupling();
        DmftSolver solver = new DmftSolver();
        DmftSolution s = solver.solve(network);
        if (s.phase() != Phase.FIXED_POINT || !(s.stabilityGain() < 1.0)) {
            throw new IllegalArgumentException("the quenched covariance needs a stable fixed point for every trial: g^2<phi'^2> = "
                    + s.stabilityGain() + " must be < 1 (phase " + s.phase() + "; larger sigma or smaller g)");
        }
        double d = noise.sigma() * noise.sigma();
        Result r;
        if (!hasStaticPart(network)) {
            r = of(network.gain(), s.delta0(), d, network.transfer(), solver.engine(), network.size());
        } else {
            // σ_I²: the frozen spread of the constant input over the units (the Noisy input's variance also holds σ²)
            double inputVariance = Math.max(0.0, network.input().variance() - d);
            r = withStaticPart(network.gain(), s.delta0(), s.mean(), inputVariance, d, network.transfer(), solver.engine(),
                    network.size());
        }
        return j0 == 0.0 ? r : r.withMeanCoupling(j0);
    }

    /**
     * True when the trial mean of x* is not 0: φ not odd, or a constant input. Then each unit has its own offset (the
     * static part); otherwise ξ → −ξ maps x* → −x* at fixed J and every unit's trial mean vanishes.
     */
    public static boolean hasStaticPart(RateNetwork network) {
        if (!network.transfer().isOdd()) {
            return true;
        }
        for (int i = 0; i < network.size(); i++) {
            if (network.input().constantPart(i) != 0.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statistics of the static state of variance {@code delta} (Δ = σ² + g²⟨φ²⟩_Δ) at size {@code n}.
     *
     * @param g     coupling gain
     * @param delta Δ, the static variance
     * @param d     σ², the variance of the frozen input
     */
    static Result of(double g, double delta, double d, org.chaoslab.model.TransferFunction phi, GaussianExpectation engine,
                     int n) {
        double gamma = engine.expectation(TransferIntegrands.derivative(phi), 0.0, delta);
        double rate = engine.expectation(TransferIntegrands.phiSquared(phi), 0.0, delta);
        double stability = g * g * engine.expectation(TransferIntegrands.derivativeSquared(phi), 0.0, delta);
        double r = g * Math.abs(gamma);
        LinearCovariance.check(r, d, n);
        CovariancePrediction effective = LinearCovariance.zeroFrequency(r, d, n);
        CovariancePrediction cavity;
        if (phi instanceof TransferFunctions.Linear) {
            cavity = relabel(effective);
        } else {
            double r2 = r * r;
            double q = 1.0 - r2;
            double y = rate / (gamma * gamma);
            double scaledVar = r2 * r2 / (q * q) * y * y + 2.0 * r2 / q * delta * delta;
            ResidualCovarianceSpectrum spectrum = new ResidualCovarianceSpectrum(r, d,
                    Math.max(0.0, rate - gamma * gamma * delta) / (gamma * gamma));
            cavity = new CovariancePrediction("quenched", n, r, d, delta, 0.0, scaledVar / n,
                    delta * delta / (delta * delta + scaledVar), spectrum.lower(), spectrum.upper());
        }
        return new Result(cavity, relabel(effective), delta, 0.0, 0.0, gamma, rate,
                Math.max(0.0, rate - gamma * gamma * delta), stability);
    }

    /**
     * The statistics of a static state with a static part: x* ~ N(μ, Δ) over trials and units, each unit at its own
     * offset z ~ N(μ, c∞) (docs/correlations-nonlinear.md, "Quenched noise with a static part").
     *
     * @param g             coupling gain
     * @param delta         Δ, the static variance over trials and units (SCS's static branch)
     * @param mu            μ, the mean of x*
     * @param inputVariance σ_I², the variance of the constant input over the units (frozen)
     * @param d             σ², the variance of the frozen input of a trial
     */
    static Result withStaticPart(double g, double delta, double mu, double inputVariance, double d,
                                 org.chaoslab.model.TransferFunction phi, GaussianExpectation engine, int n) {
        var rate = TransferIntegrands.phi(phi);
        var derivative = TransferIntegrands.derivative(phi);
        var rateSquared = TransferIntegrands.phiSquared(phi);
        double g2 = g * g;
        double c = frozenVariance(g2, delta, mu, inputVariance, rate, engine);
        double q = delta - c;
        // per offset z ~ N(μ, c∞): the unit's mean gain γ(z) = E_δ φ′(z + δ) and its trial-to-trial rate variance
        // v(z) = Var_δ φ(z + δ), δ ~ N(0, q) (Stein's lemma over the unit's own trials)
        java.util.function.DoubleUnaryOperator gain = z -> engine.expectation(derivative, z, q);
        java.util.function.DoubleUnaryOperator var = z -> {
            double m = engine.expectation(rate, z, q);
            return Math.max(0.0, engine.expectation(rateSquared, z, q) - m * m);
        };
        double meanSquareGain = engine.expectation(z -> {
            double gz = gain.applyAsDouble(z);
            return gz * gz;
        }, mu, c);
        double meanVar = engine.expectation(var, mu, c);
        double meanSquareVar = engine.expectation(z -> {
            double v = var.applyAsDouble(z);
            return v * v;
        }, mu, c);
        double nonlinear = engine.expectation(z -> {
            double gz = gain.applyAsDouble(z);
            return var.applyAsDouble(z) - gz * gz * q;
        }, mu, c);
        double gamma = engine.expectation(derivative, mu, delta);
        double stability = g2 * engine.expectation(TransferIntegrands.derivativeSquared(phi), mu, delta);
        double r2 = g2 * meanSquareGain;
        if (!(r2 < 1.0)) {
            throw new IllegalArgumentException("the mean-response radius g E[gamma(z)^2]^(1/2) over the units must be < 1 for "
                    + "finite covariances (got " + Math.sqrt(r2) + ")");
        }
        double rEff = g * Math.abs(gamma);
        LinearCovariance.check(rEff, d, n);
        CovariancePrediction effective = LinearCovariance.zeroFrequency(rEff, d, n);
        double k = 1.0 - r2;
        // the annealed offset average at ω = 0 (S = 1), static variances for the spectra (docs, derivation)
        double scaledVar = g2 * g2 / (k * k) * meanSquareVar + 2.0 * r2 / k * q * q;
        // the eigenvalue support is derived for one offset only; linear units keep the closed form's (the input only
        // shifts the trial means)
        boolean linear = phi instanceof TransferFunctions.Linear;
        CovariancePrediction cavity = new CovariancePrediction("quenched", n, Math.sqrt(r2), d, q, 0.0, scaledVar / n,
                q * q / (q * q + scaledVar), linear ? effective.eigenLower() : Double.NaN,
                linear ? effective.eigenUpper() : Double.NaN);
        return new Result(cavity, relabel(effective), delta, c, mu, gamma, meanVar, Math.max(0.0, nonlinear), stability);
    }

    /**
     * c∞, the root in [0, Δ] of c = g² F_φ(c; μ, Δ) + σ_I²: the covariance of x* between two trials of the same network
     * (two replicas with independent frozen inputs). The map is a contraction, its slope g² F_φ′(c) ≤ g²⟨φ′²⟩ &lt; 1
     * (Price's theorem), so the root is unique; at c = 0 the right side is g²⟨φ⟩² + σ_I² ≥ 0, at c = Δ it is Δ − σ² &lt; Δ.
     */
    static double frozenVariance(double g2, double delta, double mu, double inputVariance,
                                 java.util.function.DoubleUnaryOperator rate, GaussianExpectation engine) {
        java.util.function.DoubleUnaryOperator excess = c -> g2 * engine.correlation(rate, mu, delta, c) + inputVariance - c;
        double low = excess.applyAsDouble(0.0);
        if (!(low > 0.0)) {
            return 0.0;
        }
        var solver = new org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver(1e-15, 1e-15 * delta,
                1e-16 * delta, 5);
        return solver.solve(200, excess::applyAsDouble, 0.0, delta, org.hipparchus.analysis.solvers.AllowedSolution.ANY_SIDE);
    }

    private static CovariancePrediction relabel(CovariancePrediction p) {
        return new CovariancePrediction("quenched", p.n(), p.spectralRadius(), p.noiseIntensity(), p.meanAutoCov(),
                p.meanCrossCov(), p.varCrossCov(), p.participationRatioPerN(), p.eigenLower(), p.eigenUpper());
    }
}
