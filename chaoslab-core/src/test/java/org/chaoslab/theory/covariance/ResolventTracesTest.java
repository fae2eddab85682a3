package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.chaoslab.theory.covariance.ResolventTraces.Factor;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

/**
 * The word expansion of {@link ResolventTraces} against what is known independently of it: the circular-law values of
 * the planar traces, the two-site four-resolvent kernel of {@link EqualTimeCovariance}, and the 1/N coefficients of the
 * zero-frequency statistics solved by hand from the loop equations (docs/finite-size-covariance.md). The physics check
 * of the equal-time 1/N terms (exact Lyapunov solutions of sampled networks) is compare/EqualTimeFiniteSizeTest.
 */
class ResolventTracesTest {

    @Test
    void planarTracesAreTheCircularLawValues() {
        double s = 0.49;
        ResolventTraces t = new ResolventTraces(s, false);
        Complex z = new Complex(1.0, 0.7);
        Complex w = new Complex(1.2, -0.3);
        // τ(G_z) = 1/z outside the disk; τ(G_z H_w) = 1/(zw − s); products of G alone: 1/(z w)
        assertClose(t.trace(Factor.g(z)).planar(), z.reciprocal());
        assertClose(t.trace(Factor.h(z)).planar(), z.reciprocal());
        assertClose(t.trace(Factor.g(z), Factor.h(w)).planar(), z.multiply(w).subtract(s).reciprocal());
        assertClose(t.trace(Factor.g(z), Factor.g(w)).planar(), z.multiply(w).reciprocal());
        // the four-resolvent kernel t₁t₂/|1 − R²S₁S₂*|², S = 1/(1 + iω), of the equal-time closed forms
        double w1 = 0.8;
        double w2 = -1.7;
        Complex z1 = new Complex(1.0, w1);
        Complex z2 = new Complex(1.0, w2);
        Complex four = t.trace(Factor.g(z1), Factor.h(z1.conjugate()), Factor.g(z2), Factor.h(z2.conjugate())).planar();
        assertThat(four.getReal()).isCloseTo(EqualTimeCovariance.fourResolventTrace(Math.sqrt(s), w1, w2), offset(1e-13));
        assertThat(four.getImaginary()).isCloseTo(0.0, offset(1e-13));
    }

    @Test
    void firstOrderTermsReproduceTheZeroFrequencyCoefficients() {
        for (boolean zd : new boolean[] {false, true}) {
            for (double r : new double[] {0.3, 0.6, 0.9}) {
                double s = r * r;
                ResolventTraces t = new ResolventTraces(s, zd);
                Factor g = Factor.g(Complex.ONE);
                Factor h = Factor.h(Complex.ONE);
                ResolventTraces.Expansion a = t.trace(g, h);
                ResolventTraces.Expansion b = t.trace(g, h, g, h);
                double a0 = a.planar().getReal();
                double a1 = a.firstOrder().getReal();
                double b0 = b.planar().getReal();
                double b1 = b.firstOrder().getReal();
                FiniteSizeCoefficients k = LinearCovariance.zeroFrequencyFiniteSize(r, 1.0, zd);
                double q = 1 - s;
                assertThat(a0).isCloseTo(1 / q, offset(1e-12 / q));
                assertThat(b0).isCloseTo(Math.pow(q, -4), offset(1e-12 * Math.pow(q, -4)));
                assertThat(a1).as("κ_ā R=%s zd=%s", r, zd).isCloseTo(k.meanAutoCov(), offset(1e-10 * Math.pow(q, -3)));
                double pr = (a0 * a0 / b0) * (2 * a1 / a0 - b1 / b0);
                assertThat(pr).as("κ_PR R=%s zd=%s", r, zd).isCloseTo(k.participationRatioPerN(), offset(1e-10));
            }
        }
    }

    @Test
    void equalTimeCoefficientsConvergeInTheQuadrature() {
        // the 1/N coefficients at 64 nodes (the default) against 128: the integrands are smooth in θ (ω = a tan θ): relative 1e-7 at R = 0.9, far below any statistical use
        for (double r : new double[] {0.6, 0.9}) {
            FiniteSizeCoefficients k = EqualTimeCovariance.finiteSize(r, 1.0, false);
            double[] fine = finiteSizeWith(r, 128);
            assertThat(k.meanAutoCov()).isCloseTo(fine[0], offset(1e-7 * Math.abs(fine[0])));
            assertThat(k.participationRatioPerN()).isCloseTo(fine[1], offset(1e-7 * Math.abs(fine[1])));
            assertThat(k.meanCrossCov()).isZero();
        }
        // κ of N·Var c_ij against the python prototype of the same derivation (different code: numpy, 48 nodes):
        // 0.385477 (diagonal kept), −0.0750024 (zero diagonal) at R = 0.6
        assertThat(EqualTimeCovariance.finiteSize(0.6, 1.0, false).scaledVarCrossCov()).isCloseTo(0.385477066, offset(1e-6));
        assertThat(EqualTimeCovariance.finiteSize(0.6, 1.0, true).scaledVarCrossCov()).isCloseTo(-0.0750023995, offset(1e-6));
        // scaling: κ_ā ∝ D, κ_PR independent of D
        FiniteSizeCoefficients one = EqualTimeCovariance.finiteSize(0.6, 1.0, false);
        FiniteSizeCoefficients two = EqualTimeCovariance.finiteSize(0.6, 2.5, false);
        assertThat(two.meanAutoCov()).isCloseTo(2.5 * one.meanAutoCov(), offset(1e-12));
        assertThat(two.participationRatioPerN()).isCloseTo(one.participationRatioPerN(), offset(1e-12));
    }

    @Test
    void surrogateTermsReduceToTheLinearNetworkAndKeepTheCavityValues() {
        for (boolean zd : new boolean[] {false, true}) {
            FiniteSizeCoefficients lin = LinearCovariance.zeroFrequencyFiniteSize(0.6, 2.0, zd);
            FiniteSizeCoefficients sur = SurrogateFiniteSize.zeroFrequency(0.6, 2.0, 0.0, zd);
            assertThat(sur.meanAutoCov()).isCloseTo(lin.meanAutoCov(), offset(1e-10));
            assertThat(sur.participationRatioPerN()).isCloseTo(lin.participationRatioPerN(), offset(1e-10));
        }
        // the quenched tanh network of the report (g = 1.5, σ = 2): R = 0.475693, D = 4, s = 0.126067/0.317129²; the
        // planar parts are the cavity's ā = (D + sR²)/(1 − R²) = 5.53646 and PR/N = 0.583574 (QuenchedCovariance)
        double r = 0.47569288024499157;
        double s = 0.12606656969293384 / (0.3171285868299944 * 0.3171285868299944);
        double[] m = SurrogateFiniteSize.moments(r, 4.0, s, false);
        assertThat(m[0]).isCloseTo((4.0 + s * r * r) / (1 - r * r), offset(1e-12));
        assertThat(m[0] * m[0] / m[2]).isCloseTo(0.583574117880035, offset(1e-9));
        // its 1/N terms (python word expansion, scripts/finite-size/equal_time_words.py's method: κ_ā = 4.39998,
        // κ_PR = −0.895841)
        FiniteSizeCoefficients k = SurrogateFiniteSize.zeroFrequency(r, 4.0, s, false);
        assertThat(k.meanAutoCov()).isCloseTo(4.399983535, offset(1e-6));
        assertThat(k.participationRatioPerN()).isCloseTo(-0.8958412011, offset(1e-8));
    }

    private static double[] finiteSizeWith(double r, int nodes) {
        double s = r * r;
        double a = Math.sqrt(1 - s);
        var gl = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(nodes, -Math.PI / 2, Math.PI / 2);
        ResolventTraces t = new ResolventTraces(s, false);
        double a0 = 0, a1 = 0, b0 = 0, b1 = 0;
        for (int i = 0; i < nodes; i++) {
            t.clear();
            double c1 = Math.cos(gl.getPoint(i));
            double wi = gl.getWeight(i) * a / (c1 * c1) / (2 * Math.PI);
            Complex z1 = new Complex(1, a * Math.tan(gl.getPoint(i)));
            var one = t.trace(Factor.g(z1), Factor.h(z1.conjugate()));
            a0 += wi * one.planar().getReal();
            a1 += wi * one.firstOrder().getReal();
            for (int j = 0; j < nodes; j++) {
                double c2 = Math.cos(gl.getPoint(j));
                double wj = gl.getWeight(j) * a / (c2 * c2) / (2 * Math.PI);
                Complex z2 = new Complex(1, a * Math.tan(gl.getPoint(j)));
                var two = t.trace(Factor.g(z1), Factor.h(z1.conjugate()), Factor.g(z2), Factor.h(z2.conjugate()));
                b0 += wi * wj * two.planar().getReal();
                b1 += wi * wj * two.firstOrder().getReal();
            }
        }
        return new double[] {a1, (a0 * a0 / b0) * (2 * a1 / a0 - b1 / b0)};
    }

    private static void assertClose(Complex actual, Complex expected) {
        assertThat(actual.getReal()).isCloseTo(expected.getReal(), offset(1e-13));
        assertThat(actual.getImaginary()).isCloseTo(expected.getImaginary(), offset(1e-13));
    }
}
