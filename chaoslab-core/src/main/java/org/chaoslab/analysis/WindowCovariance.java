package org.chaoslab.analysis;

/**
 * The zero-frequency (long-time-window) covariance C_ij = ∫ dτ Cov(x_i(t), x_j(t+τ)) estimated from
 * a stream without storing it: x is integrated over consecutive windows of length T_w (W steps of
 * dt), and Cov(S_i, S_j)/T_w of the window integrals S estimates C with a bias −(1/T_w)∫|τ|C(τ)dτ
 * (Bartlett window; Priestley, Spectral Analysis and Time Series (1981), §6.2). The same stream
 * summed over windows of 2T_w gives a bias half as large, so the Richardson combination
 * 2Ĉ(2T_w) − Ĉ(T_w) removes the 1/T_w term ({@link #covariance()}); the remainder is of order
 * e^{−T_w/τ_c}. Mutable, one owner.
 */
public final class WindowCovariance {

    private final int n;
    private final int window;
    private final double dt;
    private final double[] current;
    private final double[] previous;
    private final CovarianceAccumulator single;
    private final CovarianceAccumulator doubled;
    private int inWindow;
    private long windows;

    /**
     * @param n      dimension N
     * @param window steps per window W ≥ 1
     * @param dt     time step (the integral is a sum times dt)
     */
    public WindowCovariance(int n, int window, double dt) {
        if (window < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("window must be >= 1 step and dt > 0");
        }
        this.n = n;
        this.window = window;
        this.dt = dt;
        this.current = new double[n];
        this.previous = new double[n];
        this.single = new CovarianceAccumulator(n, 32);
        this.doubled = new CovarianceAccumulator(n, 32);
    }

    /** Adds the sample x[offset … offset + N) taken at one step. */
    public void add(double[] x, int offset) {
        for (int i = 0; i < n; i++) {
            current[i] += x[offset + i] * dt;
        }
        if (++inWindow == window) {
            single.add(current, 0);
            if ((windows & 1) == 1) {
                for (int i = 0; i < n; i++) {
                    previous[i] += current[i];
                }
                doubled.add(previous, 0);
            } else {
                System.arraycopy(current, 0, previous, 0, n);
            }
            windows++;
            java.util.Arrays.fill(current, 0.0);
            inWindow = 0;
        }
    }

    /** Completed windows of length T_w. */
    public long windows() {
        return windows;
    }

    /** Ĉ(T_w) = Cov(S)/T_w from windows of length T_w (biased by O(τ_c/T_w)). */
    public double[] plain() {
        return scaled(single.covariance(), 1.0 / (window * dt));
    }

    /** The Richardson-corrected estimate 2Ĉ(2T_w) − Ĉ(T_w); needs at least four windows. */
    public double[] covariance() {
        double[] a = single.covariance();
        double[] b = doubled.covariance();
        double tw = window * dt;
        double[] c = new double[a.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = 2.0 * b[k] / (2.0 * tw) - a[k] / tw;
        }
        return c;
    }

    private static double[] scaled(double[] a, double f) {
        for (int k = 0; k < a.length; k++) {
            a[k] *= f;
        }
        return a;
    }
}
