package org.chaoslab.analysis.kernel;

import org.chaoslab.linalg.Blas;
import org.netlib.util.intW;

/** Eigenvalues and eigenvectors of a real symmetric matrix by LAPACK dsyevr (as {@code analysis.SymmetricEigen}). */
final class EigenDecomposition {

    /** Eigenvalues, ascending. */
    final double[] values;
    /** Eigenvectors, column-major n×n: column j (elements j·n .. j·n + n − 1) belongs to values[j]. */
    final double[] vectors;

    private EigenDecomposition(double[] values, double[] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes the symmetric n×n matrix {@code a} (upper triangle read, column-major; not modified). */
    static EigenDecomposition of(double[] a, int n) {
        double[] work = a.clone();
        double[] w = new double[n];
        double[] z = new double[n * n];
        intW m = new intW(0);
        intW info = new intW(0);
        int[] isuppz = new int[2 * n];
        double[] q = new double[1];
        int[] iq = new int[1];
        Blas.lapack().dsyevr("V", "A", "U", n, work, n, 0, 0, 0, 0, 0.0, m, w, z, n, isuppz, q, -1, iq, -1, info);
        int lwork = Math.max(26 * n, (int) q[0]);
        int liwork = Math.max(10 * n, iq[0]);
        Blas.lapack().dsyevr("V", "A", "U", n, work, n, 0, 0, 0, 0, 0.0, m, w, z, n, isuppz,
                new double[lwork], lwork, new int[liwork], liwork, info);
        if (info.val != 0) {
            throw new IllegalStateException("dsyevr failed (info = " + info.val + ")");
        }
        return new EigenDecomposition(w, z);
    }
}
