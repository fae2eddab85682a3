package org.chaoslab.theory.kernel;

/**
 * Local roughness exponents of transient kernels: γ_t = slope of log(1 − c_t(Δ)/k0_t) against log Δ, by least
 * squares over {@code points} log-spaced Δ in [deltaLo, deltaHi] (science notes §5: 1 − c_t/m ∝ |Δ|^{γ_t}).
 *
 * @param deltaLo    the smallest Δ of the fit
 * @param deltaHi    the largest Δ of the fit
 * @param points     the number of Δ values
 * @param time       the times t at which γ was measured
 * @param measured   γ_t from the theory curves
 * @param closedForm the closed form where there is one (synchronous binary map: 2^{1−t}; smooth φ: 2; Glauber:
 *                   NaN, since 0 is only the Δ → 0 limit, see {@link BinaryKernelTheory#glauberTransient})
 */
public record RoughnessExponents(double deltaLo, double deltaHi, int points, double[] time, double[] measured,
                                 double[] closedForm) {

    public RoughnessExponents {
        time = time.clone();
        measured = measured.clone();
        closedForm = closedForm.clone();
    }

    @Override public double[] time() { return time.clone(); }
    @Override public double[] measured() { return measured.clone(); }
    @Override public double[] closedForm() { return closedForm.clone(); }

    /** Log-spaced Δ_j = deltaLo (deltaHi/deltaLo)^{j/(points−1)}. */
    static double[] grid(double deltaLo, double deltaHi, int points) {
        Checks.inRange("deltaLo", deltaLo, Double.MIN_NORMAL, Math.PI, "(0, pi]");
        Checks.inRange("deltaHi", deltaHi, deltaLo, Math.PI, "[deltaLo, pi]");
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2 (got " + points + ")");
        }
        double[] d = new double[points];
        for (int j = 0; j < points; j++) {
            d[j] = deltaLo * Math.pow(deltaHi / deltaLo, (double) j / (points - 1));
        }
        return d;
    }

    /** The least-squares slope of log y against log x (all entries positive; callers drop the others). */
    public static double logSlope(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += Math.log(x[i]);
            sy += Math.log(y[i]);
        }
        sx /= n;
        sy /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - sx;
            sxy += dx * (Math.log(y[i]) - sy);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
