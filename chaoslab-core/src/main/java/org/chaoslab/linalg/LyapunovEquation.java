package org.chaoslab.linalg;

import org.netlib.util.intW;

/**
 * The stationary (equal-time) covariance of the linear stochastic system dx/dt = −(1 − W)x + ξ,
 * ⟨ξ_i(t)ξ_j(s)⟩ = D δ_ij δ(t − s): the solution C of the continuous Lyapunov equation
 * (1 − W)C + C(1 − W)ᵀ = D·1, for a real W whose eigenvalues have real part &lt; 1.
 *
 * <h2>Method</h2>
 * The Cayley transform with shift 1 maps it to the Stein equation C = A C Aᵀ + Q with
 * A = (2 − W)⁻¹W and Q = 2D(2 − W)⁻¹(2 − W)⁻ᵀ (check: (2 − W)(C − ACAᵀ)(2 − W)ᵀ = 2[(1 − W)C + C(1 − W)ᵀ]);
 * eigenvalues λ of W map to λ/(2 − λ), of modulus &lt; 1. The series C = Σ_k A^k Q A^{kᵀ} is summed by
 * Smith's doubling, C ← C + M C Mᵀ, M ← M² (M = A initially), until ‖M‖_F² &lt; 10⁻¹⁷ (the next term is
 * below round-off). One LU solve (LAPACK dgesv) and three matrix products per doubling (BLAS dgemm).
 * Exact up to round-off; used to check the N → ∞ theory on sampled networks.
 *
 * <p>The name is the equation solved: this class has nothing to do with Lyapunov exponents (those are
 * {@code org.chaoslab.sim.lyapunov} and {@code theory.dmft.DmftLyapunov}).
 */
public final class LyapunovEquation {

    private static final int MAX_DOUBLINGS = 64;

    private LyapunovEquation() {
    }

    /**
     * C for the row-major N×N matrix {@code w} and intensity D; returned as a full symmetric N×N array.
     *
     * @throws IllegalArgumentException if the doubling does not converge (an eigenvalue of W with real part ≥ 1)
     */
    public static double[] equalTimeCovariance(double[] w, int n, double d) {
        if (w.length != n * n) {
            throw new IllegalArgumentException("matrix must be " + n + "x" + n);
        }
        // K = 1 − W, Q = D·1
        double[] k = new double[n * n];
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i * n + j] = (i == j ? 1.0 : 0.0) - w[i * n + j];
            }
            q[i * n + i] = d;
        }
        return continuous(k, q, n);
    }

    /**
     * The solution C of the general continuous Lyapunov equation KC + CKᵀ = Q (the stationary covariance of
     * dy/dt = −Ky + ξ, ⟨ξξᵀ⟩ = Qδ), for a row-major N×N matrix {@code k} whose eigenvalues have positive real part and a
     * symmetric {@code q}: the same Cayley transform with shift 1 as {@link #equalTimeCovariance} (which is K = 1 − W,
     * Q = D·1): M = (1 + K)⁻¹(1 − K), Q′ = 2(1 + K)⁻¹Q(1 + K)⁻ᵀ, then {@link #stein}. Used for augmented systems, e.g.
     * a linear network driven by Ornstein–Uhlenbeck noise (state (x, η)).
     *
     * @throws IllegalArgumentException if 1 + K is singular or the doubling does not converge
     */
    public static double[] continuous(double[] k, double[] q, int n) {
        if (k.length != n * n || q.length != n * n) {
            throw new IllegalArgumentException("matrices must be " + n + "x" + n);
        }
        // column-major (1 + K) and right-hand sides [1 − K | 1]
        double[] lhs = new double[n * n];
        double[] rhs = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double kij = k[i * n + j];
                lhs[j * n + i] = (i == j ? 1.0 : 0.0) + kij;
                rhs[j * n + i] = (i == j ? 1.0 : 0.0) - kij;
            }
            rhs[n * n + i * n + i] = 1.0;
        }
        int[] piv = new int[n];
        intW info = new intW(0);
        Blas.lapack().dgesv(n, 2 * n, lhs, n, piv, rhs, n, info);
        if (info.val != 0) {
            throw new IllegalArgumentException("1 + K is singular (dgesv info = " + info.val + ")");
        }
        double[] m = new double[n * n];
        System.arraycopy(rhs, 0, m, 0, n * n);
        double[] b = new double[n * n];
        System.arraycopy(rhs, n * n, b, 0, n * n);
        double[] bq = new double[n * n];
        Blas.blas().dgemm("N", "N", n, n, n, 2.0, b, n, q, n, 0.0, bq, n);     // q symmetric: row- = column-major
        double[] c = new double[n * n];
        Blas.blas().dgemm("N", "T", n, n, n, 1.0, bq, n, b, n, 0.0, c, n);
        return stein(m, c, n);
    }

    /**
     * The solution C = Σ_k M^k Q M^{kᵀ} of the Stein (discrete Lyapunov) equation C = MCMᵀ + Q, for a column-major
     * N×N matrix {@code m} of spectral radius &lt; 1 and a symmetric {@code q}; by Smith's doubling (class comment).
     * This is also the stationary covariance of the discrete-time process x ← Mx + ξ, ⟨ξξᵀ⟩ = Q (a stepping scheme of
     * a linear network). Both arguments are overwritten; returns the full symmetric C (row-major = column-major).
     *
     * @throws IllegalArgumentException if the doubling does not converge (spectral radius of M ≥ 1)
     */
    public static double[] stein(double[] m, double[] q, int n) {
        if (m.length != n * n || q.length != n * n) {
            throw new IllegalArgumentException("matrices must be " + n + "x" + n);
        }
        double[] c = q;
        double[] t = new double[n * n];
        for (int k = 0; k < MAX_DOUBLINGS; k++) {
            // C ← C + M C Mᵀ
            Blas.blas().dgemm("N", "N", n, n, n, 1.0, m, n, c, n, 0.0, t, n);
            Blas.blas().dgemm("N", "T", n, n, n, 1.0, t, n, m, n, 1.0, c, n);
            // M ← M²
            Blas.blas().dgemm("N", "N", n, n, n, 1.0, m, n, m, n, 0.0, t, n);
            double[] swap = m;
            m = t;
            t = swap;
            double norm2 = 0.0;
            for (double v : m) {
                norm2 += v * v;
            }
            if (!Double.isFinite(norm2)) {
                break;
            }
            if (norm2 < 1e-17) {
                symmetrize(c, n);
                return c;
            }
        }
        throw new IllegalArgumentException("Lyapunov equation: doubling did not converge (W has an eigenvalue with real part >= 1; "
                + "for the Stein form, M one of modulus >= 1)");
    }

    private static void symmetrize(double[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (c[i * n + j] + c[j * n + i]);
                c[i * n + j] = v;
                c[j * n + i] = v;
            }
        }
    }
}
