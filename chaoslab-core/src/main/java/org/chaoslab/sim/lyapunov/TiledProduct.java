package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.DotKernels;
import org.chaoslab.linalg.FloatPanelProduct;
import org.chaoslab.linalg.PanelProduct;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.RowTask;

/**
 * C[:, 0:cols] ← α·J·B[:, 0:cols] + β·C[:, 0:cols] for a row-major N×N matrix J (float64, or float32
 * for the mixed-precision tangent product) and column-major
 * N×cols blocks B, C (column c at offset c·N: the replica-major layout of the simulator), as one BLAS
 * dgemm (sgemm) split into a <em>fixed</em> grid of tiles; without a native BLAS a tile of at least one panel's width
 * goes through chaoslab's register-blocked kernels ({@link PanelProduct}, {@link FloatPanelProduct}), a narrower one
 * through the dot-product kernel ({@link DotKernels#columns}; float32: the Java sgemm).
 *
 * <p>The grid depends only on N and cols, never on the number of threads, and each tile is one dgemm
 * call computed the same way whichever thread claims it: results are bit-identical for any thread
 * count. Tiles are column blocks first (each packs all of J once: few, wide tiles keep BLAS efficient)
 * and row blocks only where there are too few columns to keep the threads busy (the state-only
 * transient, small k). Unlike {@code Float64Matrix.multiply} (16-row blocks, fine for a few replicas)
 * this keeps the packing overhead small when cols is in the hundreds or thousands.
 */
final class TiledProduct {

    /**
     * Tiles per product when the problem is big enough: each packs all of J, so few wide tiles win (N = k = 1000
     * on 2 cores: sgemm 6.5 / 7.0 / 7.7 ms per step with 2 / 4 / 8 tiles, dgemm flat); 4 still feeds 4 threads.
     */
    static final int TARGET_TILES = 4;
    private static final int MIN_COLS_PER_TILE = 32;
    private static final int MIN_ROWS_PER_TILE = 128;

    private final double[] j;
    private final float[] jf;
    /** Index of J's entry (0, 0) in {@code j} or {@code jf}. */
    private final int start;
    private final int n;
    private final int cols;
    private final int rowBlock;
    private final int colBlock;
    private final int rowTiles;
    private final int tiles;
    private final RowTask task;

    // arguments of the call in progress (read by the pre-built task; set on the calling thread before run)
    private double alpha;
    private double beta;
    private double[] b;
    private double[] c;
    private float[] bf;
    private float[] cf;

    /** Float64 product (dgemm); J's entry (i, k) at {@code j[start + i·n + k]}. */
    TiledProduct(double[] j, int start, int n, int cols) {
        this(j, null, start, n, cols);
    }

    /** Float32 product (sgemm); J's entry (i, k) at {@code j[start + i·n + k]}. */
    TiledProduct(float[] j, int start, int n, int cols) {
        this(null, j, start, n, cols);
    }

    private TiledProduct(double[] j, float[] jf, int start, int n, int cols) {
        this.j = j;
        this.jf = jf;
        this.start = start;
        this.n = n;
        this.cols = cols;
        int colTiles = Math.max(1, Math.min(TARGET_TILES, cols / MIN_COLS_PER_TILE));
        int rowTilesWanted = Math.max(1, Math.min(TARGET_TILES / colTiles, n / MIN_ROWS_PER_TILE));
        this.colBlock = (cols + colTiles - 1) / colTiles;
        this.rowBlock = (n + rowTilesWanted - 1) / rowTilesWanted;
        this.rowTiles = (n + rowBlock - 1) / rowBlock;
        this.tiles = rowTiles * ((cols + colBlock - 1) / colBlock);
        var blas = Blas.blas();
        this.task = (from, to) -> {
            for (int t = from; t < to; t++) {
                int i0 = (t % rowTiles) * rowBlock;
                int c0 = (t / rowTiles) * colBlock;
                int m = Math.min(rowBlock, n - i0);
                int w = Math.min(colBlock, this.cols - c0);
                // column-major view: the row-major J is Jᵀ with lda N, so rows [i0, i0+m) of J are its columns
                if (jf == null && !Blas.isNative() && w >= PanelProduct.WIDTH) {
                    // pure Java, a wide tile: the register-blocked panel kernel (N = k = 1000 on 2 cores: 39.6 ms per
                    // tangent step with the dot-product kernel below)
                    PanelProduct.tile(j, start, n, i0, i0 + m, alpha, b, c0, w, beta, c);
                } else if (jf == null && !Blas.isNative()) {
                    // pure Java: chaoslab's deterministic SIMD kernel (faster than the scalar Java BLAS)
                    DotKernels.columns(j, start, n, b, c0, w, c, i0, i0 + m, alpha, beta);
                } else if (jf == null) {
                    blas.dgemm("T", "N", m, w, n, alpha, j, start + i0 * n, n, b, c0 * n, n, beta, c, c0 * n + i0, n);
                } else if (!Blas.isNative() && w >= FloatPanelProduct.WIDTH) {
                    // pure Java, float32: the float panel kernel (netlib's Java sgemm was slower than float64)
                    FloatPanelProduct.tile(jf, start, n, i0, i0 + m, (float) alpha, bf, c0, w, (float) beta, cf);
                } else {
                    blas.sgemm("T", "N", m, w, n, (float) alpha, jf, start + i0 * n, n, bf, c0 * n, n, (float) beta, cf,
                            c0 * n + i0, n);
                }
            }
        };
    }

    int columns() {
        return cols;
    }

    int tiles() {
        return tiles;
    }

    /** The float32 product: C ← α J B + β C on the first {@link #columns()} columns. */
    void multiply(float alpha, float[] b, float beta, float[] c, ParallelRows pool) {
        if (jf == null) {
            throw new IllegalStateException("a float64 product cannot multiply float32 operands");
        }
        this.alpha = alpha;
        this.beta = beta;
        this.bf = b;
        this.cf = c;
        try {
            pool.run(tiles, 1, task);
        } finally {
            this.bf = null;
            this.cf = null;
        }
    }

    /** C ← α J B + β C on the first {@link #columns()} columns (β = 0: C is only written). */
    void multiply(double alpha, double[] b, double beta, double[] c, ParallelRows pool) {
        if (j == null) {
            throw new IllegalStateException("a float32 product cannot multiply float64 operands");
        }
        this.alpha = alpha;
        this.beta = beta;
        this.b = b;
        this.c = c;
        try {
            pool.run(tiles, 1, task);
        } finally {
            this.b = null;
            this.c = null;
        }
    }
}
