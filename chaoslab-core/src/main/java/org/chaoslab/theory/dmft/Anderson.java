package org.chaoslab.theory.dmft;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Anderson acceleration of a fixed-point iteration x = G(x) (Walker &amp; Ni, SIAM J. Numer. Anal. 49:1715 (2011), eq.
 * in §1 with mixing β): x_{k+1} = x_k + βf_k − (ΔX + βΔF)γ, γ = argmin ‖f_k − ΔFγ‖₂, f = G(x) − x, over the last
 * {@code depth} differences. Without history (or after a reset) this is the linear mixing x + βf. The history is
 * cleared when the residual grows by more than a factor 2 (a safeguard near critical slowing down, where the plain
 * iteration contracts at a rate → 1). Not thread-safe; one instance per solve.
 */
public final class Anderson {

    private final int depth;
    private final double beta;
    private final Deque<double[]> dx = new ArrayDeque<>();
    private final Deque<double[]> df = new ArrayDeque<>();
    private double[] lastX;
    private double[] lastF;
    private double lastNorm = Double.POSITIVE_INFINITY;

    /**
     * @param depth the number of differences kept (≥ 0; 0 is plain mixing)
     * @param beta  the mixing β in (0, 1]
     */
    public Anderson(int depth, double beta) {
        this.depth = depth;
        this.beta = beta;
    }

    /** Forgets the history (the next step is plain mixing). */
    public void reset() {
        dx.clear();
        df.clear();
        lastX = null;
        lastF = null;
        lastNorm = Double.POSITIVE_INFINITY;
    }

    /** The next iterate from x and G(x). */
    public double[] next(double[] x, double[] gx) {
        int n = x.length;
        double[] f = new double[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            f[k] = gx[k] - x[k];
            norm += f[k] * f[k];
        }
        if (norm > 4.0 * lastNorm) {
            dx.clear();
            df.clear();
        } else if (lastX != null) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int k = 0; k < n; k++) {
                a[k] = x[k] - lastX[k];
                b[k] = f[k] - lastF[k];
            }
            dx.addLast(a);
            df.addLast(b);
            if (dx.size() > depth) {
                dx.removeFirst();
                df.removeFirst();
            }
        }
        lastX = x.clone();
        lastF = f;
        lastNorm = norm;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = x[k] + beta * f[k];
        }
        int m = df.size();
        if (m == 0) {
            return out;
        }
        double[][] cols = df.toArray(new double[0][]);
        double[][] xs = dx.toArray(new double[0][]);
        double[][] a = new double[m][m];
        double[] rhs = new double[m];
        double trace = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += cols[i][k] * cols[j][k];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
            trace += a[i][i];
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += cols[i][k] * f[k];
            }
            rhs[i] = s;
        }
        for (int i = 0; i < m; i++) {
            a[i][i] += 1e-12 * trace;   // Tikhonov: nearly collinear differences late in the iteration
        }
        double[] gamma = solve(a, rhs);
        if (gamma == null) {
            return out;
        }
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                out[k] -= gamma[i] * (xs[i][k] + beta * cols[i][k]);
            }
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting; null if singular. */
    private static double[] solve(double[][] a, double[] b) {
        int m = b.length;
        double[][] w = new double[m][];
        for (int i = 0; i < m; i++) {
            w[i] = a[i].clone();
        }
        double[] x = b.clone();
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(w[r][c]) > Math.abs(w[p][c])) {
                    p = r;
                }
            }
            if (w[p][c] == 0.0) {
                return null;
            }
            double[] t = w[p];
            w[p] = w[c];
            w[c] = t;
            double tb = x[p];
            x[p] = x[c];
            x[c] = tb;
            for (int r = c + 1; r < m; r++) {
                double q = w[r][c] / w[c][c];
                for (int k = c; k < m; k++) {
                    w[r][k] -= q * w[c][k];
                }
                x[r] -= q * x[c];
            }
        }
        for (int c = m - 1; c >= 0; c--) {
            double s = x[c];
            for (int k = c + 1; k < m; k++) {
                s -= w[c][k] * x[k];
            }
            x[c] = s / w[c][c];
        }
        return x;
    }
}
