package org.chaoslab.sim.rate;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.TransferFunction;

/**
 * The right-hand side of the rate network split as dx/dt = −x + F(x), with the drive
 * F(x) = Jφ(x) + I evaluated for M replicas at once (one matrix–matrix product). Holds scratch
 * buffers: one instance per run, used from one thread.
 *
 * <p>A live run ({@link LiveRateNetwork}) keeps unit-gain couplings J1 and has the drive scaled instead:
 * F(x) = g·J1φ(x) + (J0/N)Σ_j φ_j + I, the same ensemble as J_ij ~ N(J0/N, g²/N) (J = J0/N + g·J1), so that g and J0
 * change without a new draw. With gain 1 and J0 = 0 (the plain constructor) the drive is exactly Jφ(x) + I.
 */
final class RateDynamics {

    private final CouplingMatrix couplings;
    private final TransferFunction phi;
    private final double[] input;      // length N, null when zero
    private final int n;
    private final int replicas;
    private final ParallelRows pool;
    private final double[] rates;
    /** g by which J1φ is scaled (1: the couplings are J itself). */
    private final double gain;
    /** J0/N, the mean coupling added as (J0/N)Σ_j φ_j (0: none). */
    private final double meanPerUnit;

    RateDynamics(CouplingMatrix couplings, TransferFunction phi, double[] input, int replicas, ParallelRows pool) {
        this(couplings, 1.0, 0.0, phi, input, replicas, pool);
    }

    /**
     * The drive g·J1φ(x) + (J0/N)Σ_j φ_j(x) + I on unit-gain couplings {@code unitCouplings} (J1_ij ~ N(0, 1/N)).
     *
     * @param gain         g
     * @param meanCoupling J0
     */
    RateDynamics(CouplingMatrix unitCouplings, double gain, double meanCoupling, TransferFunction phi, double[] input,
                 int replicas, ParallelRows pool) {
        this.couplings = unitCouplings;
        this.gain = gain;
        this.meanPerUnit = meanCoupling / unitCouplings.size();
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
        if (gain != 1.0 || meanPerUnit != 0.0) {
            for (int m = 0; m < replicas; m++) {
                int off = m * n;
                double sum = 0.0;
                for (int i = 0; i < n; i++) {
                    sum += rates[off + i];   // serial, in index order: independent of the thread count
                }
                double shift = meanPerUnit * sum;
                for (int i = 0; i < n; i++) {
                    out[off + i] = gain * out[off + i] + shift;
                }
            }
        }
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
