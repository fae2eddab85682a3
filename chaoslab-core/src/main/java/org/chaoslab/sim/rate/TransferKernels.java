package org.chaoslab.sim.rate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;

/**
 * Element-wise φ over a slice of the state. tanh uses the Vector API's lane-wise TANH (SVML-backed
 * on x86, several times faster than {@link Math#tanh}); every other φ uses its own
 * {@link TransferFunction#phi}. Deterministic: the same input gives the same output on a machine.
 */
final class TransferKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private TransferKernels() {
    }

    static void apply(TransferFunction phi, double[] in, double[] out, int from, int to) {
        if (phi instanceof TransferFunctions.Tanh) {
            int k = from;
            for (; k <= to - D.length(); k += D.length()) {
                DoubleVector.fromArray(D, in, k).lanewise(VectorOperators.TANH).intoArray(out, k);
            }
            for (; k < to; k++) {
                out[k] = Math.tanh(in[k]);
            }
        } else if (phi instanceof TransferFunctions.Linear) {
            System.arraycopy(in, from, out, from, to - from);
        } else {
            for (int k = from; k < to; k++) {
                out[k] = phi.phi(in[k]);
            }
        }
    }
}
