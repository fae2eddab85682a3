package org.chaoslab.sim.lyapunov;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.DotKernels;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.RowTask;
import org.chaoslab.linalg.TriangularSolve;
import org.netlib.util.intW;

/**
 * Re-orthonormalization of an N×k system Q (column-major, leading dimension N) by Cholesky QR, with
 * a second pass when Q is ill-conditioned (CholeskyQR2: Fukaya, Nakatsukasa, Yanagisawa &amp; Yamamoto,
 * ScalA'14 (2014), Algorithm 2; Yamamoto et al., ETNA 44:306 (2015)):
 * <pre>
 *   G = QᵀQ,   G = RᵀR (Cholesky),   Q ← Q R⁻¹
 * </pre>
 * Three BLAS-3 operations (dsyrk/dgemm, dpotrf, dtrsm), 2Nk² + k³/3 flops against Householder's
 * 4Nk² − 4k³/3 (dgeqrf + dorgqr), and all of them run near the dgemm rate, where Householder's panels
 * are BLAS-2. R has a positive diagonal by construction, so log R_ii is the growth of the i-th
 * direction exactly as with Householder QR (the QR factorization with R_ii &gt; 0 is unique).
 *
 * <p>Accuracy: one pass leaves ‖QᵀQ − I‖ ≈ κ(Q)²·u (u = 2⁻⁵³); a second pass brings it to O(u) for κ up to
 * ≈ u^{−1/2}. Between re-orthonormalizations the system's condition number is about
 * exp((λ_1 − λ_k) t_ONS) — tens for rate networks at t_ONS = 1 (measured ‖QᵀQ − I‖ ≈ 1e-13 after one
 * pass at N = k = 400, g = 3) — so one pass is the rule. After every pass the loss of orthogonality is
 * measured by a probe, ‖(QᵀQ − I)v‖/‖v‖ for a fixed ±1 vector v (two matrix–vector products, a
 * sample of ‖QᵀQ − I‖ of order its Frobenius norm/√k); above {@link #ORTHOGONALITY} another pass
 * runs (diag R = product of the passes' diagonals; at most {@link #MAX_PASSES}). When the Cholesky
 * factorization of the first pass fails (κ ≳ u^{−1/2}), {@link #orthonormalize} returns false and
 * leaves Q untouched: the caller then uses Householder QR.
 *
 * <p>Parallel work on fixed partitions that depend on N and k only (results are bit-identical for any
 * thread count): the Gram matrix by fixed column blocks of G (the strictly upper part of a block by
 * dgemm, its diagonal block by dsyrk), the blocked Cholesky factorization's panel solves and trailing
 * updates by fixed column blocks, the triangular solve Q R⁻¹ and the probe by fixed row/column blocks.
 *
 * <p>Without a native BLAS the Gram matrix, the panel solves, the trailing updates and Q R⁻¹ run on chaoslab's own
 * deterministic SIMD kernels ({@link DotKernels#gemmTN}, {@link TriangularSolve}) instead of netlib's scalar Java
 * BLAS (2–3 GFLOP/s for dsyrk and dtrsm): at N = k = 1000 on two cores one re-orthonormalization took 297 ms that
 * way (docs/benchmarks.md, "the full Lyapunov spectrum"). The diagonal blocks' dpotrf (k·{@link #BLOCK}²/3 flops)
 * and the probe's two matrix–vector products stay with LAPACK and BLAS.
 */
final class CholeskyQr {

    /** Largest accepted orthogonality probe ‖(QᵀQ − I)v‖/‖v‖ after a pass; above it, another pass. */
    static final double ORTHOGONALITY = 1e-10;
    /** Passes before giving up (CholeskyQR2 needs two whenever the first one's Cholesky succeeds). */
    static final int MAX_PASSES = 3;
    /** Column block of the Gram matrix and panel width of the blocked Cholesky factorization. */
    static final int BLOCK = 128;
    private static final int MIN_ROWS_PER_BLOCK = 128;
    private static final int ROW_BLOCKS = 8;

    private final int n;
    private final int k;
    private final BLAS blas = Blas.blas();
    private final LAPACK lapack = Blas.lapack();
    /** chaoslab's kernels for the level-3 operations: no native BLAS is loaded. */
    private final boolean javaKernels = !Blas.isNative();
    private final double[] g;        // k×k, column-major; upper triangle = G, then R
    private final double[] diag;
    private final double[] probe;     // the fixed ±1 vector v (length k)
    private final double[] qv;        // Q v (length N)
    private final double[] qtqv;      // Qᵀ Q v (length k)
    private final intW panelInfo = new intW(0);
    private final int blocks;
    private final int rowBlock;
    private final RowTask gramTask;
    private final RowTask panelSolveTask;
    private final RowTask trailingTask;
    private final RowTask solveTask;
    private final RowTask qvTask;
    private final RowTask qtqvTask;
    private long secondPasses;

    // the system and panel in progress
    private double[] a;
    private int aOff;
    private int p0;
    private int p1;

    CholeskyQr(int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n] (got k=" + k + ", n=" + n + ")");
        }
        this.n = n;
        this.k = k;
        this.g = new double[k * (k + 1)]; // + one column: netlib checks sub-matrices as if every column were ldc long
        this.diag = new double[k];
        this.probe = new double[k];
        for (int i = 0; i < k; i++) {
            // a fixed pseudo-random sign pattern (golden-ratio hash), the same in every run
            probe[i] = ((i + 1) * 0x9E3779B97F4A7C15L) < 0 ? -1.0 : 1.0;
        }
        this.qv = new double[n];
        this.qtqv = new double[k];
        this.blocks = (k + BLOCK - 1) / BLOCK;
        this.rowBlock = Math.max(MIN_ROWS_PER_BLOCK, (n + ROW_BLOCKS - 1) / ROW_BLOCKS);
        this.gramTask = (from, to) -> {
            for (int b = from; b < to; b++) {
                gramBlock(b * BLOCK, Math.min(k, (b + 1) * BLOCK));
            }
        };
        this.panelSolveTask = (from, to) -> {
            for (int b = from + p1 / BLOCK; b < to + p1 / BLOCK; b++) {
                panelSolve(b * BLOCK, Math.min(k, (b + 1) * BLOCK));
            }
        };
        this.trailingTask = (from, to) -> {
            for (int b = from + p1 / BLOCK; b < to + p1 / BLOCK; b++) {
                trailingUpdate(b * BLOCK, Math.min(k, (b + 1) * BLOCK));
            }
        };
        this.qvTask = (from, to) ->
                blas.dgemv("N", to - from, k, 1.0, a, aOff + from, n, probe, 0, 1, 0.0, qv, from, 1);
        this.qtqvTask = (from, to) ->
                blas.dgemv("T", n, to - from, 1.0, a, aOff + from * n, n, qv, 0, 1, 0.0, qtqv, from, 1);
        this.solveTask = (from, to) -> {
            // rows [from, to) of Q ← Q R⁻¹
            if (javaKernels) {
                TriangularSolve.rightUpper(from, to, k, g, 0, k, a, aOff, n);
            } else {
                blas.dtrsm("R", "U", "N", "N", to - from, k, 1.0, g, 0, k, a, aOff + from, n);
            }
        };
    }

    /** Number of orthonormalizations that needed the second pass. */
    long secondPasses() {
        return secondPasses;
    }

    /**
     * Orthonormalizes the k columns of {@code q} starting at {@code off} in place and writes log R_ii
     * into {@code logR[0..k)}.
     *
     * @return false when Cholesky QR cannot be trusted for this Q (then Q is unchanged)
     */
    boolean orthonormalize(double[] q, int off, double[] logR, ParallelRows pool) {
        a = q;
        aOff = off;
        try {
            if (!pass(pool)) {
                return false;
            }
            for (int i = 0; i < k; i++) {
                diag[i] = g[i * k + i];
            }
            solve(pool);
            int passes = 1;
            while (orthogonalityProbe(pool) > ORTHOGONALITY) {
                if (passes == MAX_PASSES || !pass(pool)) {
                    throw new IllegalStateException("Cholesky QR: the system is still not orthonormal after " + passes
                            + " passes (loss of rank in the tangent system)");
                }
                if (passes == 1) {
                    secondPasses++;
                }
                passes++;
                for (int i = 0; i < k; i++) {
                    diag[i] *= g[i * k + i];
                }
                solve(pool);
            }
        } finally {
            a = null;
        }
        boolean ok = true;
        for (int i = 0; i < k; i++) {
            double r = diag[i];
            ok &= r > 0 && r < Double.POSITIVE_INFINITY;
            logR[i] = Math.log(r);
        }
        return ok;
    }

    /** ‖(QᵀQ − I)v‖/‖v‖ for the fixed ±1 vector v: a sample of the loss of orthogonality. */
    private double orthogonalityProbe(ParallelRows pool) {
        pool.run(n, rowBlock, qvTask);
        pool.run(k, BLOCK, qtqvTask);
        double sum = 0.0;
        for (int i = 0; i < k; i++) {
            double d = qtqv[i] - probe[i];
            sum += d * d;
        }
        double e = Math.sqrt(sum / k);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /** G = QᵀQ, R = chol(G) in g; false if G is not (numerically) positive definite. */
    private boolean pass(ParallelRows pool) {
        pool.run(blocks, 1, gramTask);
        return cholesky(pool);
    }

    /** Columns [c0, c1) of the upper triangle of G = QᵀQ. */
    private void gramBlock(int c0, int c1) {
        if (javaKernels) {
            DotKernels.gemmTN(0, c1, c0, c1, n, 1.0, a, aOff, n, a, aOff, n, 0.0, g, 0, k, true);
            return;
        }
        int w = c1 - c0;
        if (c0 > 0) {
            blas.dgemm("T", "N", c0, w, n, 1.0, a, aOff, n, a, aOff + c0 * n, n, 0.0, g, c0 * k, k);
        }
        blas.dsyrk("U", "T", w, n, 1.0, a, aOff + c0 * n, n, 0.0, g, c0 * k + c0, k);
    }

    /**
     * Right-looking blocked Cholesky G = RᵀR of the upper triangle, in place (Golub &amp; Van Loan,
     * <i>Matrix Computations</i>, 4th ed., §4.2.9): per panel of {@link #BLOCK} columns, dpotrf of its
     * diagonal block, dtrsm of its row to the right, and the trailing update by dgemm/dsyrk — the last
     * two split into fixed column blocks that run in parallel.
     *
     * @return false if G is not (numerically) positive definite
     */
    private boolean cholesky(ParallelRows pool) {
        for (int b = 0; b < blocks; b++) {
            p0 = b * BLOCK;
            p1 = Math.min(k, p0 + BLOCK);
            lapack.dpotrf("U", p1 - p0, g, p0 * k + p0, k, panelInfo);
            if (panelInfo.val != 0) {
                return false;
            }
            if (b + 1 < blocks) {
                // trailing column blocks b+1.. (the tasks offset their block index by p1 / BLOCK = b + 1)
                pool.run(blocks - b - 1, 1, panelSolveTask);
                pool.run(blocks - b - 1, 1, trailingTask);
            }
        }
        return true;
    }

    /** Panel row, columns [c0, c1): G[p0:p1, c] ← R_ppᵀ⁻¹ G[p0:p1, c]. */
    private void panelSolve(int c0, int c1) {
        if (javaKernels) {
            TriangularSolve.leftUpperTransposed(c0, c1, p1 - p0, g, p0 * k + p0, k, g, p0, k);
            return;
        }
        blas.dtrsm("L", "U", "T", "N", p1 - p0, c1 - c0, 1.0, g, p0 * k + p0, k, g, c0 * k + p0, k);
    }

    /** Trailing columns [c0, c1): G[p1:c1, c] −= G[p0:p1, p1:c1]ᵀ G[p0:p1, c] (upper part only). */
    private void trailingUpdate(int c0, int c1) {
        int w = c1 - c0;
        int pw = p1 - p0;
        if (javaKernels) {
            DotKernels.gemmTN(p1, c1, c0, c1, pw, -1.0, g, p0, k, g, p0, k, 1.0, g, 0, k, true);
            return;
        }
        if (c0 > p1) {
            blas.dgemm("T", "N", c0 - p1, w, pw, -1.0, g, p1 * k + p0, k, g, c0 * k + p0, k, 1.0, g, c0 * k + p1, k);
        }
        blas.dsyrk("U", "T", w, pw, -1.0, g, c0 * k + p0, k, 1.0, g, c0 * k + c0, k);
    }

    private void solve(ParallelRows pool) {
        pool.run(n, rowBlock, solveTask);
    }
}
