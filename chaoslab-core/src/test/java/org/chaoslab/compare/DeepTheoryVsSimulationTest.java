package org.chaoslab.compare;

import static org.chaoslab.compare.Agreement.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.deep.DeepSimulation;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.DeepPhase;
import org.chaoslab.theory.deep.OrderChaosBoundary;
import org.junit.jupiter.api.Test;

/**
 * Finite-width simulations (N = 1000) against the mean-field theory. Error bars are standard errors over
 * R realizations; a deviation may reach t·SE with t the Student-t quantile for R − 1 degrees of freedom,
 * Bonferroni-corrected over the test's comparisons to a 1 % family-wise false-alarm rate
 * ({@link DeepComparison#significanceThreshold}). Each tolerance also allows the O(1/N) bias a finite width
 * must leave, stated at the assertion.
 */
class DeepTheoryVsSimulationTest {

    private static final DeepMeanField THEORY = new DeepMeanField();
    /** Family-wise false-alarm probability of each test method. */
    private static final double ALPHA = 0.01;
    private static final int N = 1000;

    /**
     * q^l, c^l and the Jacobian layer by layer. Finite-width bias: the empirical second moments of N units
     * fluctuate with relative variance 2/N, and a nonlinear map turns a fluctuation of variance v into a
     * bias ~|M″|v/2 per layer, accumulated over the relaxation depth ξ: allowance 2(1 + ξ)/N times the scale
     * (q* for q, 1 for c, χ1 for the Jacobian).
     */
    private static void assertPairsFollowTheMaps(DeepComparisonResult r, String at, double t) {
        double qScale = r.theory().qStar();
        for (int l = 1; l <= r.layers().depth(); l++) {
            String where = at + " layer " + l;
            double allowQ = 2 * (1 + r.theory().xiQ()) / N * qScale;
            double allowC = 2 * (1 + r.theory().xiC()) / N;
            double allowJ = 2 * (1 + r.theory().xiQ()) / N * r.layers().jacobian()[l - 1];
            assertWithin(r.q(), l, t, allowQ, where + " q");
            assertWithin(r.c(), l, t, allowC, where + " c");
            assertWithin(r.jacobian(), l, t, allowJ, where + " jacobian");
        }
    }

    private static void assertWithin(DeepLayerDeviations d, int l, double t, double allowance, String what) {
        assertAgrees(what, d.simulation()[l - 1], d.standardError()[l - 1], d.theory()[l - 1], t, allowance);
    }

    @Test
    void pairsFollowTheMapsInBothPhases() {
        // ordered (χ1 = 0.70) and chaotic (χ1 = 1.34, c* = 0.17) tanh networks, from q0 = 1, c0 = 0.5
        int reps = 12;
        int depth = 16;
        double t = DeepComparison.significanceThreshold(reps, 2 * 3 * depth, ALPHA);
        for (double[] p : new double[][] {{1.5, 0.3}, {4.0, 0.05}}) {
            DeepNetwork net = DeepNetwork.of(N, depth, new TransferFunctions.Tanh(), p[0], p[1]);
            DeepComparisonResult r = DeepComparison.run(net, DeepNetworkInputs.pairs(1.0, 0.5, 8),
                    new DeepSimulation(reps, 11, 2), THEORY, ProgressListener.NONE);
            assertPairsFollowTheMaps(r, "tanh sw2=" + p[0] + " sb2=" + p[1], t);
            assertEquals(p[0] < 2 ? DeepPhase.ORDERED : DeepPhase.CHAOTIC, r.theory().phase());
            // the deep layers' Jacobian is χ1 itself (q^{l−1} = q* there)
            assertEquals(r.theory().chi1(), r.jacobian().theory()[depth - 1], 1e-6);
        }
    }

    @Test
    void reluAndDropoutFollowTheMaps() {
        int reps = 10;
        double t = DeepComparison.significanceThreshold(reps, 2 * 3 * 12, ALPHA);
        DeepNetwork relu = DeepNetwork.of(N, 12, new TransferFunctions.Relu(), 1.6, 0.1);
        assertPairsFollowTheMaps(DeepComparison.run(relu, DeepNetworkInputs.pairs(2.0, -0.3, 8),
                new DeepSimulation(reps, 21, 2), THEORY, ProgressListener.NONE), "relu", t);
        // dropout: c* < 1 even in the ordered phase, and the Jacobian carries the 1/ρ of the mask
        DeepNetwork drop = DeepNetwork.of(N, 12, new TransferFunctions.Tanh(), 1.5, 0.1).withKeepProbability(0.8);
        DeepComparisonResult r = DeepComparison.run(drop, DeepNetworkInputs.pairs(1.0, 0.9, 8),
                new DeepSimulation(reps, 31, 2), THEORY, ProgressListener.NONE);
        assertPairsFollowTheMaps(r, "tanh with dropout", t);
        assertTrue(r.theory().cStar() < 0.9, "dropout decorrelates: c* = " + r.theory().cStar());
        // at layer 12, q^11 is within 1e-4 of q*: the Jacobian is χ1/ρ to that accuracy
        assertEquals(r.theory().chi1() / 0.8, r.jacobian().theory()[11], 1e-3);
    }

    /**
     * The circle's length grows by √χ1 per layer (Poole et al. 2016, Eq. 7) in both phases. Bias of the
     * fitted growth: ln(ratio) of squared lengths fluctuates by ε with Var ε ≈ (1 + 3⟨φ′⁴⟩/⟨φ′²⟩²)/N ≲ 8/N,
     * and E ln √(1+ε) ≈ −Var ε/4, so |bias| ≲ 2/N relative (measured: −2.0/N at N = 1000 and 2000):
     * allowance 3/N relative.
     */
    @Test
    void circleLengthGrowsBySqrtChi1InBothPhases() {
        int reps = 6;
        int depth = 8;
        // growth and curvature per resolved layer, two phases
        double t = DeepComparison.significanceThreshold(reps, 2 * (1 + depth), ALPHA);
        for (double[] p : new double[][] {{1.2, 0.1}, {4.0, 0.05}}) {
            String at = "tanh sw2=" + p[0] + " sb2=" + p[1];
            DeepNetwork net = DeepNetwork.of(N, depth, new TransferFunctions.Tanh(), p[0], p[1]);
            DeepNetworkInputs in = DeepComparison.circleAtFixedPoint(net,
                    DeepNetworkInputs.pairs(1.0, 0.5, 1).withCircle(1000, 1.0), THEORY);
            DeepComparisonResult r = DeepComparison.run(net, in, new DeepSimulation(reps, 7, 2), THEORY, ProgressListener.NONE);
            assertTrue(r.resolvedLayers() >= 6, at + ": resolved layers " + r.resolvedLayers());
            Deviation g = r.lengthGrowth();
            assertNotNull(g);
            // the circle starts at q*, so the theory's fitted growth is √χ1 itself
            assertEquals(Math.sqrt(r.theory().chi1()), g.theory(), 1e-9, at);
            assertAgrees(at + ": length growth per layer", g, t, 3.0 / N * g.theory());
            // the curvature κ̃_l (Poole et al. 2016, Eq. 9) on the resolved layers; relative bias ≲ 2(1 + l)/N
            // (the recursion feeds each layer's O(1/N) error into the next)
            for (int l = 1; l <= r.resolvedLayers(); l++) {
                assertWithin(r.curvature(), l, t, 2.0 * (1 + l) / N * r.curvature().theory()[l - 1], at + " curvature layer " + l);
            }
        }
    }

    /**
     * Where c* departs from 1 in simulation is where χ1 = 1 in theory. The sweep covers 1.1…1.4 times the
     * boundary at σ_b² = 1 (ξ_c ≤ 19, depth 40 with the last 15 layers averaged, pairs started at c0 = 0.92
     * near c*). Two statements: (1) simulation and theory, put through the same extrapolation, agree within
     * t SE of the simulated estimate (one comparison); (2) that extrapolation, applied to the theory, lands
     * within 3 % of the χ1 = 1 root (its bias from finite depth and the curvature of D(σ_w²)).
     */
    @Test
    void simulatedBoundaryMatchesChiOne() {
        double sb2 = 1.0;
        double sc = new OrderChaosBoundary(THEORY).criticalWeightVariance(new TransferFunctions.Tanh(), 1.0, sb2);
        double[] sweep = {1.1 * sc, 1.2 * sc, 1.3 * sc, 1.4 * sc};
        int reps = 6;
        DeepBoundaryResult b = DeepBoundaryComparison.run(new TransferFunctions.Tanh(), sb2, sweep,
                new DeepBoundaryComparison.Settings(N, 40, 15, 8, 0.92, new DeepSimulation(reps, 1, 2)), THEORY,
                ProgressListener.NONE);
        assertEquals(sc, b.boundaryTheory(), 0.0);
        double t = DeepComparison.significanceThreshold(reps, 1, ALPHA);
        assertAgrees("simulated boundary vs theory through the same fit", b.boundarySimulation(), b.boundaryFitToTheory(), t, 0);
        assertTrue(Math.abs(b.boundaryFitToTheory() - sc) <= 0.03 * sc, "extrapolation bias: " + b.boundaryFitToTheory() + " vs " + sc);
        assertTrue(b.boundarySimulation().standardError() < 0.05 * sc,
                "the estimate must be informative: SE " + b.boundarySimulation().standardError());
    }
}
