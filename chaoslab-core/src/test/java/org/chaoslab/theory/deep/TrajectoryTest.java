package org.chaoslab.theory.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

/** Layer trajectories, the circle's length and curvature, and the phase-diagram grid. */
class TrajectoryTest {

    private static final DeepMeanField THEORY = new DeepMeanField();
    private static final TransferFunction TANH = new TransferFunctions.Tanh();

    @Test
    void layersStartFromTheInputsAndConvergeToTheFixedPoints() {
        DeepNetwork net = DeepNetwork.of(1000, 80, TANH, 2.5, 0.1);
        DeepNetworkInputs in = DeepNetworkInputs.pairs(0.3, 0.2, 4);
        LayerTrajectory t = THEORY.layers(net, in);
        assertEquals(2.5 * 0.3 + 0.1, t.q()[0], 1e-15);
        assertEquals((2.5 * 0.3 * 0.2 + 0.1) / (2.5 * 0.3 + 0.1), t.c()[0], 1e-15);
        assertEquals(2.5, t.jacobian()[0], 0.0);
        SignalPropagation s = THEORY.solve(net);
        // 80 layers ≫ ξ_q, ξ_c (1.1 and 11 here): the remaining distance e^{−80/11} < 1e-3 of the start
        assertEquals(s.qStar(), t.q()[79], 1e-12);
        assertEquals(s.cStar(), t.c()[79], 1e-3);
        assertEquals(s.chi1(), t.jacobian()[79], 1e-12);
    }

    @Test
    void circleRecursionIsPooleEquationNineAtTheFixedPoint() {
        // σ_b = 0 and q^1 = q*: a great circle of radius √(N q*) at layer 1, κ̃_1 = 1, exactly Poole's setting
        for (double sw2 : new double[] {0.8, 2.5}) {
            DeepNetwork net = DeepNetwork.of(1000, 30, TANH, sw2, 0.0);
            SignalPropagation s = THEORY.solve(net);
            if (s.qStar() == 0) {
                net = DeepNetwork.of(1000, 30, TANH, sw2, 0.01);
                s = THEORY.solve(net);
            }
            double q0c = (s.qStar() - net.biasVariance()) / sw2;
            CircleTrajectory c = THEORY.circle(net, q0c);
            double k2 = c.curvature()[0] * c.curvature()[0];
            for (int l = 1; l < 30; l++) {
                // κ̃_l² = 3χ2/χ1² + κ̃²_{l−1}/χ1 (Poole et al. 2016, Eq. 9), q^l = q* throughout (1e-12)
                k2 = 3 * s.chi2() / (s.chi1() * s.chi1()) + k2 / s.chi1();
                assertEquals(Math.sqrt(k2), c.curvature()[l], 1e-9 * Math.sqrt(k2), "sw2=" + sw2 + " l=" + l);
                assertEquals(Math.sqrt(s.chi1()), c.lengthEuclidean()[l] / c.lengthEuclidean()[l - 1], 1e-10);
            }
            // L^E_1 = 2π √(N (q* − σ_b²)), and L^G = 2π κ̃ χ1^{(l−1)/2} · (L^E_1/(2π√(N q*)))
            assertEquals(2 * Math.PI * Math.sqrt(1000 * sw2 * q0c), c.lengthEuclidean()[0], 1e-9);
            for (int l = 0; l < 30; l++) {
                assertEquals(c.curvature()[l] * c.lengthEuclidean()[l] / Math.sqrt(1000 * c.q()[l]), c.lengthGrassmann()[l],
                        1e-9 * c.lengthGrassmann()[l]);
            }
            if (s.phase() == DeepPhase.CHAOTIC) {
                // κ̃² → κ̃*² = 3χ2/(χ1(χ1−1)) geometrically: κ̃_l² − κ̃*² = (κ̃_{l−1}² − κ̃*²)/χ1
                double ks = s.curvatureStar() * s.curvatureStar();
                double ratio = (Math.pow(c.curvature()[29], 2) - ks) / (Math.pow(c.curvature()[28], 2) - ks);
                assertEquals(1 / s.chi1(), ratio, 1e-6);
            } else {
                // ordered: κ̃² ← κ̃²/χ1 + const, so κ̃ grows by 1/√χ1 per layer as the circle shrinks
                assertEquals(1 / Math.sqrt(s.chi1()), c.curvature()[29] / c.curvature()[28], 1e-3);
            }
        }
    }

    @Test
    void kinkedPhiHasInfiniteCurvatureAndDropoutNoManifold() {
        CircleTrajectory relu = THEORY.circle(DeepNetwork.of(100, 3, new TransferFunctions.Relu(), 1.5, 0.1), 1.0);
        assertEquals(Double.POSITIVE_INFINITY, relu.curvature()[1]);
        assertTrue(Double.isFinite(relu.lengthEuclidean()[2]));
        assertTrue(relu.note().contains("kinks"));
        CircleTrajectory drop = THEORY.circle(DeepNetwork.of(100, 3, TANH, 1.5, 0.1).withKeepProbability(0.9), 1.0);
        assertTrue(Double.isNaN(drop.lengthEuclidean()[0]));
    }

    @Test
    void phaseDiagramGridAgreesWithPointSolvesAndIgnoresThreads() {
        double[] sw = {0.6, 1.3, 1.9, 2.6, 3.4, 4.5};
        double[] sb = {0.0, 0.04, 0.2, 0.5, 1.0};
        PhaseDiagram pd = new PhaseDiagram(PhaseDiagram.gridTheory());
        PhaseDiagramGrid one;
        PhaseDiagramGrid two;
        try (ParallelRows p1 = new ParallelRows(1); ParallelRows p2 = new ParallelRows(2)) {
            one = pd.compute(TANH, 1.0, sw, sb, p1);
            two = pd.compute(TANH, 1.0, sw, sb, p2);
        }
        // fixed row blocks and row-local continuation: bit-identical for any thread count
        assertArrayEquals(one.xiC(), two.xiC(), 0.0);
        assertArrayEquals(one.cStar(), two.cStar(), 0.0);
        for (int i = 0; i < sw.length; i++) {
            for (int j = 0; j < sb.length; j++) {
                SignalPropagation s = THEORY.solve(DeepNetwork.ensemble(TANH, sw[i], sb[j], 1.0));
                int k = one.index(i, j);
                String at = "sw2=" + sw[i] + " sb2=" + sb[j];
                // the grid engine's measured accuracy (PhaseDiagram.gridTheory): χ1 6e-13, c* 2.4e-6, ξ_c 3e-5
                assertEquals(s.chi1(), one.chi1()[k], 1e-11, at);
                assertEquals(s.qStar(), one.qStar()[k], 1e-10 * Math.max(1, s.qStar()), at);
                assertEquals(s.cStar(), one.cStar()[k], 1e-5, at);
                assertEquals(s.xiQ(), one.xiQ()[k], 1e-8 * s.xiQ(), at);
                assertEquals(s.xiC(), one.xiC()[k], 1e-4 * s.xiC(), at);
                assertEquals(s.phase(), one.phase(i, j), at);
            }
        }
    }
}
