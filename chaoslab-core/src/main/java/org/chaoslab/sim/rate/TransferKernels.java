package org.chaoslab.sim.rate;

import org.chaoslab.linalg.VectorTanh;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.UnitTransfers;

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

    /**
     * φ of every element of [from, to) of a replica-major state, each unit with its own φ ({@link UnitTransfers}): a
     * network whose units share φ takes {@link #apply(TransferFunction, double[], double[], int, int)} itself, the
     * others one call of it per run of a block.
     */
    static void apply(UnitTransfers transfers, double[] in, double[] out, int from, int to) {
        if (transfers.isUniform()) {
            apply(transfers.common(), in, out, from, to);
        } else {
            transfers.forSegments(from, to, (phi, a, b) -> apply(phi, in, out, a, b));
        }
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
