package org.chaoslab.theory.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

/**
 * The maps against closed forms that do not go through the quadrature: ReLU (arc-cosine kernel of
 * degree 1, Cho &amp; Saul 2009), erf (Williams 1997), linear φ. Tolerance 10⁻¹¹ relative: the engine is
 * accurate to ≤ 10⁻¹³ for these integrands (GaussianExpectation's notes); the margin covers the
 * division by q^l and sums of ~10³ terms.
 */
class ClosedFormMapsTest {

    private static final DeepMeanField THEORY = new DeepMeanField();
    private static final double TOL = 1e-11;
    /** erf(a x), a = √π/2. */
    private static final double A2 = Math.PI / 4.0;

    @Test
    void reluMapsAreTheArcCosineKernel() {
        double sw2 = 1.7;
        double sb2 = 0.2;
        DeepNetwork net = DeepNetwork.ensemble(new TransferFunctions.Relu(), sw2, sb2, 1.0);
        LengthMap lm = THEORY.lengthMap(net);
        CorrelationMap cm = THEORY.correlationMap(net);
        for (double q : new double[] {0.01, 0.7, 3.0, 40.0}) {
            // ⟨relu(√q z)²⟩ = q/2; Q′ = σ_w²/2 = χ1 for every q
            assertEquals(sw2 * q / 2 + sb2, lm.next(q), TOL * q);
            assertEquals(sw2 / 2, lm.slope(q), TOL);
            assertEquals(sw2 / 2, lm.chi1(q), TOL);
            for (double c : new double[] {-0.9, 0.0, 0.4, 0.95, 1.0}) {
                // E relu(u1)relu(u2) = q/(2π) (√(1−c²) + (π − arccos c) c) (Cho & Saul 2009, degree 1)
                double k1 = q / (2 * Math.PI) * (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c);
                assertEquals(sw2 * k1 + sb2, cm.nextCovariance(q, c), TOL * q, "q=" + q + " c=" + c);
                // E Θ(u1)Θ(u2) = (π − arccos c)/(2π) (degree 0)
                double k0 = (Math.PI - Math.acos(c)) / (2 * Math.PI);
                assertEquals(sw2 * q * k0 / lm.next(q), cm.slope(q, c), TOL, "slope q=" + q + " c=" + c);
            }
        }
    }

    @Test
    void reluFixedPointAndItsAbsence() {
        for (double keep : new double[] {1.0, 0.8}) {
            for (double sw2 : new double[] {0.5, 1.2, 1.5}) {
                double sb2 = 0.3;
                SignalPropagation s = THEORY.solve(DeepNetwork.ensemble(new TransferFunctions.Relu(), sw2, sb2, keep));
                // q = (σ_w²/ρ) q/2 + σ_b²  ⇒  q* = σ_b²/(1 − σ_w²/(2ρ))
                assertEquals(sb2 / (1 - sw2 / (2 * keep)), s.qStar(), TOL * s.qStar(), "keep=" + keep + " sw2=" + sw2);
                assertEquals(sw2 / 2, s.chi1(), TOL);
                assertEquals(-1 / Math.log(sw2 / (2 * keep)), s.xiQ(), 1e-9);
            }
            // beyond σ_w² = 2ρ: no fixed point, reported (and found quickly, not by looping)
            long t0 = System.nanoTime();
            SignalPropagation none = THEORY.solve(DeepNetwork.ensemble(new TransferFunctions.Relu(), 2.5 * keep, 0.1, keep));
            assertFalse(none.qStarExists());
            assertEquals(DeepPhase.UNBOUNDED, none.phase());
            assertTrue(none.note().contains("no fixed point"));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "no-fixed-point detection must be fast");
        }
    }

    @Test
    void erfMapsAreWilliamsKernels() {
        double sw2 = 2.3;
        double sb2 = 0.1;
        DeepNetwork net = DeepNetwork.ensemble(new TransferFunctions.ScaledErf(), sw2, sb2, 1.0);
        LengthMap lm = THEORY.lengthMap(net);
        CorrelationMap cm = THEORY.correlationMap(net);
        for (double q : new double[] {0.05, 1.0, 6.0}) {
            double s = 1 + 2 * A2 * q;
            // E erf(a u1) erf(a u2) = (2/π) arcsin(2a²Σ12/(1 + 2a²q)) (Williams 1997)
            assertEquals(sw2 * 2 / Math.PI * Math.asin(2 * A2 * q / s) + sb2, lm.next(q), TOL * lm.next(q));
            // E φ′² = E e^{−2a²x²} = 1/√(1 + 4a²q)
            assertEquals(sw2 / Math.sqrt(1 + 4 * A2 * q), lm.chi1(q), TOL);
            for (double c : new double[] {-0.5, 0.3, 0.99}) {
                double cov = sw2 * 2 / Math.PI * Math.asin(2 * A2 * q * c / s) + sb2;
                assertEquals(cov, cm.nextCovariance(q, c), TOL * Math.abs(cov), "q=" + q + " c=" + c);
                // E e^{−a²u1²} e^{−a²u2²} = 1/√((1 + 2a²q)² − (2a²qc)²)
                double dd = 1 / Math.sqrt(s * s - Math.pow(2 * A2 * q * c, 2));
                assertEquals(sw2 * dd, cm.chiC(q, c), TOL, "q=" + q + " c=" + c);
            }
        }
    }

    @Test
    void erfFixedPointsAgreeWithClosedFormIteration() {
        // solve the closed-form maps by plain iteration (independent of the quadrature and of Newton)
        for (double sw2 : new double[] {1.2, 2.0, 3.5}) {
            double sb2 = 0.05;
            double q = 1.0;
            for (int i = 0; i < 2000; i++) {
                q = sw2 * 2 / Math.PI * Math.asin(2 * A2 * q / (1 + 2 * A2 * q)) + sb2;
            }
            double chi1 = sw2 / Math.sqrt(1 + 4 * A2 * q);
            double c = chi1 > 1 ? 0.5 : 1.0;
            for (int i = 0; i < 20000 && chi1 > 1; i++) {
                c = (sw2 * 2 / Math.PI * Math.asin(2 * A2 * q * c / (1 + 2 * A2 * q)) + sb2) / q;
            }
            SignalPropagation s = THEORY.solve(DeepNetwork.ensemble(new TransferFunctions.ScaledErf(), sw2, sb2, 1.0));
            assertEquals(q, s.qStar(), 1e-11 * q, "sw2=" + sw2);
            assertEquals(chi1, s.chi1(), 1e-11, "sw2=" + sw2);
            // the plain iteration converges like χ_c^n (≥ 0.95 here): 20000 steps leave < 1e-12
            assertEquals(c, s.cStar(), 1e-9, "sw2=" + sw2);
            assertEquals(chi1 > 1 ? DeepPhase.CHAOTIC : DeepPhase.ORDERED, s.phase());
        }
    }

    @Test
    void linearNetworkIsSolvedExactly() {
        double sb2 = 0.4;
        for (double sw2 : new double[] {0.3, 0.9}) {
            SignalPropagation s = THEORY.solve(DeepNetwork.ensemble(new TransferFunctions.Linear(), sw2, sb2, 1.0));
            double qStar = sb2 / (1 - sw2); // q = σ_w² q + σ_b²
            assertEquals(qStar, s.qStar(), TOL * qStar);
            assertEquals(sw2, s.chi1(), TOL);
            assertEquals(1.0, s.cStar(), 0.0);
            assertEquals(0.0, s.chi2(), 0.0);
            // q^l − q* = σ_w^{2(l−1)} (q^1 − q*): the first l with |q^l − q*| ≤ 10⁻³ max(q*, q^1)
            double q1 = sw2 + sb2;
            int expected = 1;
            while (Math.pow(sw2, expected - 1) * Math.abs(q1 - qStar) > LengthMap.DEPTH_TOLERANCE * Math.max(qStar, q1)) {
                expected++;
            }
            assertEquals(expected, s.convergenceDepth());
        }
        assertEquals(DeepPhase.UNBOUNDED,
                THEORY.solve(DeepNetwork.ensemble(new TransferFunctions.Linear(), 1.5, 0.1, 1.0)).phase());
    }
}
