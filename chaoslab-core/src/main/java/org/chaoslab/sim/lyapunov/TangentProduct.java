package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.RowTask;

/**
 * The one product of every step or stage of the {@link TangentSystem}, J·[φ(x), φ(x′), φ′∘Q], with its operand: the
 * tangent system's drive F (less the constant input) at a stage state. Column-major N×(2+k) blocks, column 0 for x,
 * 1 for x′, 2.. for Q; the state columns of the operand are written by the tangent system, the tangent columns
 * through {@link #tangentOperand}.
 *
 * <p>Float64: one tiled dgemm over all columns ({@link TiledProduct}). Mixed precision (a float32 copy of J given):
 * x and x′ by dgemm, the tangent columns by sgemm on float32 operands — {@link #tangentOperand} rounds φ′∘Q to float32
 * as it forms it, and the result is widened into the float64 target on the way out, with the caller's α and β. The
 * state alone (the transient) is always one float64 column.
 */
final class TangentProduct {

    private final int n;
    private final int k;
    private final ParallelRows pool;
    /** The float64 operand: φ(x), φ(x′) and, in float64 mode, φ′∘Q. */
    private final double[] operand;
    private final TiledProduct full;
    private final TiledProduct stateOnly;
    // mixed precision (null in float64 mode): x and x′ by dgemm, the tangent columns by sgemm
    private final TiledProduct statePair;
    private final TiledProduct tangent32;
    private final float[] operand32;
    private final float[] result32;
    private final int colsPerBlock;
    private final RowTask widen;

    // the widening in progress: target ← α·result32 + β·target on the tangent columns
    private double alpha;
    private double beta;
    private double[] target;

    /**
     * @param j the couplings, float64 and (for mixed-precision tangent products) float32, of size n ({@link
     *          DenseCouplings#requireSize}, checked by the tangent system)
     */
    TangentProduct(DenseCouplings j, int n, int k, int colsPerBlock, ParallelRows pool) {
        float[] j32 = j.j32();
        this.n = n;
        this.k = k;
        this.pool = pool;
        this.colsPerBlock = colsPerBlock;
        this.operand = new double[n * (2 + k)];
        this.full = j32 == null ? new TiledProduct(j.j(), j.start(), n, 2 + k) : null;
        this.stateOnly = new TiledProduct(j.j(), j.start(), n, 1);
        this.statePair = j32 == null ? null : new TiledProduct(j.j(), j.start(), n, 2);
        this.tangent32 = j32 == null ? null : new TiledProduct(j32, j.start32(), n, k);
        this.operand32 = j32 == null ? null : new float[n * k];
        this.result32 = j32 == null ? null : new float[n * k];
        this.widen = (from, to) -> {
            for (int c = from; c < to; c++) {
                widenColumn(c);
            }
        };
    }

    /** The float64 operand, column-major: the tangent system writes φ(x) into column 0 and φ(x′) into column 1. */
    double[] operand() {
        return operand;
    }

    /**
     * Tangent column c (0-based) of the operand: φ′(z)∘Q_c from the stage state {@code z} (its column 2 + c) and
     * {@code d} = φ′ at that stage state; float64, or rounded to float32 in mixed precision.
     */
    void tangentOperand(int c, double[] d, double[] z) {
        int off = (2 + c) * n;
        if (operand32 == null) {
            for (int i = 0; i < n; i++) {
                operand[off + i] = d[i] * z[off + i];
            }
        } else {
            int dst = c * n;
            for (int i = 0; i < n; i++) {
                operand32[dst + i] = (float) (d[i] * z[off + i]);
            }
        }
    }

    /** target ← α J·operand + β target on the first {@code act} columns (1: x alone; 2 + k: x, x′ and Q). */
    void multiply(int act, double alpha, double beta, double[] target) {
        if (act == 1) {
            stateOnly.multiply(alpha, operand, beta, target, pool);
        } else if (tangent32 == null) {
            full.multiply(alpha, operand, beta, target, pool);
        } else {
            statePair.multiply(alpha, operand, beta, target, pool);
            mixedTangents(alpha, beta, target);
        }
    }

    /** The tangent columns by sgemm (float32 result), widened into the float64 target with α and β. */
    private void mixedTangents(double alpha, double beta, double[] target) {
        this.alpha = alpha;
        this.beta = beta;
        this.target = target;
        try {
            tangent32.multiply(1f, operand32, 0f, result32, pool);
            pool.run(k, colsPerBlock, widen);
        } finally {
            this.target = null;
        }
    }

    private void widenColumn(int c) {
        double al = alpha;
        double be = beta;
        double[] o = target;
        int dst = (2 + c) * n;
        int src = c * n;
        if (be == 0.0) {
            for (int i = 0; i < n; i++) {
                o[dst + i] = al * result32[src + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[dst + i] = al * result32[src + i] + be * o[dst + i];
            }
        }
    }
}
