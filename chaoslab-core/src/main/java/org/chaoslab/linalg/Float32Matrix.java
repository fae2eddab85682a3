package org.chaoslab.linalg;

import java.util.Arrays;

/**
 * Row-major float32 matrix: half the bytes per product. Vectors are rounded to float per product.
 *
 * <p>Storage: chunks of whole rows, {@link #rowsPerChunk} rows each (the last may hold fewer), allocated once. Up to
 * N = 46 340 (N² within one Java array) there is one chunk, the single array of {@link #Float32Matrix(int, float[])};
 * beyond, the default chunks ({@link CouplingMatrix#denseRowsPerChunk}) hold whole blocks of the single-vector product's
 * partition, at most 2²⁸ floats (1 GB) each: dense N = 50 000 takes 10 GB in 11 chunks.
 *
 * <p>The chunking never changes a result: the row kernels group rows (four at a time for one vector, two for several,
 * counted from the start of each fixed block) exactly as for one array, and a group that straddles two chunks (only
 * with chunk sizes that are not whole blocks, as tests force) is copied into a scratch buffer of its 2–4 rows first, so
 * every product is bit-identical to the single-array one (tested).
 */
public final class Float32Matrix implements CouplingMatrix {

    private final int n;
    private final int rowsPerChunk;
    private final float[][] chunks;
    /** Index of each chunk's first entry: {@link AlignedStart#FLOAT} for the chunks allocated here, 0 for wrapped data. */
    private final int start;
    private float[] rf = new float[0];
    private float[] outf = new float[0];

    /** Wraps {@code data} (row-major, length n²) without copying: one chunk. */
    public Float32Matrix(int n, float[] data) {
        if (n < 1 || data.length != (long) n * n) {
            throw new IllegalArgumentException("matrix data must have n*n = " + ((long) n * n) + " entries (got " + data.length + ")");
        }
        this.n = n;
        this.rowsPerChunk = n;
        this.chunks = new float[][] {data};
        this.start = 0;
    }

    /**
     * An all-zero matrix in chunks of {@code rowsPerChunk} rows (at most 2³¹ − 9 floats each), allocated here once;
     * filled by {@link #setRow}/{@link #set}. Each chunk's entries start at index {@link #offset()}, where a large
     * array's row 0 lies on a 64-byte boundary ({@link AlignedStart}): with 16 | n every row then does, and the product
     * streams whole cache lines. The results are the same bits wherever the entries start.
     */
    public Float32Matrix(int n, int rowsPerChunk) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
        }
        long most = Math.max(1, (CouplingMatrix.MAX_ARRAY - AlignedStart.FLOAT) / n);
        if (rowsPerChunk < 1 || rowsPerChunk > most) {
            throw new IllegalArgumentException("rowsPerChunk must be in [1, " + most + "] (got " + rowsPerChunk + ")");
        }
        this.n = n;
        this.rowsPerChunk = Math.min(rowsPerChunk, n);
        int count = (n - 1) / this.rowsPerChunk + 1;
        start = AlignedStart.FLOAT;
        chunks = new float[count][];
        for (int c = 0; c < count; c++) {
            int rows = Math.min(this.rowsPerChunk, n - c * this.rowsPerChunk);
            chunks[c] = new float[start + rows * n];
        }
    }

    /** An all-zero N×N matrix with the default chunking ({@link CouplingMatrix#denseRowsPerChunk}). */
    public static Float32Matrix zeros(int n) {
        return new Float32Matrix(n, CouplingMatrix.denseRowsPerChunk(n, n));
    }

    @Override public int size() { return n; }
    @Override public double get(int i, int j) { return chunks[i / rowsPerChunk][start + (i % rowsPerChunk) * n + j]; }
    @Override public long bytes() { return 4L * n * n; }

    /** J_ij ← v. */
    public void set(int i, int j, float v) {
        chunks[i / rowsPerChunk][start + (i % rowsPerChunk) * n + j] = v;
    }

    /** Row i ← {@code row} rounded to float (n values). */
    public void setRow(int i, double[] row) {
        float[] d = chunks[i / rowsPerChunk];
        int o = start + (i % rowsPerChunk) * n;
        for (int j = 0; j < n; j++) {
            d[o + j] = (float) row[j];
        }
    }

    /** Rows per chunk (the last chunk may hold fewer). */
    public int rowsPerChunk() {
        return rowsPerChunk;
    }

    /** Number of chunks. */
    public int chunks() {
        return chunks.length;
    }

    /**
     * Index of entry (0, 0) in {@link #backing()}, and of each chunk's first entry in {@link #chunk}: 0 for a matrix
     * that wraps an array, {@link AlignedStart#FLOAT} (0–15) for one allocated here.
     */
    public int offset() {
        return start;
    }

    /**
     * The n² entries row-major from index 0: the backing array when it is one chunk that starts there, else a copy.
     *
     * @throws IllegalStateException when n² floats exceed one Java array
     */
    public float[] rowMajor() {
        float[] d = backing();
        return start == 0 ? d : Arrays.copyOfRange(d, start, start + n * n);
    }

    /** Chunk c: rows [c·rowsPerChunk, …) row-major from index {@link #offset()} (the backing array, not a copy). */
    public float[] chunk(int c) {
        return chunks[c];
    }

    /**
     * The backing array of all n² entries (not a copy), row-major from index 0, for a matrix that wraps one
     * ({@link #offset()} 0).
     *
     * @throws IllegalStateException when the entries start further in (a matrix allocated here: read them through
     *                               {@link #backing()} and {@link #offset()}, or {@link #rowMajor()}), or when the
     *                               matrix is stored in several chunks (N above 46 340: use {@link #chunk})
     */
    public float[] data() {
        float[] d = backing();
        if (start != 0) {
            throw AlignedStart.shifted(start);
        }
        return d;
    }

    /**
     * The backing array of all n² entries (not a copy), row-major from index {@link #offset()}: entry (i, j) at
     * {@code offset() + i·n + j}.
     *
     * @throws IllegalStateException when the matrix is stored in several chunks (N above 46 340): use {@link #chunk}
     */
    public float[] backing() {
        if (chunks.length != 1) {
            throw new IllegalStateException("the matrix is stored in " + chunks.length + " chunks of " + rowsPerChunk
                    + " rows (N = " + n + " exceeds one Java array); read it by chunk");
        }
        return chunks[0];
    }

    @Override
    public void multiply(double[] r, double[] out, int replicas, ParallelRows pool) {
        int len = replicas * n;
        if (rf.length < len) {
            rf = new float[len];
            outf = new float[len];
        }
        float[] x = rf;
        for (int k = 0; k < len; k++) {
            x[k] = (float) r[k];
        }
        int block = replicas == 1 ? CouplingMatrix.blockRows(n) : CouplingMatrix.gemmBlockRows(n);
        if (replicas == 1) {
            pool.run(n, block, (from, to) -> rows(x, out, from, to));
        } else if (!Blas.isNative()) {
            // the pure-Java path: chaoslab's own SIMD kernel (see Float64Matrix)
            pool.run(n, block, (from, to) -> columns(x, replicas, out, from, to));
        } else {
            var blas = Blas.blas();
            float[] y = outf;
            pool.run(n, block, (from, to) -> {
                // one sgemm per part of the block within one chunk (a fixed split: the same for any thread count)
                for (int i = from; i < to; ) {
                    int c = i / rowsPerChunk;
                    int first = c * rowsPerChunk;
                    int end = Math.min(to, first + rowsPerChunk);
                    blas.sgemm("T", "N", end - i, replicas, n, 1.0f, chunks[c], start + (i - first) * n, n, x, 0, n, 0.0f, y, i, n);
                    i = end;
                }
            });
            for (int k = 0; k < len; k++) {
                out[k] = y[k];
            }
        }
    }

    /** Rows [from, to) of one vector, grouped in fours from {@code from} as {@link DotKernels#rows} groups them. */
    private void rows(float[] x, double[] out, int from, int to) {
        int i = from;
        while (i < to) {
            int c = i / rowsPerChunk;
            int first = c * rowsPerChunk;
            int end = Math.min(to, first + rowsPerChunk);
            int whole = i + ((end - i) & ~3);
            if (end == to) {
                DotKernels.rows(chunks[c], start, first, n, x, out, i, to);    // the groups and the rows left over
                return;
            }
            DotKernels.rows(chunks[c], start, first, n, x, out, i, whole);
            if (whole + 4 <= to) {
                if (whole < end) {
                    // a group of four across the chunk boundary: its rows copied together, the same arithmetic
                    DotKernels.rows(gather(whole, 4), 0, whole, n, x, out, whole, whole + 4);
                    i = whole + 4;
                } else {
                    i = whole;
                }
            } else {
                for (int row = whole; row < to; row++) {                // the rows left over, one at a time
                    int rc = row / rowsPerChunk;
                    DotKernels.rows(chunks[rc], start, rc * rowsPerChunk, n, x, out, row, row + 1);
                }
                return;
            }
        }
    }

    /** Rows [from, to) of several vectors, in pairs from {@code from} as {@link DotKernels#columns} pairs them. */
    private void columns(float[] x, int replicas, double[] out, int from, int to) {
        int i = from;
        while (i < to) {
            int c = i / rowsPerChunk;
            int first = c * rowsPerChunk;
            int end = Math.min(to, first + rowsPerChunk);
            if (end == to) {
                DotKernels.columns(chunks[c], start, first, n, x, replicas, out, i, to);
                return;
            }
            int whole = i + ((end - i) & ~1);
            DotKernels.columns(chunks[c], start, first, n, x, replicas, out, i, whole);
            if (whole < end) {
                // a pair across the chunk boundary (to > end, so its second row exists): copied together
                DotKernels.columns(gather(whole, 2), 0, whole, n, x, replicas, out, whole, whole + 2);
                i = whole + 2;
            } else {
                i = whole;
            }
        }
    }

    /** Rows [from, from + count) copied into one array (row from at 0): a row group that straddles two chunks. */
    private float[] gather(int from, int count) {
        float[] g = new float[count * n];
        for (int r = 0; r < count; r++) {
            int i = from + r;
            System.arraycopy(chunks[i / rowsPerChunk], start + (i % rowsPerChunk) * n, g, r * n, n);
        }
        return g;
    }
}
