package org.chaoslab.linalg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Dense N×N matrix in bfloat16 ({@link BFloat16}): 2 bytes per coupling, a quarter of float64's memory traffic.
 * Values are rounded to nearest-even from float64 ({@link #setRow}); products widen them to float32 in registers and
 * accumulate in float32 lanes, each row's lanes summed in float64 ({@link BFloat16Kernels}); vectors are rounded to float
 * per product, as {@link Float32Matrix} does.
 *
 * <p><b>Layout.</b> Rows are padded with zeros to a multiple of 2L columns (L = float lanes per vector, 16 with AVX-512:
 * 32 columns, at most 31 padded, 0.06 % at N = 50 000) and stored as ints, two bfloat16 per int: in segment s (columns
 * [2Ls, 2Ls + 2L)), int Ls + k holds column 2Ls + k in its low half and column 2Ls + L + k in its high half, so the
 * kernel widens both halves of one vector load with a shift and a mask and multiplies them with x as it lies in memory.
 * The layout (like the float kernels' summation order) depends on L, i.e. on the machine's vector size.
 *
 * <p><b>Chunks.</b> Rows are kept in chunks of whole rows ({@link CouplingMatrix#denseRowsPerChunk}: one array up to
 * N ≈ 46 340, beyond that whole product blocks of at most 2²⁸ ints, 1 GB), allocated once. Every row is computed by the
 * same arithmetic whatever kernel or chunk holds it, so products are bit-identical for any chunking, any thread count,
 * and for a vector alone or in a batch ({@link #multiply} with {@code replicas > 1}; no BLAS has bfloat16, so batches
 * use the same pure-Java kernel, four rows at a time for each vector).
 *
 * <p>Mutable while it is filled ({@link #setRow}, {@link #set}); treat it as read-only once built. The scratch vector
 * makes {@link #multiply} single-caller, as for the other matrices.
 */
public final class BFloat16Matrix implements CouplingMatrix {

    /** Atomic access to the packed ints of {@link #set}. */
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    private static final int L = BFloat16Kernels.L;

    private final int n;
    /** Columns per row including the zero padding: a multiple of 2L. */
    private final int stride;
    /** Ints per row: stride / 2. */
    private final int rowInts;
    private final int rowsPerChunk;
    private final int[][] chunks;
    private float[] xf = new float[0];

    /** An all-zero matrix with the default chunking. */
    public BFloat16Matrix(int n) {
        this(n, CouplingMatrix.denseRowsPerChunk(n, paddedColumns(n) / 2));
    }

    /** An all-zero matrix with {@code rowsPerChunk} rows per chunk (tests force small chunks). */
    public BFloat16Matrix(int n, int rowsPerChunk) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
        }
        this.n = n;
        this.stride = paddedColumns(n);
        this.rowInts = stride / 2;
        long most = Math.max(1, CouplingMatrix.MAX_ARRAY / rowInts);
        if (rowsPerChunk < 1 || rowsPerChunk > most) {
            throw new IllegalArgumentException("rowsPerChunk must be in [1, " + most + "] (got " + rowsPerChunk + ")");
        }
        this.rowsPerChunk = Math.min(rowsPerChunk, n);
        int count = (n - 1) / this.rowsPerChunk + 1;
        chunks = new int[count][];
        for (int c = 0; c < count; c++) {
            int rows = Math.min(this.rowsPerChunk, n - c * this.rowsPerChunk);
            chunks[c] = new int[rows * rowInts];
        }
    }

    /** Columns of a stored row: n rounded up to a multiple of 2L. */
    static int paddedColumns(int n) {
        return (int) (((long) n + 2 * L - 1) / (2 * L) * (2 * L));
    }

    /** Bytes of storage for N rows including the padding: 2·N·paddedColumns(N). */
    public static long bytes(int n) {
        return 2L * n * paddedColumns(n);
    }

    @Override public int size() { return n; }
    @Override public long bytes() { return bytes(n); }

    @Override
    public double get(int i, int j) {
        return BFloat16.toFloat(bits(i, j));
    }

    /** The bfloat16 bits of J_ij (low 16 bits). */
    public int bits(int i, int j) {
        int word = chunks[i / rowsPerChunk][(i % rowsPerChunk) * rowInts + slot(j)];
        return high(j) ? word >>> 16 : word & 0xFFFF;
    }

    /**
     * J_ij ← v rounded to bfloat16 (nearest, ties to even). Safe beside other threads setting other entries: J_ij shares
     * its int with another entry of the row, and the int is updated by compare-and-set, so a write to that entry made
     * meanwhile by another thread is kept (the symmetric coupling sampler writes J_ij and J_ji from row i's thread; a
     * plain read-modify-write lost such writes, leaving zero couplings).
     */
    public void set(int i, int j, double v) {
        int[] d = chunks[i / rowsPerChunk];
        int p = (i % rowsPerChunk) * rowInts + slot(j);
        int b = BFloat16.round(v);
        boolean high = high(j);
        int old;
        int now;
        do {
            old = (int) INTS.getVolatile(d, p);
            now = high ? (old & 0xFFFF) | b << 16 : (old & 0xFFFF0000) | b;
        } while (!INTS.compareAndSet(d, p, old, now));
    }

    /** Row i ← {@code row} (n values) rounded to bfloat16 (nearest, ties to even). */
    public void setRow(int i, double[] row) {
        int[] d = chunks[i / rowsPerChunk];
        int o = (i % rowsPerChunk) * rowInts;
        for (int s = 0; s < stride; s += 2 * L) {
            for (int k = 0; k < L; k++) {
                int lo = s + k;
                int hi = s + L + k;
                int bl = lo < n ? BFloat16.round(row[lo]) : 0;
                int bh = hi < n ? BFloat16.round(row[hi]) : 0;
                d[o + s / 2 + k] = bh << 16 | bl;
            }
        }
    }

    /** Row i widened to float32 (exact) into {@code dst[off .. off + n)}. */
    public void row(int i, float[] dst, int off) {
        int[] d = chunks[i / rowsPerChunk];
        int o = (i % rowsPerChunk) * rowInts;
        for (int s = 0; s < stride; s += 2 * L) {
            for (int k = 0; k < L; k++) {
                int w = d[o + s / 2 + k];
                if (s + k < n) {
                    dst[off + s + k] = Float.intBitsToFloat(w << 16);
                }
                if (s + L + k < n) {
                    dst[off + s + L + k] = Float.intBitsToFloat(w & 0xFFFF0000);
                }
            }
        }
    }

    /**
     * The same couplings widened exactly to float64 (8 bytes per coupling: for code that reads float64 arrays).
     *
     * @throws IllegalStateException beyond one float64 array (N &gt; 46 340)
     */
    public Float64Matrix toFloat64() {
        if ((long) n * n > CouplingMatrix.MAX_ARRAY) {
            throw new IllegalStateException("n = " + n + " is too large for one float64 array (at most 46340)");
        }
        float[] r = new float[n];
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            row(i, r, 0);
            for (int j = 0; j < n; j++) {
                d[i * n + j] = r[j];
            }
        }
        return new Float64Matrix(n, d);
    }

    /** The int of column j within its row. */
    private static int slot(int j) {
        return j / (2 * L) * L + j % L;
    }

    /** Whether column j is the high half of its int. */
    private static boolean high(int j) {
        return j % (2 * L) >= L;
    }

    /** Rows per chunk (the last chunk may hold fewer). */
    public int rowsPerChunk() {
        return rowsPerChunk;
    }

    /** Number of chunks. */
    public int chunks() {
        return chunks.length;
    }

    @Override
    public void multiply(double[] r, double[] out, int replicas, ParallelRows pool) {
        int len = replicas * stride;
        if (xf.length < len) {
            xf = new float[len];                     // the padding columns stay 0
        }
        float[] x = xf;
        for (int m = 0; m < replicas; m++) {
            for (int k = 0; k < n; k++) {
                x[m * stride + k] = (float) r[m * n + k];
            }
        }
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> {
            for (int i = from; i < to; ) {
                int c = i / rowsPerChunk;
                int first = c * rowsPerChunk;
                int end = Math.min(to, first + rowsPerChunk);
                BFloat16Kernels.rows(chunks[c], first, rowInts, n, x, stride, replicas, out, i, end);
                i = end;
            }
        });
    }
}
