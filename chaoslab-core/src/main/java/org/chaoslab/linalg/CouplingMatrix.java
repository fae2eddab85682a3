package org.chaoslab.linalg;

/**
 * An N×N coupling matrix with the products the simulators need: dense, row-major, in float64 or float32 storage
 * ({@link Float64Matrix}, {@link Float32Matrix}), or sparse with a fixed number of entries per row in compressed rows
 * ({@link FixedInDegreeMatrix}). Products over a batch of M vectors take replica-major arrays: vector r of replica m
 * is {@code x[m·N .. m·N + N)}.
 */
public sealed interface CouplingMatrix permits Float64Matrix, Float32Matrix, FixedInDegreeMatrix {

    /** N. */
    int size();

    /** J_ij. */
    double get(int i, int j);

    /** Bytes of storage (what one matrix–vector product must read). */
    long bytes();

    /**
     * {@code out[m·N + i] = Σ_j J_ij r[m·N + j]} for the first {@code replicas} vectors. One vector uses
     * the SIMD row kernel; several use one BLAS gemm per fixed row block (native BLAS), or without native BLAS the
     * pure-Java kernels per fixed row block (float64: {@link PanelProduct}, whose every entry is one sequential fma
     * chain; float32: {@link DotKernels#columns}).
     */
    void multiply(double[] r, double[] out, int replicas, ParallelRows pool);

    /**
     * Rows per block of the batched (gemm) product: fixed by N alone. Larger than {@link #blockRows}: a BLAS
     * gemm call on 32 rows reaches ~90 GFLOP/s here, on 250 rows ~130 (packing cost amortized); 8 blocks still
     * balance 2–4 threads.
     */
    static int gemmBlockRows(int n) {
        return Math.max(64, (n + 7) / 8);
    }

    /** Rows per parallel block: fixed by N alone, so the partition never depends on the thread count. */
    static int blockRows(int n) {
        // ~64 blocks for large N (good balance on few cores), at least 16 rows each
        return Math.max(16, (n + 63) / 64);
    }
}
