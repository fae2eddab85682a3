package org.chaoslab.theory.covariance;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.complex.Complex;

/**
 * Statistics of the equal-time covariance of the linear network dx/dt = −x + Wx + ξ, W_ij ~ N(0, R²/N)
 * i.i.d., ⟨ξ_i(t)ξ_j(s)⟩ = D δ_ij δ(t − s), R &lt; 1, N → ∞: the solution C of the Lyapunov equation
 * (1 − W)C + C(1 − W)ᵀ = D·1.
 *
 * <h2>Derivation</h2>
 * C = D∫dω/2π A(ω)A(ω)†, A = (1 + iω − W)⁻¹. With t(ω) = N⁻¹tr[AA†] → 1/(1 + ω² − R²) (ladder sum) the
 * mean autocovariance spectrum is C(ω) = D t(ω), and
 * ā = D∫dω/2π 1/(ω² + a²) = D/(2a), a = √(1 − R²) (the value of {@link LinearCovariance#equalTime}).
 * The second moment needs the four-resolvent trace, which to leading order in N is
 * <pre>  N⁻¹tr[A₁A₁†A₂A₂†] → t(ω₁)t(ω₂) M(ω₁, ω₂),   M = 1/|1 − R² S(ω₁)S(ω₂)*|²,   S = 1/(1 + iω),</pre>
 * the linear case (φ = identity, ⟨φ′⟩ = 1) of the two-site cavity factor of Clark, Abbott &amp; Litwin-Kumar,
 * PRL 131:118401 (2023) (checked against exact traces at N = 1500: 0.553 vs 0.5529 at ω₁ = ω₂ = 1, R = 0.6).
 * At ω₁ = ω₂ = 0 it gives the zero-frequency results N·Var c/ā² = M(0, 0) − 1 = 1/(1 − R²)² − 1 and
 * PR/N = 1/M(0, 0) = (1 − R²)². Then N⁻¹tr C² = ā² + ψ, ψ = N·Var(c_ij), with
 * <pre>  ā² + ψ = D²∬dω₁dω₂/(2π)² M C(ω₁)C(ω₂)/D² = D² (a⁴ + 2a³ + 4a² − 2a + 3)/(32a⁵)</pre>
 * (the inner integral by residues at ω₂ = ia and ω₂ = i(1 − R²/(1 + iω₁)), the outer at the triple pole
 * ω₁ = ia; computer algebra, checked against 400-point Gauss–Legendre quadrature in ω = a tan θ to 10⁻¹⁵). Hence
 * <pre>  N·Var c_ij = D²(1 − a)(3 + a + 5a² − a³)/(32a⁵),   PR/N = (tr C)²/(N tr C²) = 8a³/(a⁴ + 2a³ + 4a² − 2a + 3).</pre>
 * Both reduce to 0 and 1 at R = 0 and behave like 3D²/(32a⁵) and 8a³/3 as R → 1 (compare the zero-frequency
 * a⁻⁸ and a⁴). The diagonal's own spread is O(1/N) and is left out of PR (like the zero-frequency forms).
 *
 * <p>Checked against exact solutions of the Lyapunov equation for sampled networks
 * ({@code org.chaoslab.linalg.LyapunovEquation}) at N = 100, 200, 400 extrapolated to N → ∞ (EqualTimeCovarianceTest).
 */
public final class EqualTimeCovariance {

    private EqualTimeCovariance() {
    }

    /** All equal-time statistics for R ∈ [0, 1), D &gt; 0, N ≥ 1 (N → ∞ forms; eigenvalue edges not known: NaN). */
    public static CovariancePrediction of(double r, double d, int n) {
        LinearCovariance.check(r, d, n);
        double a = Math.sqrt(1.0 - r * r);
        double mean = d / (2.0 * a);
        return new CovariancePrediction("equal-time", n, r, d, mean, 0.0, scaledVariance(r, d) / n,
                participationRatioPerN(r), Double.NaN, Double.NaN);
    }

    /** Gauss–Legendre nodes in θ for ω = a·tan θ (a = √(1 − R²)): the 1/N coefficients to relative 2e-8 at R = 0.9 (against 128 nodes). */
    static final int QUADRATURE_NODES = 64;

    /**
     * The leading 1/N coefficients of the expected equal-time statistics over realizations of real Gaussian W
     * (W_ii drawn like the rest or, if {@code zeroDiagonal}, 0): κ_ā and κ_{PR/N} in E[X]_N = X_∞ + κ/N. With
     * C = D∫dω/2π G_z H_z̄, z = 1 + iω (G_z = (z − W)⁻¹, H = G ᵀ), τ(C) = D∫τ(G_z H_z̄) and
     * τ(C²) = D²∬τ(G_z₁H_z̄₁G_z₂H_z̄₂), each word expanded to O(1/N) by {@link ResolventTraces} (planar and twisted
     * pairings, docs/finite-size-covariance.md) and integrated by Gauss–Legendre in ω = a tan θ;
     * κ_{PR/N} = (a₀²/b₀)(2a₁/a₀ − b₁/b₀) as for the zero-frequency forms; κ_{N Var c} = b₁ − 2a₀a₁ − v + (b₀ − a₀²)
     * with v = N·Var c_ii from the cavity of one unit (see {@code moments}). Checked against exact Lyapunov solutions of sampled
     * networks (EqualTimeFiniteSizeTest).
     */
    public static FiniteSizeCoefficients finiteSize(double r, double d, boolean zeroDiagonal) {
        return finiteSize(r, d, zeroDiagonal, 0.0);
    }

    /**
     * {@link #finiteSize(double, double, boolean)} for Ornstein–Uhlenbeck noise of correlation time τ_n (zero-frequency
     * intensity D = σ²; spectrum D/(1 + ω²τ_n²)): the same words weighted by the noise spectrum. τ_n = 0 is white noise.
     */
    public static FiniteSizeCoefficients finiteSize(double r, double d, boolean zeroDiagonal, double tauNoise) {
        double[] m = moments(r, zeroDiagonal, tauNoise);
        double a0 = m[0];
        double a1 = m[1];
        double b0 = m[2];
        double b1 = m[3];
        double v = m[4];
        double pr = (a0 * a0 / b0) * (2.0 * a1 / a0 - b1 / b0);
        // N·Var c_ij = (N/(N − 1))(N⁻¹tr C² − N⁻¹Σc_ii²) − N m², E c_ii² = ā² + Var c_ii (as at zero frequency)
        double nVar = b1 - 2.0 * a0 * a1 - v + (b0 - a0 * a0);
        return new FiniteSizeCoefficients(d * a1, 0.0, d * d * nVar, pr);
    }

    /** Nodes and weights (dω/2π times the noise spectrum over D) of the ω quadrature: ω = c tan θ, c = min(a, 1/τ_n). */
    private static double[][] frequencyRule(double r, double tauNoise) {
        if (!(tauNoise >= 0.0) || !Double.isFinite(tauNoise)) {
            throw new IllegalArgumentException("noise correlation time must be finite and >= 0 (got " + tauNoise + ")");
        }
        double a = Math.sqrt(1.0 - r * r);
        double scale = tauNoise > 0 ? Math.min(a, 1.0 / tauNoise) : a;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(QUADRATURE_NODES, -0.5 * Math.PI, 0.5 * Math.PI);
        int k = rule.getNumberOfPoints();
        double[] omega = new double[k];
        double[] weight = new double[k];
        for (int i = 0; i < k; i++) {
            double th = rule.getPoint(i);
            double c = Math.cos(th);
            omega[i] = scale * Math.tan(th);
            double spectrum = 1.0 / (1.0 + omega[i] * omega[i] * tauNoise * tauNoise);
            weight[i] = rule.getWeight(i) * scale / (c * c) / (2.0 * Math.PI) * spectrum;
        }
        return new double[][] {omega, weight};
    }

    /**
     * {τ₀(C), τ₁(C), τ₀(C²), τ₁(C²), N·Var c_ii} at D = 1: ā and N⁻¹tr C² to O(1/N), and the spread of the diagonal.
     *
     * <p>The diagonal (cavity, as at zero frequency in docs/finite-size-covariance.md, now per frequency): with u, v the
     * row and column of unit i and G′ the resolvent of the others, G_ii = 1/(z − ε_z), ε_z = W_ii + uᵀG′_z v, and
     * (G_zG_z†)_ii = |G_ii|²(1 + uᵀP_z u), P = G′G′†. To first order δ(GG†)_ii = 2t Re(ε_z/z) + δ(uᵀP_z u)/|z|², the
     * two parts uncorrelated (the first is odd in v), with N E[ε₁ε₂] = s + s²/(z₁z₂ − s) (the W_ii term absent with a zero
     * diagonal), N E[ε₁ε̄₂] the same at z̄₂, and N Cov(uᵀP₁u, uᵀP₂u) = 2s² τ(Re P₁ Re P₂) (planar four-resolvent words).
     * Integrated against the noise spectrum at both frequencies: N·Var c_ii.
     */
    private static double[] moments(double r, boolean zeroDiagonal, double tauNoise) {
        LinearCovariance.check(r, 1.0, 1);
        double s = r * r;
        double[][] rule = frequencyRule(r, tauNoise);
        double[] omega = rule[0];
        double[] weight = rule[1];
        int k = omega.length;
        ResolventTraces traces = new ResolventTraces(s, zeroDiagonal);
        double a0 = 0.0;
        double a1 = 0.0;
        double b0 = 0.0;
        double b1 = 0.0;
        double v = 0.0;
        double sDiag = zeroDiagonal ? 0.0 : s;
        for (int i = 0; i < k; i++) {
            traces.clear();
            Complex z1 = new Complex(1.0, omega[i]);
            ResolventTraces.Factor g1 = ResolventTraces.Factor.g(z1);
            ResolventTraces.Factor h1 = ResolventTraces.Factor.h(z1.conjugate());
            ResolventTraces.Factor g1c = ResolventTraces.Factor.g(z1.conjugate());
            ResolventTraces.Factor h1c = ResolventTraces.Factor.h(z1);
            ResolventTraces.Expansion one = traces.trace(g1, h1);
            a0 += weight[i] * one.planar().getReal();
            a1 += weight[i] * one.firstOrder().getReal();
            double t1 = 1.0 / (z1.norm() * z1.norm() - s);
            for (int j = 0; j < k; j++) {
                Complex z2 = new Complex(1.0, omega[j]);
                ResolventTraces.Factor g2 = ResolventTraces.Factor.g(z2);
                ResolventTraces.Factor h2 = ResolventTraces.Factor.h(z2.conjugate());
                ResolventTraces.Factor g2c = ResolventTraces.Factor.g(z2.conjugate());
                ResolventTraces.Factor h2c = ResolventTraces.Factor.h(z2);
                ResolventTraces.Expansion two = traces.trace(g1, h1, g2, h2);
                double ww = weight[i] * weight[j];
                b0 += ww * two.planar().getReal();
                b1 += ww * two.firstOrder().getReal();
                // the diagonal's spread (method comment)
                double t2 = 1.0 / (z2.norm() * z2.norm() - s);
                Complex p12 = z1.multiply(z2);
                Complex p12c = z1.multiply(z2.conjugate());
                Complex e12 = p12.subtract(s).reciprocal().multiply(s * s).add(sDiag).divide(p12);
                Complex e12c = p12c.subtract(s).reciprocal().multiply(s * s).add(sDiag).divide(p12c);
                double gains = 2.0 * t1 * t2 * e12.add(e12c).getReal();
                double rePP = 0.25 * traces.planarTrace(g1, h1, g2, h2).add(traces.planarTrace(g1, h1, g2c, h2c))
                        .add(traces.planarTrace(g1c, h1c, g2, h2)).add(traces.planarTrace(g1c, h1c, g2c, h2c)).getReal();
                double quadratic = 2.0 * s * s * rePP / (z1.norm() * z1.norm() * z2.norm() * z2.norm());
                v += ww * (gains + quadratic);
            }
        }
        return new double[] {a0, a1, b0, b1, v};
    }

    /**
     * The N → ∞ equal-time ā, PR/N and N·Var c_ij for Ornstein–Uhlenbeck noise of correlation time τ_n (τ_n = 0:
     * white, as {@link #of}): the planar values t(ω) and t₁t₂M ({@link #fourResolventTrace}) on the quadrature of
     * {@link #finiteSize(double, double, boolean, double)}. {@code [ā, PR/N, N·Var c_ij]}.
     */
    public static double[] planar(double r, double d, double tauNoise) {
        LinearCovariance.check(r, d, 1);
        double[][] rule = frequencyRule(r, tauNoise);
        double[] omega = rule[0];
        double[] weight = rule[1];
        double a = 0.0;
        double b = 0.0;
        for (int i = 0; i < omega.length; i++) {
            a += weight[i] / (1.0 + omega[i] * omega[i] - r * r);      // τ₀(G_z H_z̄) = t(ω)
            for (int j = 0; j < omega.length; j++) {
                b += weight[i] * weight[j] * fourResolventTrace(r, omega[i], omega[j]);
            }
        }
        return new double[] {d * a, a * a / b, d * d * (b - a * a)};
    }

    /**
     * The N → ∞ prediction {@code inf} with the leading 1/N terms {@code k} of {@link #finiteSize} in ā, Var c_ij and PR/N
     * (the expected values over realizations at inf's N).
     */
    public static CovariancePrediction finiteN(CovariancePrediction inf, FiniteSizeCoefficients k) {
        int n = inf.n();
        return new CovariancePrediction(inf.kind() + "-finite-n", n, inf.spectralRadius(), inf.noiseIntensity(),
                inf.meanAutoCov() + k.meanAutoCov() / n, 0.0, inf.varCrossCov() + k.scaledVarCrossCov() / ((double) n * n),
                inf.participationRatioPerN() + k.participationRatioPerN() / n, Double.NaN, Double.NaN);
    }

    /**
     * N⁻¹tr(C_ET C_ZF) for N → ∞ (D² times): the overlap of the equal-time and the zero-frequency covariance,
     * D²∫dω/2π t(ω)t(0)M(ω, 0) by the four-resolvent kernel at ω₂ = 0. It sets the finite-T bias of the equal-time
     * PR/N: a sample covariance over a record of length T with its mean subtracted estimates C_ET − C_ZF/T
     * (the variance of the time average), so N⁻¹tr C² is lowered by 2 N⁻¹tr(C_ET C_ZF)/T.
     */
    public static double overlapWithZeroFrequency(double r, double d) {
        return overlapWithZeroFrequency(r, d, 0.0);
    }

    /** {@link #overlapWithZeroFrequency(double, double)} for OU noise of correlation time τ_n (its spectrum weighting ω). */
    public static double overlapWithZeroFrequency(double r, double d, double tauNoise) {
        LinearCovariance.check(r, d, 1);
        double[][] rule = frequencyRule(r, tauNoise);
        double sum = 0.0;
        for (int i = 0; i < rule[0].length; i++) {
            sum += rule[1][i] * fourResolventTrace(r, rule[0][i], 0.0);
        }
        return d * d * sum;
    }

    /** N·Var(c_ij) = D²(1 − a)(3 + a + 5a² − a³)/(32a⁵), a = √(1 − R²) (class comment). */
    public static double scaledVariance(double r, double d) {
        double a = Math.sqrt(1.0 - r * r);
        double a2 = a * a;
        return d * d * (1.0 - a) * (3.0 + a + 5.0 * a2 - a2 * a) / (32.0 * a2 * a2 * a);
    }

    /** PR/N = 8a³/(a⁴ + 2a³ + 4a² − 2a + 3), a = √(1 − R²) (class comment). */
    public static double participationRatioPerN(double r) {
        double a = Math.sqrt(1.0 - r * r);
        double a2 = a * a;
        return 8.0 * a2 * a / (a2 * a2 + 2.0 * a2 * a + 4.0 * a2 - 2.0 * a + 3.0);
    }

    /**
     * The large-N four-resolvent kernel N⁻¹tr[A(ω₁)A(ω₁)†A(ω₂)A(ω₂)†] = t₁t₂/|1 − R²S₁S₂*|² (class comment), for
     * quadrature checks and frequency-resolved uses.
     */
    public static double fourResolventTrace(double r, double w1, double w2) {
        double r2 = r * r;
        double t1 = 1.0 / (1.0 + w1 * w1 - r2);
        double t2 = 1.0 / (1.0 + w2 * w2 - r2);
        // S₁S₂* = 1/((1 + iω₁)(1 − iω₂)) = 1/((1 + ω₁ω₂) + i(ω₁ − ω₂))
        double re = 1.0 + w1 * w2;
        double im = w1 - w2;
        double den = re * re + im * im;
        double sRe = re / den;
        double sIm = -im / den;
        double mRe = 1.0 - r2 * sRe;
        double mIm = -r2 * sIm;
        return t1 * t2 / (mRe * mRe + mIm * mIm);
    }
}
