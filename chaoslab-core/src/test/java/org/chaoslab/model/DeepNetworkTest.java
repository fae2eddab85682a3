package org.chaoslab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation of the deep-network descriptions: one-line messages naming the parameter. */
class DeepNetworkTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsBadParametersByName() {
        TransferFunction t = new TransferFunctions.Tanh();
        assertTrue(message(() -> DeepNetwork.of(0, 3, t, 1, 0)).startsWith("width must be >= 1"));
        assertTrue(message(() -> DeepNetwork.of(10, 0, t, 1, 0)).startsWith("depth must be >= 1"));
        assertTrue(message(() -> DeepNetwork.of(10, 3, t, 0, 0)).startsWith("sigma-w2 must be finite and > 0"));
        assertTrue(message(() -> DeepNetwork.of(10, 3, t, Double.NaN, 0)).startsWith("sigma-w2"));
        assertTrue(message(() -> DeepNetwork.of(10, 3, t, 1, -0.1)).startsWith("sigma-b2 must be finite and >= 0"));
        assertTrue(message(() -> DeepNetwork.of(10, 3, t, 1, 0).withKeepProbability(0)).startsWith("keep"));
        assertTrue(message(() -> DeepNetwork.of(10, 3, null, 1, 0)).startsWith("phi must be given"));
        assertTrue(message(() -> new DeepNetworkInputs(0, 0.5, 1, 0, 1)).startsWith("q0"));
        assertTrue(message(() -> new DeepNetworkInputs(1, 1.5, 1, 0, 1)).startsWith("c0 must be in [-1, 1]"));
        assertTrue(message(() -> new DeepNetworkInputs(1, 0.5, 0, 0, 1)).startsWith("pairs must be >= 1"));
        assertTrue(message(() -> new DeepNetworkInputs(1, 0.5, 1, 8, 1)).startsWith("circle-points"));
        assertTrue(message(() -> new DeepNetworkInputs(1, 0.5, 1, 100, -1)).startsWith("circle-q0"));
    }

    @Test
    void copiesChangeOneThing() {
        DeepNetwork n = DeepNetwork.of(100, 5, new TransferFunctions.Tanh(), 2.0, 0.1);
        DeepNetwork m = n.withVariances(3.0, 0.2).withKeepProbability(0.9).withShape(50, 7);
        assertEquals(new DeepNetwork(50, 7, n.transfer(), 3.0, 0.2, 0.9), m);
        assertTrue(m.hasDropout());
        DeepNetworkInputs in = DeepNetworkInputs.pairs(1.0, 0.5, 3);
        assertEquals(0, in.circlePoints());
        assertTrue(in.withCircle(1000, 0.7).hasCircle());
    }
}
