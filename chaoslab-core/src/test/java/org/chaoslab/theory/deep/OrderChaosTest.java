package org.chaoslab.theory.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phases, the boundary, the depth scales and the identities behind them. */
class OrderChaosTest {

    private static final DeepMeanField THEORY = new DeepMeanField();
    private static final TransferFunction TANH = new TransferFunctions.Tanh();

    @Test
    void tanhWithoutBiasHasItsBoundaryAtOne() {
        OrderChaosBoundary b = new OrderChaosBoundary(THEORY);
        // known limit (Poole et al. 2016): odd φ with φ′(0) = 1 and σ_b = 0 ⇒ σ_w² = 1/φ′(0)² = 1. On the
        // chaotic side χ1 − 1 = O((σ_w² − 1)²) (q* grows from 0 and the two terms cancel to first order), so
        // double rounding (1e-16) locates the sign change only to ~√1e-16 = 1e-8: tolerance 1e-7
        assertEquals(1.0, b.criticalWeightVariance(TANH, 1.0, 0.0), 1e-7);
        assertEquals(1.0, b.criticalWeightVariance(new TransferFunctions.ScaledErf(), 1.0, 0.0), 1e-7);
        // gain 2: φ′(0)² = 4 ⇒ σ_w² = 1/4
        assertEquals(0.25, b.criticalWeightVariance(TransferFunctions.parse("custom:tanh:2:0"), 1.0, 0.0), 1e-7);
        // ReLU: χ1 = σ_w²/2 for every q, so the boundary is σ_w² = 2 at any σ_b² (where q* ceases to exist)
        assertEquals(2.0, b.criticalWeightVariance(new TransferFunctions.Relu(), 1.0, 0.3), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "erf", "sigmoid", "custom:tanh:1.5:0.2"})
    void boundaryCurveHasChiOneAndSeparatesThePhases(String name) {
        TransferFunction phi = TransferFunctions.parse(name);
        double[] sb2 = {0.0, 0.05, 0.3, 1.0};
        BoundaryCurve curve = new OrderChaosBoundary(THEORY).compute(phi, 1.0, sb2);
        for (int k = 0; k < sb2.length; k++) {
            double sw2 = curve.weightVariance()[k];
            assertTrue(Double.isFinite(sw2), name + " sb2=" + sb2[k]);
            // the solver's tolerance is 1e-14 in σ_w², and |dχ1/dσ_w²| = O(1): χ1 = 1 to 1e-9
            assertEquals(1.0, curve.chi1()[k], 1e-9, name + " sb2=" + sb2[k]);
            assertEquals(DeepPhase.ORDERED, THEORY.solve(DeepNetwork.ensemble(phi, 0.98 * sw2, sb2[k], 1.0)).phase());
            assertEquals(DeepPhase.CHAOTIC, THEORY.solve(DeepNetwork.ensemble(phi, 1.02 * sw2, sb2[k], 1.0)).phase());
            if (k > 0) {
                assertTrue(sw2 > curve.weightVariance()[k - 1], "bias pushes the boundary to larger sigma_w^2");
            }
        }
    }

    @Test
    void depthScaleXiCDivergesAtTheBoundaryFromBothSides() {
        double sb2 = 0.05;
        double sc = new OrderChaosBoundary(THEORY).criticalWeightVariance(TANH, 1.0, sb2);
        for (int side : new int[] {-1, 1}) {
            double xi2 = xiC(sc * (1 + side * 1e-2), sb2);
            double xi3 = xiC(sc * (1 + side * 1e-3), sb2);
            // ξ_c = −1/ln χ_c ≈ 1/|1 − χ_c| and |1 − χ_c| ∝ |σ_w² − σ_w²_c| on both sides (transcritical
            // exchange of stability at c = 1): ten times closer ⇒ about ten times deeper; 6..14 allows the
            // O(δ) curvature of χ_c(σ_w²)
            assertTrue(xi3 / xi2 > 6 && xi3 / xi2 < 14, "side " + side + ": " + xi2 + " -> " + xi3);
            assertTrue(xi3 > 100, "xi_c near the boundary: " + xi3);
        }
        SignalPropagation deep = THEORY.solve(DeepNetwork.ensemble(TANH, 4.0, sb2, 1.0));
        assertTrue(deep.xiC() < 10 && deep.cStar() < 0.5, "far in the chaotic phase xi_c is short: " + deep);
    }

    private static double xiC(double sw2, double sb2) {
        return THEORY.solve(DeepNetwork.ensemble(TANH, sw2, sb2, 1.0)).xiC();
    }

    @Test
    void dropoutRemovesTheCriticalPoint() {
        double sb2 = 0.05;
        double sc = new OrderChaosBoundary(THEORY).criticalWeightVariance(TANH, 1.0, sb2);
        double maxXi = 0;
        for (double f = 0.8; f <= 1.2001; f += 0.01) {
            SignalPropagation s = THEORY.solve(DeepNetwork.ensemble(TANH, f * sc, sb2, 0.9));
            // with dropout M(1) = (σ_w²⟨φ²⟩ + σ_b²)/q* < 1: c = 1 is not a fixed point, c* < 1 everywhere
            assertTrue(s.cStar() < 0.999, "f=" + f + ": " + s.cStar());
            assertTrue(s.chiC() < 1.0);
            maxXi = Math.max(maxXi, s.xiC());
        }
        // without dropout ξ_c passes 100 within 0.1 % of the boundary (test above); with ρ = 0.9 it stays short
        assertTrue(maxXi < 20, "max xi_c with dropout: " + maxXi);
    }

    @Test
    void fixedPointsAreFixedAndStable() {
        for (String name : new String[] {"tanh", "erf", "sigmoid", "relu", "threshold-linear:-0.3", "custom:tanh:2:0.3"}) {
            for (double sw2 : new double[] {0.7, 1.9, 3.0}) {
                for (double keep : new double[] {1.0, 0.85}) {
                    DeepNetwork net = DeepNetwork.ensemble(TransferFunctions.parse(name), sw2, 0.2, keep);
                    SignalPropagation s = THEORY.solve(net);
                    if (!s.qStarExists()) {
                        continue;
                    }
                    String at = name + " sw2=" + sw2 + " keep=" + keep;
                    LengthMap lm = THEORY.lengthMap(net);
                    CorrelationMap cm = THEORY.correlationMap(net);
                    // Brent/Newton to 1e-14 relative; the maps are smooth with O(1) slopes
                    assertEquals(s.qStar(), lm.next(s.qStar()), 1e-12 * s.qStar(), at);
                    assertTrue(lm.slope(s.qStar()) < 1, at);
                    if (s.cStar() < 1) {
                        assertEquals(s.cStar(), cm.next(s.qStar(), s.cStar()), 1e-11, at);
                        assertTrue(s.chiC() < 1, at);
                    }
                }
            }
        }
    }

    @Test
    void lengthSlopeIsSteinsFormOfSchoenholzEquationFive() {
        GaussianExpectation e = GaussianExpectation.standard();
        for (String name : new String[] {"tanh", "erf", "sigmoid"}) {
            TransferFunction f = TransferFunctions.parse(name);
            DoubleUnaryOperator dd = SecondDerivative.of(f);
            double sw2 = 2.5;
            LengthMap lm = THEORY.lengthMap(DeepNetwork.ensemble(f, sw2, 0.1, 1.0));
            for (double q : new double[] {0.1, 1.0, 5.0}) {
                // Schoenholz et al. 2017, Eq. 5: χ1 + σ_w² ∫Dz φ″φ
                double direct = lm.chi1(q) + sw2 * e.expectation(PiecewiseSmooth.smooth(x -> dd.applyAsDouble(x) * f.phi(x)), 0, q);
                assertEquals(direct, lm.slope(q), 1e-11, name + " q=" + q);
                // and the derivative of the map itself (central difference, error ~h² Q‴ ≈ 1e-8)
                double h = 1e-4 * q;
                assertEquals((lm.next(q + h) - lm.next(q - h)) / (2 * h), lm.slope(q), 1e-7, name + " q=" + q);
            }
        }
    }

    @Test
    void secondDerivativesMatchFiniteDifferences() {
        for (String name : new String[] {"tanh", "erf", "sigmoid", "linear", "custom:sigmoid:3:0.5"}) {
            TransferFunction f = TransferFunctions.parse(name);
            DoubleUnaryOperator dd = SecondDerivative.of(f);
            for (double x : new double[] {-2.1, -0.3, 0.0, 0.7, 1.9}) {
                double h = 1e-5;
                // central difference of φ′: error ~h²φ⁗/6 + rounding 1e-16/h ≈ 1e-10
                assertEquals((f.derivative(x + h) - f.derivative(x - h)) / (2 * h), dd.applyAsDouble(x), 1e-8, name + " x=" + x);
            }
        }
        assertEquals(null, SecondDerivative.of(new TransferFunctions.Relu()));
    }
}
