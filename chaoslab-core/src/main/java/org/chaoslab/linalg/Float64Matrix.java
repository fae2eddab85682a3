package org.chaoslab.linalg;

import java.util.Arrays;

/** Row-major float64 matrix. */
public final class Float64Matrix implements CouplingMatrix {

    private final int n;
    private final double[] data;
    /** Index of entry (0, 0) in {@link #data}. */
    private final int start;

    /** Wraps {@code data} (row-major, length n²) without copying. */
    public Float64Matrix(int n, double[] data) {
        if (n < 1 || data.length != (long) n * n) {
            throw new IllegalArgumentException("matrix data must have n*n = " + ((long) n * n) + " entries (got " + data.length + ")");
        }
        this.n = n;
        this.data = data;
        this.start = 0;
    }

    private Float64Matrix(int n) {
        if (n < 1 || (long) n * n > CouplingMatrix.MAX_ARRAY - AlignedStart.DOUBLE) {
            throw new IllegalArgumentException("n must be in [1, 46340] (got " + n + ")");
        }
        this.n = n;
        this.start = AlignedStart.DOUBLE;
        this.data = new double[start + n * n];
    }

    /**
     * An all-zero N×N matrix allocated here, its entries from index {@link #offset()}, where a large array's row 0 lies
     * on a 64-byte boundary ({@link AlignedStart}): with 8 | n every row then does, and the product streams whole
     * cache lines. The results are the same bits wherever the entries start.
     */
    public static Float64Matrix zeros(int n) {
        return new Float64Matrix(n);
    }

    @Override public int size() { return n; }
    @Override public double get(int i, int j) { return data[start + i * n + j]; }
    @Override public long bytes() { return 8L * n * n; }

    /**
     * The backing array (not a copy), row-major from index 0, for a matrix that wraps one ({@link #offset()} 0).
     *
     * @throws IllegalStateException when the entries start further in ({@link #zeros}): read them through
     *                               {@link #backing()} and {@link #offset()}, or {@link #rowMajor()}
     */
    public double[] data() {
        if (start != 0) {
            throw AlignedStart.shifted(start);
        }
        return data;
    }

    /**
     * The backing array (not a copy), row-major from index {@link #offset()}: entry (i, j) at
     * {@code offset() + i·n + j}.
     */
    public double[] backing() {
        return data;
    }

    /**
     * Index of entry (0, 0) in {@link #backing()}: 0 for a matrix that wraps an array, {@link AlignedStart#DOUBLE}
     * (0–7) for one from {@link #zeros}.
     */
    public int offset() {
        return start;
    }

    /** The n² entries row-major from index 0: the backing array when it starts there, else a copy. */
    public double[] rowMajor() {
        return start == 0 ? data : Arrays.copyOfRange(data, start, start + n * n);
    }

    @Override
    public void multiply(double[] r, double[] out, int replicas, ParallelRows pool) {
        int block = replicas == 1 ? CouplingMatrix.blockRows(n) : CouplingMatrix.gemmBlockRows(n);
        if (replicas == 1) {
            pool.run(n, block, (from, to) -> DotKernels.rows(data, start, n, r, out, from, to));
        } else if (!Blas.isNative()) {
            // the pure-Java path: chaoslab's own SIMD kernel on packed panels of the columns (faster than the scalar
            // Java BLAS and than the dot-product kernel, and deterministic: PanelProduct)
            double[] panels = PanelProduct.pack(r, n, replicas);
            pool.run(n, block, (from, to) -> PanelProduct.multiply(data, start, n, panels, replicas, out, from, to));
        } else {
            var blas = Blas.blas();
            // column-major view: data is Jᵀ (N×N, lda N); rows [a,b) of J = columns [a,b) of Jᵀ
            pool.run(n, block, (from, to) -> blas.dgemm("T", "N", to - from, replicas, n,
                    1.0, data, start + from * n, n, r, 0, n, 0.0, out, from, n));
        }
    }
}
