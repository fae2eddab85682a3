/**
 * Dense linear algebra: the coupling matrix with its SIMD and BLAS products, a fixed-partition
 * thread pool, the BLAS/LAPACK facade, and an exact solver of the Lyapunov equation for the stationary
 * covariance of linear networks ({@link org.chaoslab.linalg.LyapunovEquation}).
 */
package org.chaoslab.linalg;
