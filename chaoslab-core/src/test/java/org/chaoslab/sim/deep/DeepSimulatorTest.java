package org.chaoslab.sim.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Test;

/** Reproducibility, the probe inputs, the circle geometry and divergence handling of the deep simulator. */
class DeepSimulatorTest {

    private static final DeepNetwork NET = DeepNetwork.of(200, 6, new TransferFunctions.Tanh(), 2.5, 0.1);
    private static final DeepNetworkInputs IN = DeepNetworkInputs.pairs(1.0, 0.3, 3).withCircle(64, 0.8);

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        DeepRecording one = DeepSimulator.run(NET, IN, new DeepSimulation(2, 5, 1), ProgressListener.NONE);
        DeepRecording two = DeepSimulator.run(NET, IN, new DeepSimulation(2, 5, 2), ProgressListener.NONE);
        DeepRecording three = DeepSimulator.run(NET, IN, new DeepSimulation(2, 5, 3), ProgressListener.NONE);
        for (DeepRecording other : new DeepRecording[] {two, three}) {
            assertArrayEquals(one.q().values(), other.q().values(), 0.0);
            assertArrayEquals(one.c().values(), other.c().values(), 0.0);
            assertArrayEquals(one.jacobian().values(), other.jacobian().values(), 0.0);
            assertArrayEquals(one.circleLength().values(), other.circleLength().values(), 0.0);
            assertArrayEquals(one.grassmannLength().values(), other.grassmannLength().values(), 0.0);
        }
    }

    @Test
    void realizationRUsesSeedPlusR() {
        DeepRecording both = DeepSimulator.run(NET, IN, new DeepSimulation(2, 5, 2), ProgressListener.NONE);
        DeepRecording second = DeepSimulator.run(NET, IN, new DeepSimulation(1, 6, 2), ProgressListener.NONE);
        for (int l = 1; l <= NET.depth(); l++) {
            assertEquals(second.q().get(0, l), both.q().get(1, l), 0.0);
            assertEquals(second.curvature().get(0, l), both.curvature().get(0 + 1, l), 0.0);
        }
        assertTrue(both.q().get(0, 3) != both.q().get(1, 3), "different seeds give different networks");
    }

    @Test
    void probeInputsHaveTheRequestedLengthsAndCorrelations() {
        int n = 300;
        double[] x = ProbeInputs.build(n, IN, StreamSeeds.of(9));
        assertEquals(n * (2 * 3 + 64), x.length);
        for (int p = 0; p < 3; p++) {
            double aa = dot(x, 2 * p * n, 2 * p * n, n);
            double bb = dot(x, (2 * p + 1) * n, (2 * p + 1) * n, n);
            double ab = dot(x, 2 * p * n, (2 * p + 1) * n, n);
            // exact by construction (Gram–Schmidt): rounding only
            assertEquals(1.0, aa / n, 1e-12);
            assertEquals(1.0, bb / n, 1e-12);
            assertEquals(0.3, ab / Math.sqrt(aa * bb), 1e-12);
        }
        for (int k = 0; k < 64; k++) {
            int off = (6 + k) * n;
            assertEquals(0.8, dot(x, off, off, n) / n, 1e-12);
        }
    }

    @Test
    void circleGeometryOfAnExactCircleIsThePolygonsFormula() {
        int n = 50;
        int k = 200;
        double radius = 3.0;
        double[] h = new double[n * k];
        for (int j = 0; j < k; j++) {
            double t = 2 * Math.PI * j / k;
            h[j * n] = radius * Math.cos(t);
            h[j * n + 7] = radius * Math.sin(t);
        }
        try (ParallelRows pool = new ParallelRows(2)) {
            CircleGeometry.Measures m = new CircleGeometry(n, k).measure(h, 0, pool);
            // regular K-gon: perimeter 2KR sin(π/K), turning 2π/K at each vertex
            assertEquals(2 * k * radius * Math.sin(Math.PI / k), m.length(), 1e-11);
            assertEquals(2 * Math.PI, m.turning(), 1e-11);
            assertEquals(2 * Math.PI / k, m.maxTurning(), 1e-13);
            assertEquals(radius * radius / n, m.meanSquare(), 1e-13);
        }
    }

    @Test
    void divergenceStopsTheRealizationAndIsReported() {
        // linear φ with σ_w² = 10²⁰: |h| grows 10¹⁰-fold per layer and overflows (10³⁰⁸) near layer 31
        DeepNetwork wild = DeepNetwork.of(50, 40, new TransferFunctions.Linear(), 1e20, 0.0);
        DeepRecording r = DeepSimulator.run(wild, DeepNetworkInputs.pairs(1.0, 0.5, 1), new DeepSimulation(1, 1, 1),
                ProgressListener.NONE);
        assertFalse(r.completed());
        assertTrue(r.problems().get(0).contains("diverged"), r.problems().toString());
        assertTrue(Double.isFinite(r.q().get(0, 2)));
        assertTrue(Double.isNaN(r.q().get(0, 40)));
    }

    @Test
    void dropoutKeepsTheRequestedFractionAndScales() {
        int n = 1000;
        double[] x = new double[n * 4];
        java.util.Arrays.fill(x, 1.0);
        double[] mask = new double[n * 4];
        LayerSampler.dropout(StreamSeeds.of(3), 2, 0.7, x, mask, n, 0, 4);
        double kept = 0;
        for (double v : x) {
            kept += v > 0 ? 1 : 0;
            assertTrue(v == 0.0 || Math.abs(v - 1 / 0.7) < 1e-15);
        }
        // Binomial(4000, 0.7): SD = √(4000·0.21) = 29; 5 SD
        assertEquals(0.7 * 4000, kept, 5 * 29);
    }

    private static double dot(double[] x, int a, int b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[a + i] * x[b + i];
        }
        return s;
    }
}
