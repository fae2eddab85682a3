package org.chaoslab.sim.kernel;

import org.chaoslab.linalg.ParallelRows;

/**
 * The batched state of one realization: P·T columns of N units advanced together. Subclasses implement one kind's
 * update; the driver ({@link KernelSimulator}) owns the loop and the recorders. Used from one thread (the pool's
 * caller); element-wise work runs over fixed column blocks, so results never depend on the thread count.
 */
abstract sealed class ColumnDynamics implements ResponseSource
        permits BinarySyncDynamics, RateColumnDynamics, MatchedRateDynamics, GlauberDynamics, BalancedDynamics {

    final int n;
    final int stimuli;
    final int trials;
    final int columns;
    final ParallelRows pool;

    ColumnDynamics(int n, int stimuli, int trials, ParallelRows pool) {
        this.n = n;
        this.stimuli = stimuli;
        this.trials = trials;
        this.columns = stimuli * trials;
        this.pool = pool;
    }

    @Override public final int units() { return n; }
    @Override public final int stimuli() { return stimuli; }
    @Override public final int trials() { return trials; }

    /** The step in units of τ (event-driven dynamics: the progress tick, 1). */
    abstract double tick();

    /** True when every call of {@link #advance} is one fixed step of {@link #tick()}. */
    boolean stepped() {
        return true;
    }

    /** Advances every column to time {@code until} (units of τ); stepped dynamics take exactly one step. */
    abstract void advance(double until);

    /** False once the state holds NaN or ±Inf (only rate states can). */
    boolean finite() {
        return true;
    }

    /** The name of the product used, for {@link ResponseRun#fieldKernel()}. */
    abstract String kernelName();

    /** Column blocks for element-wise work: fixed by the column count alone. */
    int columnBlock() {
        return Math.max(1, (columns + 63) / 64);
    }

    /** The stimulus of column c = p·T + t. */
    final int stimulusOf(int c) {
        return c / trials;
    }

    /** True when every entry is finite: 0·x is 0 for finite x and NaN for NaN/±Inf. */
    final boolean allFinite(double[] x) {
        double[] flags = new double[(columns + columnBlock() - 1) / columnBlock()];
        int block = columnBlock();
        pool.run(columns, block, (from, to) -> {
            double s = 0.0;
            for (int k = from * n, end = to * n; k < end; k++) {
                s += x[k] * 0.0;
            }
            flags[from / block] = s;
        });
        for (double f : flags) {
            if (f != 0.0) {
                return false;
            }
        }
        return true;
    }
}
