package org.chaoslab.linalg;

/**
 * A sparse N×N matrix with exactly K stored entries per row, in compressed rows: float32 weights and int32 column
 * indices (8 bytes per entry), row i's K entries at positions [i·K, i·K + K) of the concatenated arrays, so no row
 * pointers are stored (with N·K up to 10⁹ and beyond, positions are longs). Java arrays hold at most 2³¹ − 1
 * elements: the entries are kept in chunks of whole rows ({@link #rowsPerChunk} rows each, at most
 * {@value #CHUNK_ENTRIES} entries), so a row never straddles two arrays and any N·K fits.
 *
 * <p>The products ({@link #multiply}) run the rows in the fixed blocks of {@link CouplingMatrix#blockRows} on a
 * {@link ParallelRows} pool, each row one dot product of fixed order ({@link SparseKernels}): bit-identical for any
 * thread count, and for any chunk size (the chunks only decide where a row's entries lie). Vectors are rounded to
 * float per product, as {@link Float32Matrix} does; sums are returned in double.
 *
 * <p>Mutable while it is filled ({@link #weights(int)} and {@link #columns(int)} hand out the backing chunks); treat it
 * as read-only once built. The scratch vector makes {@link #multiply} single-caller, as for the dense matrices.
 */
public final class FixedInDegreeMatrix implements CouplingMatrix {

    /** Most entries per chunk: 2²⁷ (512 MB of weights, 512 MB of indices). */
    public static final int CHUNK_ENTRIES = 1 << 27;

    private final int n;
    private final int k;
    private final int rowsPerChunk;
    private final float[][] weights;
    private final int[][] columns;
    private float[] xf = new float[0];

    /**
     * An all-zero matrix (every entry weight 0 in column 0 until filled) with the default chunking.
     *
     * @param n N ≥ 1
     * @param k K in [1, N]
     */
    public FixedInDegreeMatrix(int n, int k) {
        this(n, k, defaultRowsPerChunk(Math.max(1, k)));
    }

    /**
     * An all-zero matrix with {@code rowsPerChunk} rows per chunk (tests use small chunks; the default is
     * {@link #defaultRowsPerChunk}).
     */
    public FixedInDegreeMatrix(int n, int k, int rowsPerChunk) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k (entries per row) must be in [1, n] = [1, " + n + "] (got " + k + ")");
        }
        if (rowsPerChunk < 1 || (long) rowsPerChunk * k > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("rowsPerChunk must be in [1, " + (Integer.MAX_VALUE - 8L) / k + "] (got "
                    + rowsPerChunk + ")");
        }
        this.n = n;
        this.k = k;
        this.rowsPerChunk = Math.min(rowsPerChunk, n);
        int chunks = (n - 1) / this.rowsPerChunk + 1;
        weights = new float[chunks][];
        columns = new int[chunks][];
        for (int c = 0; c < chunks; c++) {
            int rows = Math.min(this.rowsPerChunk, n - c * this.rowsPerChunk);
            weights[c] = new float[rows * k];
            columns[c] = new int[rows * k];
        }
    }

    /** Rows per chunk for K entries per row: as many as {@value #CHUNK_ENTRIES} entries hold, at least one. */
    public static int defaultRowsPerChunk(int k) {
        return Math.max(1, CHUNK_ENTRIES / k);
    }

    /** Bytes of storage for N rows of K entries: 8·N·K (4-byte weight, 4-byte column index). */
    public static long bytes(long n, long k) {
        return 8L * n * k;
    }

    @Override public int size() { return n; }
    @Override public long bytes() { return bytes(n, k); }

    /** K, the entries per row. */
    public int entriesPerRow() {
        return k;
    }

    /** Rows per chunk (the last chunk may hold fewer). */
    public int rowsPerChunk() {
        return rowsPerChunk;
    }

    /** The chunk holding row i. */
    public int chunkOf(int i) {
        return i / rowsPerChunk;
    }

    /** Offset of row i's first entry in its chunk. */
    public int offsetOf(int i) {
        return (i % rowsPerChunk) * k;
    }

    /** The weights of chunk c (the backing array, row-major K per row). */
    public float[] weights(int c) {
        return weights[c];
    }

    /** The column indices of chunk c (the backing array, K per row). */
    public int[] columns(int c) {
        return columns[c];
    }

    /** The weight of the q-th stored entry of row i. */
    public float weight(int i, int q) {
        return weights[chunkOf(i)][offsetOf(i) + q];
    }

    /** The column of the q-th stored entry of row i. */
    public int column(int i, int q) {
        return columns[chunkOf(i)][offsetOf(i) + q];
    }

    /** J_ij: the sum of row i's stored entries in column j (0 where none); O(K). */
    @Override
    public double get(int i, int j) {
        float[] w = weights[chunkOf(i)];
        int[] c = columns[chunkOf(i)];
        int o = offsetOf(i);
        double s = 0.0;
        for (int q = 0; q < k; q++) {
            if (c[o + q] == j) {
                s += w[o + q];
            }
        }
        return s;
    }

    /**
     * {@code out[m·N + i] = Σ_j J_ij r[m·N + j]} for the first {@code replicas} vectors: per fixed row block of
     * {@link CouplingMatrix#blockRows}, each row's entries once per replica (read from memory once, from L1 for the
     * further replicas).
     */
    @Override
    public void multiply(double[] r, double[] out, int replicas, ParallelRows pool) {
        int len = replicas * n;
        if (xf.length < len) {
            xf = new float[len];
        }
        float[] x = xf;
        for (int q = 0; q < len; q++) {
            x[q] = (float) r[q];
        }
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> rows(x, out, replicas, from, to));
    }

    /** Rows [from, to) for every replica, split at chunk boundaries. */
    private void rows(float[] x, double[] out, int replicas, int from, int to) {
        int i = from;
        while (i < to) {
            int c = chunkOf(i);
            int first = c * rowsPerChunk;
            int end = Math.min(to, first + rowsPerChunk);
            if (replicas == 1) {
                SparseKernels.rows(weights[c], columns[c], k, first, x, 0, out, 0, i, end);
            } else {
                // one row at a time, every replica: the row's entries stay in L1 between the replicas
                for (int row = i; row < end; row++) {
                    for (int m = 0; m < replicas; m++) {
                        SparseKernels.rows(weights[c], columns[c], k, first, x, m * n, out, m * n, row, row + 1);
                    }
                }
            }
            i = end;
        }
    }
}
