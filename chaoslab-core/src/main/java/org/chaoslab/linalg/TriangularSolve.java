package org.chaoslab.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Triangular solves with an upper triangular R (non-unit diagonal, column-major) in pure Java: the dtrsm calls of the
 * Lyapunov spectrum's Cholesky QR when no native BLAS is loaded, where netlib's scalar Java BLAS ran at 2–3 GFLOP/s.
 *
 * <p>Every entry is one fixed chain of operations whichever rows are solved together or by which thread: in
 * {@link #rightUpper}, x_rj = (b_rj − R_0j x_r0 − R_1j x_r1 − … − R_{j−1,j} x_{r,j−1}) / R_jj with each term
 * subtracted by one fused multiply-add in the order of i, so results never depend on the thread count or on the
 * vector width (the lanes hold different rows, never parts of one sum), and interpreted and compiled code agree.
 */
public final class TriangularSolve {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Columns of X formed together: each row vector of x_i loaded once serves four of them. */
    private static final int COLUMNS = 4;

    private TriangularSolve() {
    }

    /**
     * B ← B·R⁻¹ (dtrsm("R", "U", "N", "N") with α = 1): rows [from, to) of the column-major B (column j at
     * b[bOff + j·ldb]), R the upper triangle of the k×k column-major r[rOff + j·ldr + i] (the strictly lower part is
     * not read). Rows go in blocks of two vectors from {@code from}, the rest one at a time, with the same arithmetic.
     */
    public static void rightUpper(int from, int to, int k, double[] r, int rOff, int ldr, double[] b, int bOff, int ldb) {
        int l = D.length();
        int chunk = 2 * l;
        int row = from;
        for (; row + chunk <= to; row += chunk) {
            rightUpper2(row, k, r, rOff, ldr, b, bOff, ldb);
        }
        for (; row < to; row++) {
            rightUpperRow(row, k, r, rOff, ldr, b, bOff, ldb);
        }
    }

    /** Rows [row, row + 2·lanes) of {@link #rightUpper}, four columns of X at a time. */
    private static void rightUpper2(int row, int k, double[] r, int rOff, int ldr, double[] b, int bOff, int ldb) {
        int l = D.length();
        int j0 = 0;
        for (; j0 + COLUMNS <= k; j0 += COLUMNS) {
            int c0 = bOff + j0 * ldb + row;
            int c1 = c0 + ldb;
            int c2 = c1 + ldb;
            int c3 = c2 + ldb;
            DoubleVector p0 = DoubleVector.fromArray(D, b, c0);
            DoubleVector q0 = DoubleVector.fromArray(D, b, c0 + l);
            DoubleVector p1 = DoubleVector.fromArray(D, b, c1);
            DoubleVector q1 = DoubleVector.fromArray(D, b, c1 + l);
            DoubleVector p2 = DoubleVector.fromArray(D, b, c2);
            DoubleVector q2 = DoubleVector.fromArray(D, b, c2 + l);
            DoubleVector p3 = DoubleVector.fromArray(D, b, c3);
            DoubleVector q3 = DoubleVector.fromArray(D, b, c3 + l);
            int r0 = rOff + j0 * ldr;
            int r1 = r0 + ldr;
            int r2 = r1 + ldr;
            int r3 = r2 + ldr;
            // the columns of X before this block: x_rj ← fma(−R_ij, x_ri, x_rj) for i < j0, in the order of i
            for (int i = 0; i < j0; i++) {
                int xi = bOff + i * ldb + row;
                DoubleVector x = DoubleVector.fromArray(D, b, xi);
                DoubleVector y = DoubleVector.fromArray(D, b, xi + l);
                DoubleVector m0 = DoubleVector.broadcast(D, -r[r0 + i]);
                DoubleVector m1 = DoubleVector.broadcast(D, -r[r1 + i]);
                DoubleVector m2 = DoubleVector.broadcast(D, -r[r2 + i]);
                DoubleVector m3 = DoubleVector.broadcast(D, -r[r3 + i]);
                p0 = m0.fma(x, p0);
                q0 = m0.fma(y, q0);
                p1 = m1.fma(x, p1);
                q1 = m1.fma(y, q1);
                p2 = m2.fma(x, p2);
                q2 = m2.fma(y, q2);
                p3 = m3.fma(x, p3);
                q3 = m3.fma(y, q3);
            }
            // within the block: column j0, then j0 + 1 (which needs x_j0), …
            DoubleVector d0 = DoubleVector.broadcast(D, r[r0 + j0]);
            p0 = p0.div(d0);
            q0 = q0.div(d0);
            DoubleVector m = DoubleVector.broadcast(D, -r[r1 + j0]);
            p1 = m.fma(p0, p1);
            q1 = m.fma(q0, q1);
            DoubleVector d1 = DoubleVector.broadcast(D, r[r1 + j0 + 1]);
            p1 = p1.div(d1);
            q1 = q1.div(d1);
            m = DoubleVector.broadcast(D, -r[r2 + j0]);
            p2 = m.fma(p0, p2);
            q2 = m.fma(q0, q2);
            m = DoubleVector.broadcast(D, -r[r2 + j0 + 1]);
            p2 = m.fma(p1, p2);
            q2 = m.fma(q1, q2);
            DoubleVector d2 = DoubleVector.broadcast(D, r[r2 + j0 + 2]);
            p2 = p2.div(d2);
            q2 = q2.div(d2);
            m = DoubleVector.broadcast(D, -r[r3 + j0]);
            p3 = m.fma(p0, p3);
            q3 = m.fma(q0, q3);
            m = DoubleVector.broadcast(D, -r[r3 + j0 + 1]);
            p3 = m.fma(p1, p3);
            q3 = m.fma(q1, q3);
            m = DoubleVector.broadcast(D, -r[r3 + j0 + 2]);
            p3 = m.fma(p2, p3);
            q3 = m.fma(q2, q3);
            DoubleVector d3 = DoubleVector.broadcast(D, r[r3 + j0 + 3]);
            p3 = p3.div(d3);
            q3 = q3.div(d3);
            p0.intoArray(b, c0);
            q0.intoArray(b, c0 + l);
            p1.intoArray(b, c1);
            q1.intoArray(b, c1 + l);
            p2.intoArray(b, c2);
            q2.intoArray(b, c2 + l);
            p3.intoArray(b, c3);
            q3.intoArray(b, c3 + l);
        }
        for (; j0 < k; j0++) {
            int c0 = bOff + j0 * ldb + row;
            int r0 = rOff + j0 * ldr;
            DoubleVector p0 = DoubleVector.fromArray(D, b, c0);
            DoubleVector q0 = DoubleVector.fromArray(D, b, c0 + l);
            for (int i = 0; i < j0; i++) {
                int xi = bOff + i * ldb + row;
                DoubleVector m0 = DoubleVector.broadcast(D, -r[r0 + i]);
                p0 = m0.fma(DoubleVector.fromArray(D, b, xi), p0);
                q0 = m0.fma(DoubleVector.fromArray(D, b, xi + l), q0);
            }
            DoubleVector d0 = DoubleVector.broadcast(D, r[r0 + j0]);
            p0.div(d0).intoArray(b, c0);
            q0.div(d0).intoArray(b, c0 + l);
        }
    }

    /** One row of {@link #rightUpper}: the same chain per entry in scalar code. */
    private static void rightUpperRow(int row, int k, double[] r, int rOff, int ldr, double[] b, int bOff, int ldb) {
        for (int j = 0; j < k; j++) {
            int rj = rOff + j * ldr;
            double s = b[bOff + j * ldb + row];
            for (int i = 0; i < j; i++) {
                s = Math.fma(-r[rj + i], b[bOff + i * ldb + row], s);
            }
            b[bOff + j * ldb + row] = s / r[rj + j];
        }
    }

    /**
     * B ← R⁻ᵀ·B (dtrsm("L", "U", "T", "N") with α = 1) for columns [from, to) of the column-major B (k rows from
     * b[bOff + j·ldb]), R the upper triangle of the k×k r[rOff + j·ldr + i]: forward substitution,
     * x_i = (b_i − Σ_{p<i} R_pi x_p) / R_ii with the sum one dot product of R's column i and the solved part of x
     * ({@link DotKernels#dot}: a fixed reduction order).
     */
    public static void leftUpperTransposed(int from, int to, int k, double[] r, int rOff, int ldr, double[] b, int bOff,
                                           int ldb) {
        for (int j = from; j < to; j++) {
            int x = bOff + j * ldb;
            for (int i = 0; i < k; i++) {
                int ri = rOff + i * ldr;
                b[x + i] = (b[x + i] - DotKernels.dot(r, ri, b, x, i)) / r[ri + i];
            }
        }
    }
}
