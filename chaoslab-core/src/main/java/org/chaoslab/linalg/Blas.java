package org.chaoslab.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;

/**
 * The facade over BLAS/LAPACK (dev.ludovic.netlib): native OpenBLAS when {@code libblas.so.3} is
 * installed (e.g. {@code apt-get install libopenblas0-pthread}), else the pure-Java implementation
 * (Vector API accelerated). Set {@code OPENBLAS_NUM_THREADS=1}: chaoslab splits work over threads
 * itself with a fixed partition, so that results do not depend on the thread count.
 */
public final class Blas {

    private Blas() {
    }

    /** The BLAS in use. */
    public static BLAS blas() {
        return BLAS.getInstance();
    }

    /** The LAPACK in use. */
    public static LAPACK lapack() {
        return LAPACK.getInstance();
    }

    /** A short description of the active backends, recorded in every run's metadata. */
    public static String backend() {
        return "blas=" + blas().getClass().getSimpleName() + ", lapack=" + lapack().getClass().getSimpleName();
    }

    /** True when the native (JNI) BLAS is in use. */
    public static boolean isNative() {
        return !blas().getClass().getSimpleName().contains("Java")
                && !blas().getClass().getSimpleName().contains("Vector")
                && !blas().getClass().getSimpleName().contains("F2j");
    }
}
