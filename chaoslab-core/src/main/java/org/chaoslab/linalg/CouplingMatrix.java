package org.chaoslab.linalg;

/**
 * An N×N coupling matrix with the products the simulators need: dense, row-major, in float64, float32 or bfloat16
 * storage ({@link Float64Matrix}, {@link Float32Matrix}, {@link BFloat16Matrix}; the last two in chunks of whole rows
 * beyond one Java array, {@link #denseRowsPerChunk}), or sparse with a fixed number of entries per row in compressed rows
 * ({@link FixedInDegreeMatrix}). Products over a batch of M vectors take replica-major arrays: vector r of replica m
 * is {@code x[m·N .. m·N + N)}.
 */
public sealed interface CouplingMatrix permits Float64Matrix, Float32Matrix, BFloat16Matrix, FixedInDegreeMatrix {

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
     * chain; float32: {@link DotKernels#columns}); bfloat16 always uses its own row kernel, for each vector
     * ({@link BFloat16Kernels}: no BLAS has bfloat16).
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

    /** Most elements of one Java array (the JVM reserves a few header words). */
    long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    /** Most elements per chunk of a chunked dense matrix: 2²⁸ (1 GB of float32, 512 MB of bfloat16 pairs). */
    int CHUNK_ELEMENTS = 1 << 28;

    /**
     * Rows per chunk of a dense matrix whose rows take {@code rowElements} array elements each: all N rows in one array
     * when they fit one (N ≤ 46 340 for float32), else the most whole blocks of {@link #blockRows} rows that keep a chunk
     * within {@link #CHUNK_ELEMENTS} elements, so that no block of the single-vector product straddles two chunks (and at
     * least one row when a block alone is larger).
     */
    static int denseRowsPerChunk(int n, long rowElements) {
        if ((long) n * rowElements <= MAX_ARRAY) {
            return n;
        }
        int block = blockRows(n);
        long blocks = CHUNK_ELEMENTS / (block * rowElements);
        return blocks >= 1 ? (int) Math.min(n, blocks * block) : (int) Math.max(1, Math.min(n, MAX_ARRAY / rowElements));
    }
}
