package org.chaoslab.gauss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

/**
 * Closed forms and identities for the Gaussian-expectation engine. Tolerances: closed forms are
 * asserted at 10⁻¹² relative (the measured errors are 10⁻¹⁶ … 10⁻¹³; the margin absorbs rounding in
 * sums of ~10⁴ terms), finite-difference identities at the size of their truncation error.
 */
class GaussianExpectationTest {

    private static final GaussianExpectation ENGINE = GaussianExpectation.standard();
    /** High-resolution reference: 6001-point trapezoid on [−12, 12], h = 0.004 (resolves tanh up to q ~ 10⁴). */
    private static final GaussianExpectation REFERENCE = new GaussianExpectation(TrapezoidRule.fixed(6001, 12.0));
    /**
     * Reference for nested integrals: 1601 points on [−10, 10], h = 0.0125; for tanh at q ≤ 100 the
     * trapezoid error e^{−2πd/h}, d = π/(2√q), is below e^{−79}.
     */
    private static final GaussianExpectation REFERENCE_2D = new GaussianExpectation(TrapezoidRule.fixed(1601, 10.0));

    private static final GaussianExpectation HERMITE_20 = new GaussianExpectation(GaussHermiteRule.of(20));

    private static final double[] VARIANCES = {0.01, 0.3, 1.0, 4.0, 25.0, 100.0, 1000.0};

    @Test
    void secondMomentIsMeanSquaredPlusVariance() {
        DoubleUnaryOperator square = x -> x * x;
        for (double mu : new double[] {-3.0, 0.0, 0.5, 7.0}) {
            for (double v : VARIANCES) {
                double exact = mu * mu + v;
                // polynomial × Gaussian: the trapezoid rule is spectrally exact; 1e-13 is rounding
                assertEquals(exact, ENGINE.expectation(square, mu, v), 1e-13 * exact, "mu=" + mu + " v=" + v);
                assertEquals(exact, HERMITE_20.expectation(square, mu, v),
                        1e-13 * exact, "Gauss-Hermite, mu=" + mu + " v=" + v);
            }
        }
        assertEquals(6.25, ENGINE.expectation(square, 2.5, 0.0), 0.0, "zero variance: f(mean)");
    }

    @Test
    void tanhSquaredMatchesHighResolutionReference() {
        DoubleUnaryOperator t2 = x -> Math.tanh(x) * Math.tanh(x);
        for (double mu : new double[] {0.0, 0.3, -2.0}) {
            for (double v : VARIANCES) {
                double ref = REFERENCE.expectation(t2, mu, v);
                // measured ≤ 4e-15; the required accuracy of the engine is 1e-10
                assertEquals(ref, ENGINE.expectation(t2, mu, v), 1e-12, "mu=" + mu + " v=" + v);
            }
        }
    }

    @Test
    void gaussHermiteDegradesAtLargeVarianceWhereTrapezoidDoesNot() {
        // the science notes' warning: tanh has poles at distance π/(2√q) from the real axis in z
        DoubleUnaryOperator t2 = x -> Math.tanh(x) * Math.tanh(x);
        double ref = REFERENCE.expectation(t2, 0.3, 100.0);
        double gh = new GaussianExpectation(GaussHermiteRule.of(64)).expectation(t2, 0.3, 100.0);
        assertTrue(Math.abs(gh - ref) > 1e-3, "64-point Gauss-Hermite error at q=100: " + Math.abs(gh - ref));
        assertEquals(ref, ENGINE.expectation(t2, 0.3, 100.0), 1e-13);
    }

    @Test
    void tanhCorrelationMatchesReferenceAcrossCorrelations() {
        PiecewiseSmooth th = PiecewiseSmooth.smooth(Math::tanh);
        for (double q : new double[] {0.01, 1.0, 10.0, 100.0}) {
            for (double rho : new double[] {-1.0, -0.6, 0.0, 0.3, 0.7, 0.99, 0.9999, 1.0}) {
                double c = rho * q;
                double ref = REFERENCE_2D.correlation(th, 0.3, q, c);
                // measured ≤ 7e-14 with the default tolerance 1e-9; 1e-12 keeps a margin
                assertEquals(ref, ENGINE.correlation(th, 0.3, q, c), 1e-12, "q=" + q + " rho=" + rho);
            }
        }
    }

    @Test
    void linearCorrelationIsCovariancePlusMeanSquared() {
        DoubleUnaryOperator id = x -> x;
        for (double mu : new double[] {0.0, 1.3}) {
            for (double q : new double[] {0.5, 2.0, 50.0}) {
                for (double rho : new double[] {-1.0, -0.4, 0.0, 0.25, 0.8, 1.0}) {
                    double c = rho * q;
                    double exact = c + mu * mu;
                    assertEquals(exact, ENGINE.correlation(id, mu, q, c), 1e-12 * (q + mu * mu),
                            "mu=" + mu + " q=" + q + " c=" + c);
                }
            }
        }
    }

    @Test
    void reluCorrelationIsArcCosineKernel() {
        // Cho & Saul (2009): E relu(x)relu(y) = (q/2π)(sin θ + (π − θ) cos θ), θ = arccos(c/q), zero mean;
        // the step φ′ gives the degree-0 kernel (π − θ)/(2π)
        TransferFunction relu = TransferFunctions.parse("relu");
        PiecewiseSmooth phi = TransferIntegrands.phi(relu);
        PiecewiseSmooth step = TransferIntegrands.derivative(relu);
        for (double q : new double[] {0.01, 1.0, 37.0, 1e4}) {
            for (double rho : new double[] {-1.0, -0.9, -0.5, 0.0, 0.2, 0.5, 0.9, 0.999, 0.999999, 1.0}) {
                double c = rho * q;
                double theta = Math.acos(rho);
                double k1 = q / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta));
                double k0 = (Math.PI - theta) / (2 * Math.PI);
                // kinks are split exactly: measured ≤ 1e-15 relative (absolute scale q/2 for ρ = −1 where k1 = 0)
                assertEquals(k1, ENGINE.correlation(phi, 0.0, q, c), 1e-13 * q, "relu q=" + q + " rho=" + rho);
                assertEquals(k0, ENGINE.correlation(step, 0.0, q, c), 1e-13, "step q=" + q + " rho=" + rho);
            }
        }
    }

    @Test
    void kinksAreWhatMakesReluAccurate() {
        // the same ReLU declared smooth: the trapezoid rule converges only algebraically (documented ~1e-6)
        TransferFunction relu = TransferFunctions.parse("relu");
        double q = 2.0;
        double c = -0.5 * q;
        double theta = Math.acos(-0.5);
        double exact = q / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta));
        double smoothError = Math.abs(ENGINE.correlation(PiecewiseSmooth.smooth(relu::phi), 0.0, q, c) - exact);
        double kinkError = Math.abs(ENGINE.correlation(TransferIntegrands.phi(relu), 0.0, q, c) - exact);
        assertTrue(smoothError > 1e-9, "trapezoid on an undeclared kink: " + smoothError);
        assertTrue(kinkError < 1e-14, "split at the kink: " + kinkError);
    }

    @Test
    void thresholdLinearMeanHasClosedForm() {
        // E max(0, x − θ) = (μ−θ)Φ((μ−θ)/s) + s ϕ((μ−θ)/s)
        TransferFunction tl = TransferFunctions.parse("threshold-linear:0.7");
        PiecewiseSmooth phi = TransferIntegrands.phi(tl);
        for (double mu : new double[] {-2.0, 0.0, 0.7, 3.0}) {
            for (double v : new double[] {0.04, 1.0, 9.0}) {
                double s = Math.sqrt(v);
                double a = (mu - 0.7) / s;
                double exact = (mu - 0.7) * normalCdf(a) + s * Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI);
                assertEquals(exact, ENGINE.expectation(phi, mu, v), 1e-14 * (1 + Math.abs(mu)), "mu=" + mu + " v=" + v);
            }
        }
        // custom:relu:2:0.5 has its kink at 0.5: E = 2 E relu(x − 0.5)
        PiecewiseSmooth custom = TransferIntegrands.phi(TransferFunctions.parse("custom:relu:2:0.5"));
        assertEquals(0.5, TransferIntegrands.kinks(TransferFunctions.parse("custom:relu:2:0.5"))[0], 0.0);
        double a = (1.0 - 0.5) / 1.5;
        double exact = 2 * ((1.0 - 0.5) * normalCdf(a) + 1.5 * Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI));
        assertEquals(exact, ENGINE.expectation(custom, 1.0, 2.25), 1e-14);
    }

    @Test
    void erfCorrelationHasArcsineClosedForm() {
        // φ(x) = erf(a x), zero mean: E φ(x)φ(y) = (2/π) arcsin(2a²c / (1 + 2a²q)) (Williams 1998)
        TransferFunction erf = TransferFunctions.parse("erf");
        PiecewiseSmooth phi = TransferIntegrands.phi(erf);
        double a2 = Math.PI / 4.0; // the model's erf is erf(√π x / 2)
        for (double q : new double[] {0.01, 1.0, 10.0, 100.0, 1000.0}) {
            for (double rho : new double[] {-1.0, -0.5, 0.0, 0.2, 0.9, 0.999, 1.0}) {
                double c = rho * q;
                double exact = 2 / Math.PI * Math.asin(2 * a2 * c / (1 + 2 * a2 * q));
                // results are O(1); measured ≤ 1e-14 up to q = 100, 3e-12 at q = 1000, where the inner
                // integrals of outer nodes far in the tail converge pre-asymptotically (TrapezoidRule doc)
                double tol = q <= 100 ? 1e-13 : 1e-10;
                assertEquals(exact, ENGINE.correlation(phi, 0.0, q, c), tol, "q=" + q + " rho=" + rho);
            }
        }
    }

    @Test
    void pricesTheoremHoldsByFiniteDifferences() {
        // ∂F_φ/∂c = F_{φ′} (Price 1958). Central difference with h = 1e-4 q: truncation h²F‴/6 ~ 1e-9 relative,
        // rounding ~1e-15/1e-4 = 1e-11: tolerance 1e-7 relative
        String[] names = {"tanh", "erf", "sigmoid", "relu", "threshold-linear:0.3", "custom:tanh:2:0.5"};
        for (String name : names) {
            TransferFunction tf = TransferFunctions.parse(name);
            PiecewiseSmooth phi = TransferIntegrands.phi(tf);
            PiecewiseSmooth d = TransferIntegrands.derivative(tf);
            for (double mu : new double[] {0.0, 0.4}) {
                for (double q : new double[] {0.5, 3.0, 40.0}) {
                    for (double rho : new double[] {-0.7, 0.0, 0.5, 0.95}) {
                        double c = rho * q;
                        double h = 1e-4 * q;
                        double fd = (ENGINE.correlation(phi, mu, q, c + h) - ENGINE.correlation(phi, mu, q, c - h)) / (2 * h);
                        double exact = ENGINE.correlation(d, mu, q, c);
                        assertEquals(exact, fd, 1e-7 * (1 + Math.abs(exact)), name + " mu=" + mu + " q=" + q + " rho=" + rho);
                    }
                }
            }
        }
    }

    @Test
    void generalPairMatchesLognormalAndIsserlis() {
        // E e^x e^y = exp(μx + μy + (vx + vy + 2c)/2); E x²y² = vx vy + 2c² (zero means)
        DoubleUnaryOperator exp = Math::exp;
        DoubleUnaryOperator sq = x -> x * x;
        double vx = 0.8;
        double vy = 2.5;
        double limit = Math.sqrt(vx * vy);
        for (double rho : new double[] {-1.0, -0.3, 0.0, 0.6, 1.0}) {
            double c = rho * limit;
            double ln = Math.exp(0.2 - 0.5 + 0.5 * (vx + vy + 2 * c));
            assertEquals(ln, ENGINE.crossCorrelation(exp, exp, 0.2, vx, -0.5, vy, c), 1e-12 * ln, "exp rho=" + rho);
            double is = vx * vy + 2 * c * c;
            assertEquals(is, ENGINE.crossCorrelation(sq, sq, 0.0, vx, 0.0, vy, c), 1e-12 * is, "x2y2 rho=" + rho);
        }
        // cross term of two different functions with equal variances: E x·tanh(y) = c E[tanh′] (Stein)
        double q = 2.0;
        double c = 0.7;
        double stein = c * ENGINE.expectation(x -> 1 - Math.tanh(x) * Math.tanh(x), 0.0, q);
        assertEquals(stein, ENGINE.crossCorrelation(x -> x, Math::tanh, 0.0, q, c), 1e-13);
    }

    @Test
    void limitsOfTheCorrelation() {
        PiecewiseSmooth sig = TransferIntegrands.phi(TransferFunctions.parse("sigmoid"));
        double mu = 0.4;
        double q = 9.0;
        double m = ENGINE.expectation(sig, mu, q);
        double m2 = ENGINE.expectation(x -> sig.applyAsDouble(x) * sig.applyAsDouble(x), mu, q);
        assertEquals(m * m, ENGINE.correlation(sig, mu, q, 0.0), 1e-15, "c = 0: (E φ)²");
        assertEquals(m2, ENGINE.correlation(sig, mu, q, q), 1e-14, "c = q: E φ²");
        // rounding just beyond |c| = q is clamped; a real violation is an error
        assertEquals(m2, ENGINE.correlation(sig, mu, q, q * (1 + 1e-14)), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> ENGINE.correlation(sig, mu, q, 1.01 * q));
        assertThrows(IllegalArgumentException.class, () -> ENGINE.expectation(sig, mu, -1.0));
    }

    @Test
    void engineIsUsableFromManyThreads() {
        PiecewiseSmooth th = PiecewiseSmooth.smooth(Math::tanh);
        double expected = ENGINE.correlation(th, 0.1, 3.0, 1.2);
        double[] got = java.util.stream.IntStream.range(0, 64).parallel()
                .mapToDouble(i -> ENGINE.correlation(th, 0.1, 3.0, 1.2)).toArray();
        for (double v : got) {
            assertEquals(expected, v, 0.0);
        }
    }

    private static double normalCdf(double x) {
        return 0.5 * org.apache.commons.numbers.gamma.Erfc.value(-x / Math.sqrt(2.0));
    }
}
