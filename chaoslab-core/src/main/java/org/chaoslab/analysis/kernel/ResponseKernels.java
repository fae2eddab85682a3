package org.chaoslab.analysis.kernel;

import dev.ludovic.netlib.blas.BLAS;
import org.chaoslab.linalg.Blas;
import org.chaoslab.model.Validate;

/**
 * Stimulus kernels from responses (Bauer, Keup, Kadmon &amp; Helias 2026): same-trial and cross-trial Gram matrices by
 * BLAS-3 products, the kernel against distance on a circle, and the nugget.
 *
 * <p>Same trial: one Gram product X_t X_tᵀ per trial (sgemm for float32 storage, accumulated in double; dgemm for
 * float64), where X_t is the P×N matrix of trial t. Cross trial: Σ_{t≠t′} X_t X_t′ᵀ = S Sᵀ − Σ_t X_t X_tᵀ with
 * S = Σ_t X_t (in double), one more dgemm.
 */
public final class ResponseKernels {

    private ResponseKernels() {
    }

    /** Same-trial and cross-trial kernels of {@code r}; the cross-trial kernel needs trials ≥ 2 (else NaN). */
    public static TrialKernels of(Responses r) {
        int p = r.stimuli();
        int tt = r.trials();
        int n = r.units();
        BLAS blas = Blas.blas();
        double[] same = new double[p * p];
        double[] sum = new double[p * n];
        int ld = tt * n;  // row-major X_t (P×N, row stride T·N) = column-major N×P with lda = T·N, offset t·N
        switch (r) {
            case Responses.Float32 f -> {
                float[] c = new float[p * p];
                for (int t = 0; t < tt; t++) {
                    blas.sgemm("T", "N", p, p, n, 1f, f.data(), t * n, ld, f.data(), t * n, ld, 0f, c, 0, p);
                    for (int k = 0; k < c.length; k++) {
                        same[k] += c[k];
                    }
                }
                float[] d = f.data();
                for (int s = 0; s < p; s++) {
                    for (int t = 0; t < tt; t++) {
                        int off = (s * tt + t) * n;
                        for (int i = 0; i < n; i++) {
                            sum[s * n + i] += d[off + i];
                        }
                    }
                }
            }
            case Responses.Float64 f -> {
                for (int t = 0; t < tt; t++) {
                    blas.dgemm("T", "N", p, p, n, 1.0, f.data(), t * n, ld, f.data(), t * n, ld, 1.0, same, 0, p);
                }
                double[] d = f.data();
                for (int s = 0; s < p; s++) {
                    for (int t = 0; t < tt; t++) {
                        int off = (s * tt + t) * n;
                        for (int i = 0; i < n; i++) {
                            sum[s * n + i] += d[off + i];
                        }
                    }
                }
            }
        }
        double[] cross = new double[p * p];
        if (tt >= 2) {
            blas.dgemm("T", "N", p, p, n, 1.0, sum, 0, n, sum, 0, n, 0.0, cross, 0, p);
            double norm = 1.0 / ((double) n * tt * (tt - 1));
            for (int k = 0; k < cross.length; k++) {
                cross[k] = (cross[k] - same[k]) * norm;
            }
        } else {
            java.util.Arrays.fill(cross, Double.NaN);
        }
        double norm = 1.0 / ((double) n * tt);
        for (int k = 0; k < same.length; k++) {
            same[k] *= norm;
        }
        return new TrialKernels(p, tt, n, same, cross);
    }

    /**
     * The entry-wise mean of kernels of the same shape (e.g. of several recordings of one run); a cross-trial kernel
     * that is absent (NaN, one trial) stays NaN.
     */
    public static TrialKernels mean(java.util.List<TrialKernels> kernels) {
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("kernels must hold at least one kernel");
        }
        Average avg = new Average();
        kernels.forEach(avg::add);
        return avg.mean();
    }

    /**
     * A running mean of kernels of one stimulus set (e.g. one per recording time of a run streamed to disk), holding
     * only the P × P sums.
     */
    public static final class Average {

        private TrialKernels first;
        private double[] same;
        private double[] cross;
        private int count;

        /** Adds one kernel; all must have the same stimuli, trials and units. */
        public void add(TrialKernels k) {
            if (first == null) {
                first = k;
                same = new double[k.sameTrial().length];
                cross = new double[k.crossTrial().length];
            } else if (k.stimuli() != first.stimuli() || k.sameTrial().length != same.length) {
                throw new IllegalArgumentException("kernels must all have " + first.stimuli() + " stimuli");
            }
            for (int i = 0; i < same.length; i++) {
                same[i] += k.sameTrial()[i];
                cross[i] += k.crossTrial()[i];
            }
            count++;
        }

        /** Kernels added so far. */
        public int count() {
            return count;
        }

        /** The mean of the kernels added (at least one). */
        public TrialKernels mean() {
            if (count == 0) {
                throw new IllegalStateException("no kernel added");
            }
            double[] s = new double[same.length];
            double[] c = new double[cross.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = same[i] / count;
                c[i] = cross[i] / count;
            }
            return new TrialKernels(first.stimuli(), first.trials(), first.units(), s, c);
        }
    }

    /**
     * The kernels against distance for stimuli equally spaced on a circle (stimulus p at θ = 2πp/P): circulant
     * diagonals averaged over p and over both directions, Δ_k = 2πk/P for k = 0..⌊P/2⌋.
     */
    public static CircleKernel onCircle(TrialKernels k) {
        int p = k.stimuli();
        Validate.atLeast("stimuli", p, 2);
        int m = p / 2 + 1;
        double[] dist = new double[m];
        double[] same = new double[m];
        double[] cross = new double[m];
        for (int lag = 0; lag < m; lag++) {
            dist[lag] = 2 * Math.PI * lag / p;
            double a = 0;
            double b = 0;
            for (int s = 0; s < p; s++) {
                int fwd = (s + lag) % p;
                int bwd = (s - lag + p) % p;
                a += k.sameTrial()[s * p + fwd] + k.sameTrial()[s * p + bwd];
                b += k.crossTrial()[s * p + fwd] + k.crossTrial()[s * p + bwd];
            }
            same[lag] = a / (2.0 * p);
            cross[lag] = b / (2.0 * p);
        }
        return new CircleKernel(dist, same, cross);
    }

    /**
     * The nugget: K(0) − [cross-trial K_cross(Δ) fitted over k = 1..lastLag and extrapolated to Δ → 0], and the
     * plain K(0) − K_cross(0). {@code lastLag} must be in [3, ⌊P/2⌋] for {@link Nugget.Fit#QUADRATIC} and in
     * [2, ⌊P/2⌋] for {@link Nugget.Fit#EVEN_QUADRATIC}; a few lags (e.g. 4) keep the Taylor expansion valid.
     */
    public static Nugget nugget(CircleKernel c, Nugget.Fit fit, int lastLag) {
        int maxLag = c.size() - 1;
        int minLag = fit == Nugget.Fit.QUADRATIC ? 3 : 2;
        if (lastLag < minLag || lastLag > maxLag) {
            throw new IllegalArgumentException("lastLag must be in [" + minLag + ", " + maxLag + "] for fit " + fit
                    + " (got " + lastLag + ")");
        }
        if (Double.isNaN(c.crossTrial()[0])) {
            throw new IllegalArgumentException("trials must be >= 2 for a cross-trial kernel (got 1)");
        }
        // least squares in x = Δ/Δ_1 = k (well-conditioned); the intercept is the same in Δ
        int nb = fit == Nugget.Fit.QUADRATIC ? 3 : 2;
        double[][] ata = new double[nb][nb];
        double[] aty = new double[nb];
        for (int k = 1; k <= lastLag; k++) {
            double[] row = fit == Nugget.Fit.QUADRATIC ? new double[] {1, k, (double) k * k}
                    : new double[] {1, (double) k * k};
            for (int a = 0; a < nb; a++) {
                aty[a] += row[a] * c.crossTrial()[k];
                for (int b = 0; b < nb; b++) {
                    ata[a][b] += row[a] * row[b];
                }
            }
        }
        double c0 = solve(ata, aty)[0];
        double k0 = c.sameTrial()[0];
        return new Nugget(k0, c.crossTrial()[0], c0, k0 - c0, k0 - c.crossTrial()[0], fit, 1, lastLag);
    }

    /** Gaussian elimination with partial pivoting for the small normal equations. */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tr = a[col];
            a[col] = a[piv];
            a[piv] = tr;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[r][k] -= f * a[col][k];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
