package org.chaoslab.analysis;

import org.chaoslab.linalg.Blas;
import org.netlib.util.intW;

/** Eigenvalues of a real symmetric matrix by LAPACK dsyevr (native OpenBLAS when present, else netlib Java). */
public final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /** The eigenvalues, ascending, of the symmetric N×N matrix {@code a} (only its upper triangle is read; not modified). */
    public static double[] values(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("matrix must be " + n + "x" + n);
        }
        double[] work = a.clone();
        double[] w = new double[n];
        intW m = new intW(0);
        intW info = new intW(0);
        int[] isuppz = new int[2 * n];
        double[] z = new double[n * n];   // not referenced for jobz = N; sized for implementations that check bounds
        // workspace query, then the computation (dsyevr: relatively robust representations)
        double[] q = new double[1];
        int[] iq = new int[1];
        Blas.lapack().dsyevr("N", "A", "U", n, work, n, 0, 0, 0, 0, 0.0, m, w, z, n, isuppz, q, -1, iq, -1, info);
        int lwork = Math.max(26 * n, (int) q[0]);
        int liwork = Math.max(10 * n, iq[0]);
        Blas.lapack().dsyevr("N", "A", "U", n, work, n, 0, 0, 0, 0, 0.0, m, w, z, n, isuppz,
                new double[lwork], lwork, new int[liwork], liwork, info);
        if (info.val != 0) {
            throw new IllegalStateException("dsyevr failed (info = " + info.val + ")");
        }
        return w;
    }
}
