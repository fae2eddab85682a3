package org.chaoslab.theory.covariance;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.complex.Complex;

/**
 * The leading 1/N terms of the zero-frequency statistics under the cavity theory of a nonlinear network: the expected ā
 * and PR/N over realizations of its linear surrogate C = D·AAᵀ + s·(A − 1)(A − 1)ᵀ, A = (1 − B)⁻¹, B of radius R
 * (B_ij ~ N(0, R²/N), real), D the noise intensity at zero frequency and s the residual power of the units
 * ({@link ResidualCovarianceSpectrum}; for quenched noise D = σ² and the static residual, {@link QuenchedCovariance}).
 * s = 0 is the linear network ({@link LinearCovariance#zeroFrequencyFiniteSize}).
 *
 * <p>With G = A = G₁ and H = Aᵀ = H₁ (the resolvents at z = 1 of {@link ResolventTraces}), C = (D + s)GH − sG − sH + s·1,
 * so τ(C) and τ(C²) are linear combinations of traces of words in G and H, each expanded to O(1/N) (planar and twisted
 * pairings); κ_{PR/N} = (a₀²/b₀)(2a₁/a₀ − b₁/b₀) as for the linear network. The N → ∞ parts reproduce the cavity's
 * ā = (D + sR²)/(1 − R²) and PR/N (tests).
 *
 * <p>What this is and is not: the finite-size terms of the theory's own model (Gaussian couplings seen through a fixed
 * mean gain, sources of fixed power). The 1/N corrections of the single-site quantities themselves (⟨φ′⟩, the residual
 * power, the static variance at finite N) and the unit-to-unit spread of the gains are not in it; the checks against
 * realized networks (docs/correlations-nonlinear.md) say how much of the measured finite-N shift it accounts for. The
 * 1/N term of N·Var c_ij (which needs the spread of the diagonal) is not derived: NaN.
 */
public final class SurrogateFiniteSize {

    private SurrogateFiniteSize() {
    }

    /**
     * κ_ā (absolute) and κ_{PR/N} of the surrogate.
     *
     * @param r            R ∈ [0, 1)
     * @param d            D &gt; 0
     * @param s            the residual power s ≥ 0
     * @param zeroDiagonal whether B_ii = 0
     */
    public static FiniteSizeCoefficients zeroFrequency(double r, double d, double s, boolean zeroDiagonal) {
        LinearCovariance.check(r, d, 1);
        if (!(s >= 0.0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("residual power s must be finite and >= 0 (got " + s + ")");
        }
        double[] m = moments(r, d, s, zeroDiagonal);
        double a0 = m[0];
        double a1 = m[1];
        double b0 = m[2];
        double b1 = m[3];
        return new FiniteSizeCoefficients(a1, 0.0, Double.NaN, (a0 * a0 / b0) * (2.0 * a1 / a0 - b1 / b0));
    }

    /** {τ₀(C), τ₁(C), τ₀(C²), τ₁(C²)} of the surrogate. */
    static double[] moments(double r, double d, double s, boolean zeroDiagonal) {
        ResolventTraces traces = new ResolventTraces(r * r, zeroDiagonal);
        ResolventTraces.Factor g = ResolventTraces.Factor.g(Complex.ONE);
        ResolventTraces.Factor h = ResolventTraces.Factor.h(Complex.ONE);
        // C = (D + s)GH − sG − sH + s·1: coefficients and words
        double[] coef = {d + s, -s, -s, s};
        List<List<ResolventTraces.Factor>> words = List.of(List.of(g, h), List.of(g), List.of(h), List.of());
        double a0 = 0.0;
        double a1 = 0.0;
        double b0 = 0.0;
        double b1 = 0.0;
        for (int i = 0; i < coef.length; i++) {
            ResolventTraces.Expansion e = trace(traces, words.get(i));
            a0 += coef[i] * e.planar().getReal();
            a1 += coef[i] * e.firstOrder().getReal();
            for (int j = 0; j < coef.length; j++) {
                List<ResolventTraces.Factor> w = new ArrayList<>(words.get(i));
                w.addAll(words.get(j));
                ResolventTraces.Expansion f = trace(traces, w);
                b0 += coef[i] * coef[j] * f.planar().getReal();
                b1 += coef[i] * coef[j] * f.firstOrder().getReal();
            }
        }
        return new double[] {a0, a1, b0, b1};
    }

    private static ResolventTraces.Expansion trace(ResolventTraces traces, List<ResolventTraces.Factor> word) {
        return word.isEmpty() ? new ResolventTraces.Expansion(Complex.ONE, Complex.ZERO)
                : traces.trace(word.toArray(new ResolventTraces.Factor[0]));
    }
}
