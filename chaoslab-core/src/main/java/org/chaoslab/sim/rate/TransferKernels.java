package org.chaoslab.sim.rate;

import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;

/**
 * Element-wise φ over a slice of the state. Scalar {@link Math} functions on purpose: HotSpot runs the
 * same intrinsic stubs in the interpreter and in compiled code, so results never depend on when the
 * JIT compiled this loop. (The Vector API's lane-wise TANH does not have that property: its SVML
 * intrinsic and its Java fallback round differently, which broke run-to-run reproducibility.)
 */
final class TransferKernels {

    private TransferKernels() {
    }

    static void apply(TransferFunction phi, double[] in, double[] out, int from, int to) {
        if (phi instanceof TransferFunctions.Tanh) {
            for (int k = from; k < to; k++) {
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
