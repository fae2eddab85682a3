/**
 * Dense linear algebra: the coupling matrix with its SIMD and BLAS products, a fixed-partition
 * thread pool, and the BLAS/LAPACK facade.
 */
package org.chaoslab.linalg;
