package org.chaoslab.sim.rate;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.TransferFunction;

/**
 * The right-hand side of the rate network split as dx/dt = −x + F(x), with the drive
 * F(x) = Jφ(x) + I evaluated for M replicas at once (one matrix–matrix product). Holds scratch
 * buffers: one instance per run, used from one thread.
 */
final class RateDynamics {

    private final CouplingMatrix couplings;
    private final TransferFunction phi;
    private final double[] input;      // length N, null when zero
    private final int n;
    private final int replicas;
    private final ParallelRows pool;
    private final double[] rates;

    RateDynamics(CouplingMatrix couplings, TransferFunction phi, double[] input, int replicas, ParallelRows pool) {
        this.couplings = couplings;
        this.phi = phi;
        this.input = input;
        this.n = couplings.size();
        this.replicas = replicas;
        this.pool = pool;
        this.rates = new double[n * replicas];
    }

    int units() {
        return n;
    }

    int replicas() {
        return replicas;
    }

    /** out = Jφ(x) + I for every replica. */
    void drive(double[] x, double[] out) {
        int len = n * replicas;
        pool.run(len, Math.max(1024, (len + 31) / 32), (from, to) -> TransferKernels.apply(phi, x, rates, from, to));
        couplings.multiply(rates, out, replicas, pool);
        if (input != null) {
            for (int m = 0; m < replicas; m++) {
                int off = m * n;
                for (int i = 0; i < n; i++) {
                    out[off + i] += input[i];
                }
            }
        }
    }

    /**
     * φ(x) of the x of the last {@link #drive} call, replica-major: the rate simulator hands it to the recorders of that
     * state. Overwritten by the next call.
     */
    double[] rates() {
        return rates;
    }
}
