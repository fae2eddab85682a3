package org.chaoslab.linalg;

/** Row-major float32 matrix: half the bytes per product. Vectors are rounded to float per product. */
public final class Float32Matrix implements CouplingMatrix {

    private final int n;
    private final float[] data;
    private float[] rf = new float[0];
    private float[] outf = new float[0];

    /** Wraps {@code data} (row-major, length n²) without copying. */
    public Float32Matrix(int n, float[] data) {
        if (n < 1 || data.length != (long) n * n) {
            throw new IllegalArgumentException("matrix data must have n*n = " + ((long) n * n) + " entries (got " + data.length + ")");
        }
        this.n = n;
        this.data = data;
    }

    @Override public int size() { return n; }
    @Override public double get(int i, int j) { return data[i * n + j]; }
    @Override public long bytes() { return 4L * n * n; }

    /** The backing row-major array (not a copy). */
    public float[] data() {
        return data;
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
            pool.run(n, block, (from, to) -> DotKernels.rows(data, n, x, out, from, to));
        } else if (!Blas.isNative()) {
            // the pure-Java path: chaoslab's own SIMD kernel (see Float64Matrix)
            pool.run(n, block, (from, to) -> DotKernels.columns(data, n, x, replicas, out, from, to));
        } else {
            var blas = Blas.blas();
            float[] y = outf;
            pool.run(n, block, (from, to) -> blas.sgemm("T", "N", to - from, replicas, n,
                    1.0f, data, from * n, n, x, 0, n, 0.0f, y, from, n));
            for (int k = 0; k < len; k++) {
                out[k] = y[k];
            }
        }
    }
}
