package org.chaoslab.sim.rate;

import org.chaoslab.linalg.VectorTanh;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;

/**
 * Element-wise φ over a slice of the state. Results never depend on when the JIT compiled this code: tanh goes
 * through {@link VectorTanh} (SIMD built from exactly rounded lane-wise operations only), the other transfer functions
 * through their scalar {@link Math} code, whose intrinsic stubs HotSpot runs in the interpreter and in compiled code
 * alike. (The Vector API's lane-wise TANH does not have that property: its SVML intrinsic and its Java fallback round
 * differently, which broke run-to-run reproducibility.)
 */
final class TransferKernels {

    private TransferKernels() {
    }

    static void apply(TransferFunction phi, double[] in, double[] out, int from, int to) {
        if (phi instanceof TransferFunctions.Tanh) {
            VectorTanh.apply(in, out, from, to);
        } else if (phi instanceof TransferFunctions.Linear) {
            System.arraycopy(in, from, out, from, to - from);
        } else {
            for (int k = from; k < to; k++) {
                out[k] = phi.phi(in[k]);
            }
        }
    }
}
