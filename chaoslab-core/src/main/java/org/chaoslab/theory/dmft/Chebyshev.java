package org.chaoslab.theory.dmft;

/**
 * A Chebyshev series on an interval [a, b], built from values at the Chebyshev–Lobatto points
 * x_j = a + (b − a)(1 + cos(πj/n))/2, j = 0 … n (Trefethen, Approximation Theory and Approximation
 * Practice, ch. 3). Immutable.
 */
public final class Chebyshev {

    private final double a;
    private final double b;
    private final double[] coef;

    private Chebyshev(double a, double b, double[] coef) {
        this.a = a;
        this.b = b;
        this.coef = coef;
    }

    /** The n + 1 Lobatto points of [a, b] (index 0 is b, index n is a). */
    public static double[] points(double a, double b, int n) {
        double[] x = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            x[j] = a + 0.5 * (b - a) * (1.0 + Math.cos(Math.PI * j / n));
        }
        x[0] = b;
        x[n] = a;
        return x;
    }

    /** The interpolant of the values at {@link #points(double, double, int)} (discrete cosine transform I). */
    public static Chebyshev fromValues(double a, double b, double[] values) {
        int n = values.length - 1;
        double[] c = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double s = 0.5 * (values[0] + (k % 2 == 0 ? values[n] : -values[n]));
            for (int j = 1; j < n; j++) {
                s += values[j] * Math.cos(Math.PI * ((long) j * k % (2L * n)) / n);
            }
            c[k] = 2.0 * s / n;
        }
        c[0] *= 0.5;
        c[n] *= 0.5;
        return new Chebyshev(a, b, c);
    }

    /** The series at x in [a, b]. */
    public double value(double x) {
        double t = (2.0 * x - a - b) / (b - a);
        double b1 = 0.0;
        double b2 = 0.0;
        for (int k = coef.length - 1; k >= 1; k--) {
            double tmp = 2.0 * t * b1 - b2 + coef[k];
            b2 = b1;
            b1 = tmp;
        }
        return t * b1 - b2 + coef[0];
    }

    /** The derivative series. */
    public Chebyshev derivative() {
        int n = coef.length - 1;
        double[] d = new double[Math.max(n, 1)];
        double next2 = 0.0;
        double next1 = 0.0;
        for (int k = n; k >= 1; k--) {
            double v = next2 + 2.0 * k * coef[k]; // c'_{k−1} = c'_{k+1} + 2k c_k
            next2 = next1;
            next1 = v;
            d[k - 1] = v;
        }
        d[0] *= 0.5;
        double scale = 2.0 / (b - a);
        for (int k = 0; k < d.length; k++) {
            d[k] *= scale;
        }
        return new Chebyshev(a, b, d);
    }

    /** max |c_k| over the last three coefficients: a convergence measure. */
    public double tail() {
        int n = coef.length;
        double m = 0.0;
        for (int k = Math.max(0, n - 3); k < n; k++) {
            m = Math.max(m, Math.abs(coef[k]));
        }
        return m;
    }

    /** max |c_k|. */
    public double scale() {
        double m = 0.0;
        for (double c : coef) {
            m = Math.max(m, Math.abs(c));
        }
        return m;
    }

    /** The degree n of the series. */
    public int degree() {
        return coef.length - 1;
    }
}
