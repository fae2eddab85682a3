package org.chaoslab.sim.lyapunov;

import dev.ludovic.netlib.lapack.LAPACK;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.RowTask;
import org.netlib.util.intW;

/**
 * Re-orthonormalization of an N×k system Q (column-major, leading dimension N, k ≤ N) by Householder
 * QR, in place: Q ← Q̃ with Q_old = Q̃R, R_ii &gt; 0, and log R_ii returned.
 *
 * <p>The algorithm is LAPACK's blocked dgeqrf followed by dorgqr (Golub &amp; Van Loan, <i>Matrix
 * Computations</i>, 4th ed., §5.2.3 and §5.1.7): panels of {@link #PANEL} columns are factored by dgeqr2,
 * their block reflector I − V T Vᵀ formed by dlarft, and the trailing columns updated by dlarfb — here
 * split into fixed column blocks that run in parallel (the blocks depend on k only, so results do not
 * depend on the thread count). Q is then formed backwards, panel by panel, the same way. This is
 * LAPACK's algorithm with NB = {@value #PANEL} (its trailing updates merely split by columns), so the
 * results agree with dgeqrf + dorgqr to round-off; {@link #referenceLapack} calls those directly (tests
 * compare the two). Panel factorizations are sequential BLAS-2 work (~7 ms of ~34 ms at N = k = 1000).
 *
 * <p>Signs: LAPACK's R may have negative diagonal entries; we flip the matching columns of Q so that
 * R_ii &gt; 0 always. The decomposition is then unique, Q evolves continuously from one
 * re-orthonormalization to the next, and log R_ii is the growth of the i-th direction
 * (Benettin et al., Meccanica 15:9 (1980); Shimada &amp; Nagashima, Prog. Theor. Phys. 61:1605 (1979)).
 *
 * <p>All workspace is allocated once; one instance per system, used from one thread.
 *
 * <p>Padding: netlib's argument checks for LAPACK routines assume that every column of a sub-matrix
 * is a full {@code lda} long (offset + cols·lda ≤ length), so the array must extend N elements
 * beyond the system for the bottom-right panels to pass the check (BLAS's dgemm checks the exact
 * extent). {@link #paddedLength} gives the length to allocate.
 */
final class HouseholderQr {

    /** Panel width (LAPACK's default block size for dgeqrf is 32). */
    static final int PANEL = 32;
    private static final int MIN_BLOCK_COLS = 64;
    private static final int TARGET_BLOCKS = 8;

    private final int n;
    private final int k;
    private final LAPACK lapack = Blas.lapack();
    private final double[] tau;
    private final double[] t;          // PANEL×PANEL triangular factor, ld PANEL
    private final double[] panelWork;  // dgeqr2/dorg2r workspace
    private final double[] blockWork;  // dlarfb workspace: one (colBlock × PANEL) region per column block
    private final double[] diag;
    private final int colBlock;
    private final intW info = new intW(0);
    private final RowTask update;

    // the panel in progress (set before pool.run, read by the update task)
    private double[] a;
    private int aOff;
    private int panelStart;
    private int panelWidth;
    private int blockBase;
    private String trans;

    HouseholderQr(int n, int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n] (got k=" + k + ", n=" + n + ")");
        }
        this.n = n;
        this.k = k;
        this.tau = new double[k];
        this.t = new double[PANEL * PANEL];
        this.panelWork = new double[Math.max(1, PANEL)];
        this.diag = new double[k];
        this.colBlock = Math.max(MIN_BLOCK_COLS, (k + TARGET_BLOCKS - 1) / TARGET_BLOCKS);
        int blocks = (k + colBlock - 1) / colBlock;
        this.blockWork = new double[blocks * colBlock * PANEL];
        this.update = (from, to) -> {
            for (int blk = from; blk < to; blk++) {
                applyBlock(blockBase + blk);
            }
        };
    }

    int columns() {
        return k;
    }

    /** The array length needed for a system of k columns at offset {@code off} (see the class comment). */
    static int paddedLength(int n, int k, int off) {
        return off + (k + 1) * n;
    }

    /**
     * Orthonormalizes the k columns of {@code q} starting at offset {@code off} (column c at
     * off + c·N) in place and writes log R_ii into {@code logR[0..k)}.
     *
     * @return false when some R_ii is zero or not finite (the system lost rank or overflowed)
     */
    boolean orthonormalize(double[] q, int off, double[] logR, ParallelRows pool) {
        if (q.length < paddedLength(n, k, off)) {
            throw new IllegalArgumentException("QR array needs N elements of padding after the system (length "
                    + q.length + " < " + paddedLength(n, k, off) + ")");
        }
        a = q;
        aOff = off;
        try {
            factor(pool);
            for (int i = 0; i < k; i++) {
                diag[i] = q[off + i * n + i];
            }
            formQ(pool);
        } finally {
            a = null;
        }
        return fixSigns(q, off, logR);
    }

    /** The same with LAPACK dgeqrf + dorgqr (single call each; for tests and comparison). */
    boolean referenceLapack(double[] q, int off, double[] logR) {
        double[] w = new double[1];
        lapack.dgeqrf(n, k, q, off, n, tau, 0, w, 0, -1, info);
        int lwork = (int) w[0];
        lapack.dorgqr(n, k, k, q, off, n, tau, 0, w, 0, -1, info);
        lwork = Math.max(lwork, (int) w[0]);
        double[] work = new double[Math.max(1, lwork)];
        lapack.dgeqrf(n, k, q, off, n, tau, 0, work, 0, work.length, info);
        check("dgeqrf");
        for (int i = 0; i < k; i++) {
            diag[i] = q[off + i * n + i];
        }
        lapack.dorgqr(n, k, k, q, off, n, tau, 0, work, 0, work.length, info);
        check("dorgqr");
        return fixSigns(q, off, logR);
    }

    private void factor(ParallelRows pool) {
        trans = "T";
        for (int i = 0; i < k; i += PANEL) {
            int ib = Math.min(PANEL, k - i);
            int pOff = aOff + i * n + i;
            lapack.dgeqr2(n - i, ib, a, pOff, n, tau, i, panelWork, 0, info);
            check("dgeqr2");
            if (i + ib < k) {
                lapack.dlarft("F", "C", n - i, ib, a, pOff, n, tau, i, t, 0, PANEL);
                runTrailing(i, ib, pool);
            }
        }
    }

    private void formQ(ParallelRows pool) {
        trans = "N";
        int last = ((k - 1) / PANEL) * PANEL;
        for (int i = last; i >= 0; i -= PANEL) {
            int ib = Math.min(PANEL, k - i);
            int pOff = aOff + i * n + i;
            if (i + ib < k) {
                // T of this panel, before dorg2r overwrites its reflectors
                lapack.dlarft("F", "C", n - i, ib, a, pOff, n, tau, i, t, 0, PANEL);
                runTrailing(i, ib, pool);
            }
            lapack.dorg2r(n - i, ib, ib, a, pOff, n, tau, i, panelWork, 0, info);
            check("dorg2r");
            for (int c = i; c < i + ib; c++) {
                java.util.Arrays.fill(a, aOff + c * n, aOff + c * n + i, 0.0);
            }
        }
    }

    /** Applies the panel's block reflector to the trailing columns [i+ib, k), in fixed column blocks. */
    private void runTrailing(int i, int ib, ParallelRows pool) {
        panelStart = i;
        panelWidth = ib;
        int firstBlock = (i + ib) / colBlock;
        int lastBlock = (k - 1) / colBlock;
        // blocks are numbered globally (fixed by k); run the ones the trailing range touches
        blockBase = firstBlock;
        pool.run(lastBlock - firstBlock + 1, 1, update);
    }

    private void applyBlock(int blk) {
        int i = panelStart;
        int ib = panelWidth;
        int c0 = Math.max(blk * colBlock, i + ib);
        int c1 = Math.min((blk + 1) * colBlock, k);
        if (c1 <= c0) {
            return;
        }
        // H = I − V T Vᵀ; factor: C ← Hᵀ C, forming Q: C ← H C (rows i..N of the block's columns)
        lapack.dlarfb("L", trans, "F", "C", n - i, c1 - c0, ib, a, aOff + i * n + i, n, t, 0, PANEL,
                a, aOff + c0 * n + i, n, blockWork, blk * colBlock * PANEL, colBlock);
    }

    private boolean fixSigns(double[] q, int off, double[] logR) {
        boolean ok = true;
        for (int i = 0; i < k; i++) {
            double r = diag[i];
            if (r < 0) {
                int c = off + i * n;
                for (int row = 0; row < n; row++) {
                    q[c + row] = -q[c + row];
                }
            }
            double abs = Math.abs(r);
            ok &= abs > 0 && abs < Double.POSITIVE_INFINITY;
            logR[i] = Math.log(abs);
        }
        return ok;
    }

    private void check(String routine) {
        if (info.val != 0) {
            throw new IllegalStateException("LAPACK " + routine + " failed (info = " + info.val + ")");
        }
    }
}
