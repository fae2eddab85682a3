package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/**
 * The closed-form 1/N coefficients against the loop equations they come from (docs/finite-size-covariance.md), solved
 * here step by step in numbers: a check of the algebra. The physics check (exact realizations) is
 * compare/CorrelationStatisticsTest.
 */
class LinearCovarianceFiniteSizeTest {

    /** {κ_ā, κ_{N Var c}, κ_{PR/N}} at D = 1 from the loop equations for the 1/N parts (primes) of τ(G), τ(GG*), …. */
    static double[] fromLoopEquations(double r, boolean zeroDiagonal) {
        double s = r * r;
        double q = 1 - s;
        double a0 = 1 / q;                  // planar τ(G G*)
        double m0 = 1 / (q * q);            // planar τ(G G* G*)
        double b0 = 1 / Math.pow(q, 4);     // planar τ(G G* G G*)
        double t3 = 1 / Math.pow(q, 3);     // planar τ(G G*³)
        double t5 = (1 + s) / Math.pow(q, 5);   // planar τ(G G* G G* G*)
        double z = zeroDiagonal ? 1 : 0;    // W_ii = 0: −s Σ_positions τ(AX)τ(XB) per equation
        double g1 = s * a0 - z * s;
        double a = (g1 * (1 + s * a0) + s * m0 - z * s * 2 * a0) / (1 - s);
        double g2 = g1 + 2 * s * m0 - z * s * 2;
        double m = (g2 * (1 + s * a0) + s * a + s * m0 * g1 + s * t3 - z * s * (2 * m0 + a0)) / (1 - s);
        double b = (m * (1 + s * a0) + m0 * s * a + s * b0 * g1 + 2 * s * t5 - z * s * 2 * (b0 + a0 * m0)) / (1 - s);
        double v = 4 * (zeroDiagonal ? s * s : s) * a0 * a0 * a0 + 2 * s * s * b0;   // N Var c_ii (cavity)
        double nVar = b - 2 * a0 * a - v + (b0 - a0 * a0);
        double pr = (a0 * a0 / b0) * (2 * a / a0 - b / b0);
        return new double[] {a, nVar, pr};
    }

    @Test
    void closedFormsSolveTheLoopEquations() {
        for (boolean zd : new boolean[] {false, true}) {
            for (double r : new double[] {0.1, 0.3, 0.6, 0.9, 0.99}) {
                FiniteSizeCoefficients k = LinearCovariance.zeroFrequencyFiniteSize(r, 1.0, zd);
                double[] loop = fromLoopEquations(r, zd);
                double[] closed = {k.meanAutoCov(), k.scaledVarCrossCov(), k.participationRatioPerN()};
                for (int i = 0; i < 3; i++) {
                    // same arithmetic up to rounding: relative 1e-9 (the coefficients grow like (1 − R²)^−6 at R = 0.99)
                    assertThat(closed[i]).as("R=" + r + " zd=" + zd + " stat " + i)
                            .isCloseTo(loop[i], offset(1e-9 * Math.max(1, Math.abs(loop[i]))));
                }
                assertThat(k.meanCrossCov()).isZero();
            }
        }
    }

    @Test
    void scalingWithNoiseIntensityAndTheFiniteNPrediction() {
        double r = 0.6;
        double d = 2.5;
        FiniteSizeCoefficients k1 = LinearCovariance.zeroFrequencyFiniteSize(r, 1.0, false);
        FiniteSizeCoefficients kd = LinearCovariance.zeroFrequencyFiniteSize(r, d, false);
        assertThat(kd.meanAutoCov()).isCloseTo(d * k1.meanAutoCov(), offset(1e-12));
        assertThat(kd.scaledVarCrossCov()).isCloseTo(d * d * k1.scaledVarCrossCov(), offset(1e-9));
        assertThat(kd.participationRatioPerN()).isCloseTo(k1.participationRatioPerN(), offset(1e-15));
        CovariancePrediction inf = LinearCovariance.zeroFrequency(r, d, 250);
        CovariancePrediction fin = LinearCovariance.zeroFrequencyFiniteN(r, d, 250, false);
        assertThat(fin.meanAutoCov() - inf.meanAutoCov()).isCloseTo(kd.meanAutoCov() / 250, offset(1e-12));
        assertThat(250 * (fin.varCrossCov() - inf.varCrossCov())).isCloseTo(kd.scaledVarCrossCov() / 250, offset(1e-12));
        assertThat(fin.participationRatioPerN() - inf.participationRatioPerN())
                .isCloseTo(kd.participationRatioPerN() / 250, offset(1e-15));
        assertThat(fin.eigenUpper()).isEqualTo(inf.eigenUpper());
    }
}
