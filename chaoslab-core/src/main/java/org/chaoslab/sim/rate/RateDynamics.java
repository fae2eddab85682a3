package org.chaoslab.sim.rate;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.sim.UnitTransfers;

/**
 * The right-hand side of the rate network split as dx/dt = −x + F(x), with the drive F evaluated for a batch of
 * columns at once (one matrix–matrix product): F(x) = Jφ(x) + I for replicas, and F_c(x) = g_c·(J₁φ(x_c)) + I for the
 * columns of a gain sweep, J₁ the couplings at unit gain and g_c the column's gain (J_g = g·J₁ for zero-mean couplings,
 * so column c is the network at gain g_c). The batch may shrink while a run goes on ({@link #remove}): the columns still
 * advancing are always the first {@link #columns()}. Holds scratch buffers: one instance per run, used from one thread.
 *
 * <p>A live run ({@link LiveRateNetwork}) keeps unit-gain couplings J₁ and scales the drive instead:
 * F(x) = g·J₁φ(x) + (J0/N)Σ_j φ_j + I, the same ensemble as J_ij ~ N(J0/N, g²/N) (J = J0/N + g·J₁), so that g and J0
 * change without a new draw. Without gains and mean coupling the drive is exactly Jφ(x) + I.
 *
 * <p>φ acts unit by unit ({@link UnitTransfers}): one φ for every unit (the SCS network; this path is the element-wise
 * kernel over the whole state, as it always was), or φ_k for the units of population k (Kadmon &amp; Sompolinsky 2015),
 * one kernel call per run of a population's units.
 */
final class RateDynamics {

    private final CouplingMatrix couplings;
    /** φ per unit (one φ for all, or one per population). */
    private final UnitTransfers transfers;
    private final double[] input;      // length N, null when zero
    private final int n;
    /** Per column the factor of the product, null when it is 1 for every column (replicas). */
    private final double[] gains;
    private final ParallelRows pool;
    private final double[] rates;
    /** J0/N, the mean coupling added as (J0/N)Σ_j φ_j per column (0: none). */
    private final double meanPerUnit;
    private int columns;

    /** M replicas of the network with couplings J: F = Jφ(x) + I. */
    RateDynamics(CouplingMatrix couplings, TransferFunction phi, double[] input, int replicas, ParallelRows pool) {
        this(couplings, phi, input, replicas, null, pool);
    }

    /**
     * A batch of {@code columns}: F_c = g_c·(Jφ(x_c)) + I with {@code gains} (copied; null: every g_c = 1, the product
     * as it is).
     */
    RateDynamics(CouplingMatrix couplings, TransferFunction phi, double[] input, int columns, double[] gains,
                 ParallelRows pool) {
        this(couplings, UnitTransfers.uniform(phi, couplings.size()), input, columns, gains, pool);
    }

    /**
     * A batch of {@code columns} whose units have their own φ (the populations of a network with one φ_k per
     * population): F_c = g_c·(Jφ(x_c)) + I, φ(x)_i = φ_{k(i)}(x_i).
     */
    RateDynamics(CouplingMatrix couplings, UnitTransfers transfers, double[] input, int columns, double[] gains,
                 ParallelRows pool) {
        this(couplings, transfers, input, columns, gains, 0.0, pool);
    }

    /**
     * The live drive g·J₁φ(x) + (J0/N)Σ_j φ_j(x) + I of {@code replicas} columns on unit-gain couplings
     * {@code unitCouplings} (J₁_ij ~ N(0, 1/N)).
     *
     * @param gain         g
     * @param meanCoupling J0
     */
    RateDynamics(CouplingMatrix unitCouplings, double gain, double meanCoupling, TransferFunction phi, double[] input,
                 int replicas, ParallelRows pool) {
        this(unitCouplings, UnitTransfers.uniform(phi, unitCouplings.size()), input, replicas,
                gain == 1.0 ? null : filled(replicas, gain), meanCoupling / unitCouplings.size(), pool);
    }

    private RateDynamics(CouplingMatrix couplings, UnitTransfers transfers, double[] input, int columns, double[] gains,
                         double meanPerUnit, ParallelRows pool) {
        if (gains != null && gains.length != columns) {
            throw new IllegalArgumentException("one gain per column: " + columns + " columns, " + gains.length + " gains");
        }
        if (transfers.units() != couplings.size()) {
            throw new IllegalArgumentException("one transfer function per unit: " + couplings.size() + " units, "
                    + transfers.units() + " in the transfer functions");
        }
        this.couplings = couplings;
        this.transfers = transfers;
        this.input = input;
        this.n = couplings.size();
        this.columns = columns;
        this.gains = gains == null ? null : gains.clone();
        this.meanPerUnit = meanPerUnit;
        this.pool = pool;
        this.rates = new double[n * columns];
    }

    int units() {
        return n;
    }

    /** The columns still advancing (the first ones of the state). */
    int columns() {
        return columns;
    }

    /** out = g_c·Jφ(x) + (J0/N)Σ_j φ_j + I for every column still advancing (g_c = 1 without gains, J0 = 0 unless live). */
    void drive(double[] x, double[] out) {
        int len = n * columns;
        pool.run(len, Math.max(1024, (len + 31) / 32), (from, to) -> TransferKernels.apply(transfers, x, rates, from, to));
        couplings.multiply(rates, out, columns, pool);
        if (gains != null) {
            for (int c = 0; c < columns; c++) {
                scale(out, c * n, gains[c]);
            }
        }
        if (meanPerUnit != 0.0) {
            for (int c = 0; c < columns; c++) {
                int off = c * n;
                double sum = 0.0;
                for (int i = 0; i < n; i++) {
                    sum += rates[off + i];   // serial, in index order: independent of the thread count
                }
                double shift = meanPerUnit * sum;
                for (int i = 0; i < n; i++) {
                    out[off + i] += shift;
                }
            }
        }
        if (input != null) {
            for (int c = 0; c < columns; c++) {
                int off = c * n;
                for (int i = 0; i < n; i++) {
                    out[off + i] += input[i];
                }
            }
        }
    }

    private static double[] filled(int columns, double value) {
        double[] a = new double[columns];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private void scale(double[] out, int off, double g) {
        for (int i = 0; i < n; i++) {
            out[off + i] *= g;
        }
    }

    /**
     * Drops columns [from, from + count): the later ones (and their gains) move down. The caller moves the state
     * alike.
     */
    void remove(int from, int count) {
        if (gains != null) {
            System.arraycopy(gains, from + count, gains, from, columns - from - count);
        }
        columns -= count;
    }

    /**
     * φ(x) of the x of the last {@link #drive} call, column-major: the rate simulator hands it to the recorders of that
     * state. Overwritten by the next call.
     */
    double[] rates() {
        return rates;
    }
}
