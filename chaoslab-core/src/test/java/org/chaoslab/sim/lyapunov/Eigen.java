package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.Blas;
import org.netlib.util.intW;

/** Test helper: eigenvalues of a dense matrix by LAPACK dgeev. */
final class Eigen {

    private Eigen() {
    }

    /** Eigenvalues (re, im) of the n×n matrix {@code a} (row- or column-major: the transpose has the same eigenvalues). */
    static double[][] eigenvalues(double[] a, int n) {
        double[] copy = a.clone();
        double[] wr = new double[n];
        double[] wi = new double[n];
        double[] dummy = new double[1];
        double[] w = new double[1];
        intW info = new intW(0);
        Blas.lapack().dgeev("N", "N", n, copy, n, wr, wi, dummy, 1, dummy, 1, w, -1, info);
        double[] work = new double[(int) w[0]];
        Blas.lapack().dgeev("N", "N", n, copy, n, wr, wi, dummy, 1, dummy, 1, work, work.length, info);
        if (info.val != 0) {
            throw new IllegalStateException("dgeev failed: " + info.val);
        }
        return new double[][] {wr, wi};
    }

    /** Sorted descending. */
    static double[] descending(double[] v) {
        return SpectrumMeasures.descending(v);
    }
}
