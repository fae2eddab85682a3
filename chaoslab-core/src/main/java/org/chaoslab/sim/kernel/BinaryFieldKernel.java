package org.chaoslab.sim.kernel;

import org.chaoslab.linalg.Blas;

/**
 * How the synchronous binary map computes its fields h = J n over all columns (float32 couplings).
 * Both are exact sums of float32 couplings in a fixed order; they differ in the order, so their fields agree to
 * float round-off, not bit for bit.
 */
enum BinaryFieldKernel {
    /** One BLAS sgemm per fixed row block over the N × (P·T) 0/1 state (2N² flops per column). */
    SGEMM,
    /** For each column, the sum of the columns J[:, j] over its active units j (m·N² adds per column). */
    COLUMN_SUM;

    /**
     * Without native BLAS: column sums, the faster at N = 2000, P·T = 2048 (m ≈ 0.33) on the development machine
     * (2 cores, AVX-512, pure-Java BLAS, load 5): 127 ms/step (225 CPU-ms) against sgemm 269 ms/step (382 CPU-ms); they
     * do m·N² adds per column instead of 2N² flops, so they lose their edge only near m → 1. With native OpenBLAS,
     * sgemm (measured there: the product alone at 180 GFLOP/s, 91 ms per step, against 155 ms/step for the column sums;
     * `chaoslab bench kernel`, docs/benchmarks.md).
     */
    static BinaryFieldKernel preferred() {
        return Blas.isNative() ? SGEMM : COLUMN_SUM;
    }

    String label() {
        return this == SGEMM ? "sgemm" : "column-sum";
    }
}
