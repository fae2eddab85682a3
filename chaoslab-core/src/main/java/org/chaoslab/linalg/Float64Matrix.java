package org.chaoslab.linalg;

/** Row-major float64 matrix. */
public final class Float64Matrix implements CouplingMatrix {

    private final int n;
    private final double[] data;

    /** Wraps {@code data} (row-major, length n²) without copying. */
    public Float64Matrix(int n, double[] data) {
        if (n < 1 || data.length != (long) n * n) {
            throw new IllegalArgumentException("matrix data must have n*n = " + ((long) n * n) + " entries (got " + data.length + ")");
        }
        this.n = n;
        this.data = data;
    }

    @Override public int size() { return n; }
    @Override public double get(int i, int j) { return data[i * n + j]; }
    @Override public long bytes() { return 8L * n * n; }

    /** The backing row-major array (not a copy). */
    public double[] data() {
        return data;
    }

    @Override
    public void multiply(double[] r, double[] out, int replicas, ParallelRows pool) {
        int block = replicas == 1 ? CouplingMatrix.blockRows(n) : CouplingMatrix.gemmBlockRows(n);
        if (replicas == 1) {
            pool.run(n, block, (from, to) -> DotKernels.rows(data, n, r, out, from, to));
        } else if (!Blas.isNative()) {
            // the pure-Java path: chaoslab's own SIMD kernel on packed panels of the columns (faster than the scalar
            // Java BLAS and than the dot-product kernel, and deterministic: PanelProduct)
            double[] panels = PanelProduct.pack(r, n, replicas);
            pool.run(n, block, (from, to) -> PanelProduct.multiply(data, n, panels, replicas, out, from, to));
        } else {
            var blas = Blas.blas();
            // column-major view: data is Jᵀ (N×N, lda N); rows [a,b) of J = columns [a,b) of Jᵀ
            pool.run(n, block, (from, to) -> blas.dgemm("T", "N", to - from, replicas, n,
                    1.0, data, from * n, n, r, 0, n, 0.0, out, from, n));
        }
    }
}
