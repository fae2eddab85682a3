package org.chaoslab.linalg;

/**
 * A sparse N×N matrix with exactly K stored entries per row, in compressed rows: per entry a float32 weight and an
 * int32 column index (8 bytes). No row pointers are stored: every row has K entries, so row i starts at entry i·K (a
 * long: with N·K = 10⁹ and beyond, positions exceed the int range). Java arrays hold at most 2³¹ − 1 elements, so the
 * rows are kept in chunks of whole rows ({@link #rowsPerChunk} rows each, at most {@value #CHUNK_ENTRIES} entries), and
 * a row never straddles two arrays: any N·K fits.
 *
 * <p>Within a chunk, row i's 2K ints start at (i mod rowsPerChunk)·2K, in groups of {@value SparseKernels#GROUP}
 * entries: the group's column indices, then its weights (float bits); the last K mod {@value SparseKernels#GROUP}
 * entries as their indices then their weights ({@link SparseKernels} explains why one interleaved stream).
 * {@link #setRow} and {@link #column}/{@link #weight} hide the layout.
 *
 * <p>The products ({@link #multiply}) run the rows in the fixed blocks of {@link CouplingMatrix#blockRows} on a
 * {@link ParallelRows} pool, each row one dot product of fixed order ({@link SparseKernels}): bit-identical for any
 * thread count, and for any chunk size (the chunks only decide where a row lies). Vectors are rounded to float per
 * product, as {@link Float32Matrix} does; sums are returned in double.
 *
 * <p>Mutable while it is filled ({@link #setRow}); treat it as read-only once built. The scratch vector makes
 * {@link #multiply} single-caller, as for the dense matrices.
 */
public final class FixedInDegreeMatrix implements CouplingMatrix {

    /** Most entries per chunk: 2²⁷ (a 1 GB int[] of indices and weights). */
    public static final int CHUNK_ENTRIES = 1 << 27;

    private static final int GROUP = SparseKernels.GROUP;

    private final int n;
    private final int k;
    private final int rowsPerChunk;
    private final int[][] data;
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
        if (rowsPerChunk < 1 || 2L * rowsPerChunk * k > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("rowsPerChunk must be in [1, " + (Integer.MAX_VALUE - 8L) / (2L * k) + "] (got "
                    + rowsPerChunk + ")");
        }
        this.n = n;
        this.k = k;
        this.rowsPerChunk = Math.min(rowsPerChunk, n);
        int chunks = (n - 1) / this.rowsPerChunk + 1;
        data = new int[chunks][];
        for (int c = 0; c < chunks; c++) {
            int rows = Math.min(this.rowsPerChunk, n - c * this.rowsPerChunk);
            data[c] = new int[2 * rows * k];
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

    /** Offset of row i's first int in its chunk. */
    public int offsetOf(int i) {
        return (i % rowsPerChunk) * 2 * k;
    }

    /** Chunk c (the backing array, 2K ints per row in the interleaved layout of the class comment). */
    public int[] chunk(int c) {
        return data[c];
    }

    /** Position of entry q's column index within its row (the weight follows at {@link #weightSlot}). */
    private int indexSlot(int q) {
        int g = q / GROUP;
        int full = k / GROUP;
        return g < full ? 2 * GROUP * g + q % GROUP : 2 * GROUP * full + q % GROUP;
    }

    private int weightSlot(int q) {
        int g = q / GROUP;
        int full = k / GROUP;
        return g < full ? 2 * GROUP * g + GROUP + q % GROUP : 2 * GROUP * full + (k - GROUP * full) + q % GROUP;
    }

    /** Writes row i: column q is {@code columns[q]} with weight {@code weights[q]}, q &lt; K. */
    public void setRow(int i, int[] columns, float[] weights) {
        int[] d = data[chunkOf(i)];
        int o = offsetOf(i);
        int full = k / GROUP;
        int r = k - GROUP * full;
        for (int g = 0; g < full; g++) {
            int p = o + 2 * GROUP * g;
            System.arraycopy(columns, GROUP * g, d, p, GROUP);
            for (int h = 0; h < GROUP; h++) {
                d[p + GROUP + h] = Float.floatToRawIntBits(weights[GROUP * g + h]);
            }
        }
        int p = o + 2 * GROUP * full;
        System.arraycopy(columns, GROUP * full, d, p, r);
        for (int h = 0; h < r; h++) {
            d[p + r + h] = Float.floatToRawIntBits(weights[GROUP * full + h]);
        }
    }

    /** The weight of the q-th stored entry of row i. */
    public float weight(int i, int q) {
        return Float.intBitsToFloat(data[chunkOf(i)][offsetOf(i) + weightSlot(q)]);
    }

    /** The column of the q-th stored entry of row i. */
    public int column(int i, int q) {
        return data[chunkOf(i)][offsetOf(i) + indexSlot(q)];
    }

    /** J_ij: the sum of row i's stored entries in column j (0 where none); O(K). */
    @Override
    public double get(int i, int j) {
        double s = 0.0;
        for (int q = 0; q < k; q++) {
            if (column(i, q) == j) {
                s += weight(i, q);
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
                SparseKernels.rows(data[c], k, first, x, 0, out, 0, i, end);
            } else {
                // one row at a time, every replica: the row's entries stay in L1 between the replicas
                for (int row = i; row < end; row++) {
                    for (int m = 0; m < replicas; m++) {
                        SparseKernels.rows(data[c], k, first, x, m * n, out, m * n, row, row + 1);
                    }
                }
            }
            i = end;
        }
    }
}
