package org.chaoslab.theory.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.junit.jupiter.api.Test;

class BivariateNormalTest {

    private final GaussianExpectation engine = GaussianExpectation.standard();

    @Test
    void owensTMatchesThePatefieldTandyTable() {
        // reference: scipy.special.owens_t 1.17.1 (Patefield–Tandy algorithm), printed with repr; the first six rows
        // are the Patefield–Tandy test table. Our quadrature is exact to rounding, so 1e-14 relative (≈ 50 ulp)
        // leaves room only for scipy's own rounding.
        double[][] table = {
                {0.0625, 0.25, 0.03891193023470137},
                {6.5, 0.4375, 2.0005773048508307e-11},
                {7, 0.96875, 6.39906271938987e-13},
                {4.78125, 0.0625, 1.0632974804687464e-07},
                {2, 0.5, 0.008625077985521508},
                {1, 0.9999975, 0.0667418089782286},
                {0.5, 0.3, 0.040786707344250106},
                {-1.3, 0.8, 0.03987634515488881},
                {3.0, 0.001, 1.7680484704294045e-06},
                {0.2, 5.0, 0.20401501587832285},
                {1.5, 2.5, 0.03340264823896033},
        };
        double worst = 0;
        for (double[] row : table) {
            double t = BivariateNormal.owensT(row[0], row[1]);
            worst = Math.max(worst, Math.abs(t / row[2] - 1));
            assertThat(t).as("T(%s, %s)", row[0], row[1]).isCloseTo(row[2], within(1e-14 * row[2]));
        }
        System.out.printf("Owen's T vs scipy: worst relative deviation %.2e%n", worst);
    }

    @Test
    void owensTClosedForms() {
        // T(0, a) = arctan(a)/2π, T(h, 1) = ½Φ(h)H(h), T(h, ∞) = ½H(|h|), T odd in a, even in h (Owen 1956);
        // the integrals are exact to rounding: 1e-15 absolute on O(0.1) values
        for (double a : new double[] {0.01, 0.3, 1.0, 2.0, 50.0}) {
            assertThat(BivariateNormal.owensT(0.0, a)).isCloseTo(Math.atan(a) / (2 * Math.PI), within(1e-15));
            assertThat(BivariateNormal.owensT(0.7, -a)).isEqualTo(-BivariateNormal.owensT(0.7, a));
        }
        for (double h : new double[] {-3.0, -0.4, 0.0, 0.9, 2.5, 8.0}) {
            double expected = 0.5 * BivariateNormal.cdf(h) * BivariateNormal.upperTail(h);
            assertThat(BivariateNormal.owensT(h, 1.0)).isCloseTo(expected, within(1e-15 * Math.max(expected, 1e-3)));
            assertThat(BivariateNormal.owensT(h, Double.POSITIVE_INFINITY))
                    .isEqualTo(0.5 * BivariateNormal.upperTail(Math.abs(h)));
            assertThat(BivariateNormal.owensT(-h, 0.6)).isEqualTo(BivariateNormal.owensT(h, 0.6));
        }
        // continuity across a = 1, where the method switches to the reflection formula
        assertThat(BivariateNormal.owensT(1.3, 1.0 + 1e-12)).isCloseTo(BivariateNormal.owensT(1.3, 1.0), within(1e-13));
    }

    @Test
    void owensTAgreesWithAnIndependentGaussianIntegral() {
        // T(h, a) = ∫_h^∞ ϕ(x)(Φ(ax) − ½) dx for h ≥ 0 (d/dh of Owen's integral), one engine expectation of a
        // function with a step at x = h; the engine's piecewise rule is accurate to ~1e-14
        for (double h : new double[] {0.0, 0.3, 1.1, 2.7}) {
            for (double a : new double[] {0.2, 1.0, 3.0}) {
                double expected = engine.expectation(PiecewiseSmooth.of(
                        x -> x > h ? BivariateNormal.cdf(a * x) - 0.5 : 0.0, h), 0.0, 1.0);
                assertThat(BivariateNormal.owensT(h, a)).isCloseTo(expected, within(1e-13));
            }
        }
    }

    @Test
    void orthantHasTheArcsineFormAtZeroThresholdAndTheRightLimits() {
        // Sheppard: Φ₂(0, 0; ρ) = ¼ + arcsin(ρ)/(2π); rounding only
        for (double rho = -1.0; rho <= 1.0; rho += 0.125) {
            assertThat(BivariateNormal.orthant(0.0, rho)).isCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), within(2e-16));
        }
        for (double h : new double[] {-2.0, -0.5, 0.4, 1.7}) {
            assertThat(BivariateNormal.orthant(h, 1.0)).isEqualTo(BivariateNormal.cdf(h));
            assertThat(BivariateNormal.orthant(h, -1.0)).isCloseTo(Math.max(0.0, 2 * BivariateNormal.cdf(h) - 1), within(1e-16));
            assertThat(BivariateNormal.orthant(h, 0.0)).isCloseTo(BivariateNormal.cdf(h) * BivariateNormal.cdf(h), within(1e-16));
            // ρ → 1: continuous, deficit ϕ(h)√((1−ρ)/π)(1 + O(1−ρ)); at 1 − ρ = 1e-12 the relative correction is ~1e-12
            double x = 1e-12;
            double sqrtLaw = BivariateNormal.pdf(h) * Math.sqrt(x / Math.PI);
            assertThat(BivariateNormal.deficit(h, x)).isCloseTo(sqrtLaw, within(1e-9 * sqrtLaw));
        }
    }

    @Test
    void orthantAgreesWithTheEnginesBivariateStepIntegral() {
        // an independent evaluation: E[Θ(h − u₁)Θ(h − u₂)] by the engine's nested piecewise quadrature (≤ 1e-13)
        PiecewiseSmooth below = PiecewiseSmooth.of(u -> u < 0 ? 1.0 : 0.0, 0.0);
        for (double h : new double[] {-1.2, 0.0, 0.8}) {
            for (double rho : new double[] {-0.9, -0.3, 0.2, 0.7, 0.99}) {
                double expected = engine.crossCorrelation(below, below, -h, 1.0, -h, 1.0, rho);
                assertThat(BivariateNormal.orthant(h, rho)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> BivariateNormal.orthant(0.0, 1.5)).hasMessageContaining("rho");
        assertThatThrownBy(() -> BivariateNormal.deficit(0.0, -0.1)).hasMessageContaining("1 - rho");
        assertThatThrownBy(() -> BivariateNormal.owensT(Double.NaN, 0.5)).hasMessageContaining("h");
    }
}
