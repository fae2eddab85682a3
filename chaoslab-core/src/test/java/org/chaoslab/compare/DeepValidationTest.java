package org.chaoslab.compare;

import static org.chaoslab.compare.Agreement.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.deep.DeepRecording;
import org.chaoslab.sim.deep.DeepSimulation;
import org.chaoslab.sim.deep.DeepSimulator;
import org.chaoslab.theory.deep.DeepMeanField;
import org.chaoslab.theory.deep.LayerTrajectory;
import org.chaoslab.theory.deep.OrderChaosBoundary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long theory-vs-simulation validation of random deep networks (minutes on 2 cores; {@code -Pvalidation}).
 * Tolerances as in {@link DeepTheoryVsSimulationTest}: Student-t quantiles, Bonferroni-corrected.
 */
@Tag("slow")
class DeepValidationTest {

    private static final DeepMeanField THEORY = new DeepMeanField();
    /** Family-wise false-alarm probability of each test method. */
    private static final double ALPHA = 0.01;
    private static final TransferFunction TANH = new TransferFunctions.Tanh();

    /**
     * Next to the boundary (σ_w² = 1.1 σ_c², ξ_c = 19) the finite-width bias of c^l is largest. The deviation of
     * the late-layer mean of 1 − c from the maps, measured at N = 1000 and 2000, must be consistent with a
     * b/N law: the Richardson extrapolation 2D(2N) − D(N) to N = ∞ agrees with the theory.
     */
    @Test
    void finiteWidthBiasOfTheCorrelationVanishesLikeOneOverN() {
        double sb2 = 1.0;
        double sw2 = 1.1 * new OrderChaosBoundary(THEORY).criticalWeightVariance(TANH, 1.0, sb2);
        int depth = 40;
        int window = 15;
        int reps = 24;
        DeepNetworkInputs in = DeepNetworkInputs.pairs(1.0, 0.92, 8);
        LayerTrajectory t = THEORY.layers(DeepNetwork.of(1, depth, TANH, sw2, sb2), in);
        double theory = 0;
        for (int l = depth - window; l < depth; l++) {
            theory += (1 - t.c()[l]) / window;
        }
        int[] widths = {1000, 2000};
        double[] mean = new double[2];
        double[] se = new double[2];
        for (int k = 0; k < 2; k++) {
            DeepRecording rec = DeepSimulator.run(DeepNetwork.of(widths[k], depth, TANH, sw2, sb2), in,
                    new DeepSimulation(reps, 100 + k * reps, 2), ProgressListener.NONE);
            RunningStatistics s = new RunningStatistics();
            for (int r = 0; r < reps; r++) {
                double d = 0;
                for (int l = depth - window + 1; l <= depth; l++) {
                    d += (1 - rec.c().get(r, l)) / window;
                }
                s.add(d);
            }
            mean[k] = s.mean();
            se[k] = s.standardError();
            System.out.printf("deep validation: N = %d, 1 - c (late layers) = %.5f +- %.5f, theory %.5f, N*(sim - theory) = %.2f%n",
                    widths[k], mean[k], se[k], theory, widths[k] * (mean[k] - theory));
        }
        double extrapolated = 2 * mean[1] - mean[0];
        double extrapolatedSe = Math.sqrt(4 * se[1] * se[1] + se[0] * se[0]);
        double tq = DeepComparison.significanceThreshold(reps, 3, ALPHA);
        assertAgrees("deep validation: Richardson N -> infinity of 1 - c (late layers)", extrapolated, extrapolatedSe, theory, tq, 0);
        // each width on its own: t·SE plus the b/N allowance of DeepTheoryVsSimulationTest, 2(1 + ξ_c)/N
        double xi = THEORY.solve(DeepNetwork.ensemble(TANH, sw2, sb2, 1.0)).xiC();
        for (int k = 0; k < 2; k++) {
            assertAgrees("deep validation: 1 - c (late layers) at N = " + widths[k], mean[k], se[k], theory, tq,
                    2 * (1 + xi) / widths[k]);
        }
    }

    /** The boundary from simulation at N = 2000 over five sweep points. */
    @Test
    void simulatedBoundaryAtWidth2000() {
        double sb2 = 1.0;
        double sc = new OrderChaosBoundary(THEORY).criticalWeightVariance(TANH, 1.0, sb2);
        double[] sweep = {1.1 * sc, 1.2 * sc, 1.3 * sc, 1.4 * sc, 1.5 * sc};
        int reps = 8;
        DeepBoundaryResult b = DeepBoundaryComparison.run(TANH, sb2, sweep,
                new DeepBoundaryComparison.Settings(2000, 40, 15, 8, 0.92, new DeepSimulation(reps, 7, 2)), THEORY,
                ProgressListener.NONE);
        System.out.printf("deep validation: boundary chi1 = 1 at %.4f%n", b.boundaryTheory());
        double t = DeepComparison.significanceThreshold(reps, 1, ALPHA);
        assertAgrees("deep validation: simulated boundary vs the same fit to theory", b.boundarySimulation(), b.boundaryFitToTheory(),
                t, 0);
        assertTrue(Math.abs(b.boundaryFitToTheory() - sc) <= 0.03 * sc);
    }

    /** Circle growth and curvature at N = 2000 with 2000 points, erf ordered and tanh chaotic. */
    @Test
    void circleAtWidth2000() {
        int reps = 6;
        int depth = 8;
        double t = DeepComparison.significanceThreshold(reps, 2, ALPHA);
        for (Object[] p : new Object[][] {{new TransferFunctions.ScaledErf(), 1.3, 0.2}, {TANH, 3.0, 0.1}}) {
            DeepNetwork net = DeepNetwork.of(2000, depth, (TransferFunction) p[0], (double) p[1], (double) p[2]);
            DeepNetworkInputs in = DeepComparison.circleAtFixedPoint(net, DeepNetworkInputs.pairs(1.0, 0.5, 1).withCircle(2000, 1.0), THEORY);
            DeepComparisonResult r = DeepComparison.run(net, in, new DeepSimulation(reps, 11, 2), THEORY, ProgressListener.NONE);
            Deviation g = r.lengthGrowth();
            assertEquals(Math.sqrt(r.theory().chi1()), g.theory(), 1e-9);
            assertAgrees(String.format("deep validation: %s sw2=%s chi1=%.5f growth per layer (resolved %d)", net.transfer().name(),
                    p[1], r.theory().chi1(), r.resolvedLayers()), g, t, 3.0 / 2000 * g.theory());
        }
    }
}
