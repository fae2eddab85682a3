package org.chaoslab.model;

import java.util.Arrays;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.random.StreamSeeds;

/**
 * A finite set of P stimuli on a manifold and the random input they give each unit (Bauer, Keup, Kadmon &amp; Helias
 * 2026; science notes binary-deep-kernels §5). Except for {@link Given}, a stimulus p is a loading vector a(p) ∈ R^F
 * and unit i receives x_i(p) = Σ_f a_f(p) z_if with feature weights z_if ~ N(0, 1) i.i.d. over units and features,
 * so the ensemble input overlap is (1/N) E Σ_i x_i(p) x_i(q) = a(p)·a(q):
 * <ul>
 *   <li>{@link Circle}: a(θ) = s (cos θ, sin θ), i.e. x_i(θ) = s(ξ_i cos θ + η_i sin θ); overlap s² cos Δ.</li>
 *   <li>{@link Torus} T^d: a = (s/√d)(cos θ_1, sin θ_1, …, cos θ_d, sin θ_d); overlap s² (1/d) Σ_k cos Δ_k.</li>
 *   <li>{@link Sphere} S^d: a(u) = s u for unit vectors u ∈ R^{d+1}; overlap s² u·u′.</li>
 * </ul>
 * A simulator draws z from the stream {@code stimuli} (one child per feature), so one seed gives the same input
 * vectors in every run. Immutable descriptions: the theory reads {@link #overlap}, the simulator the loadings.
 */
public sealed interface Stimuli permits Stimuli.Circle, Stimuli.Torus, Stimuli.Sphere, Stimuli.Given {

    /** P, the number of stimuli. */
    int count();

    /** d, the dimension of the stimulus manifold (0 for user-given inputs). */
    int manifoldDimension();

    /**
     * The ensemble input overlap (1/N) E Σ_i x_i(p) x_i(q) (N → ∞); for {@link Given} inputs the realized one.
     * Theory input kernel: s² cos Δ on the circle (notes §5).
     */
    double overlap(int p, int q);

    /** F, the number of Gaussian features per unit (0 for {@link Given}). */
    int features();

    /** The loadings a(p) (length F): x_i(p) = Σ_f a_f(p) z_if. Unsupported for {@link Given}. */
    double[] loadings(int p);

    /** The P × P matrix of {@link #overlap}, row-major. */
    default double[] overlapMatrix() {
        int n = count();
        double[] k = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                k[p * n + q] = overlap(p, q);
            }
        }
        return k;
    }

    /** The stream name of the feature weights z (one child per feature). */
    String STREAM = "stimuli";

    /**
     * P points on a circle of input radius s: x_i(θ) = s(ξ_i cos θ + η_i sin θ).
     *
     * @param scale  s ≥ 0, the input strength (input variance s²)
     * @param angles θ_p, finite, at least one
     */
    record Circle(double scale, double[] angles) implements Stimuli {

        public Circle {
            Validate.finiteAtLeast("s", scale, 0.0);
            if (angles == null || angles.length < 1) {
                throw new IllegalArgumentException("angles must hold at least 1 stimulus");
            }
            for (double a : angles) {
                Validate.finite("angle", a);
            }
            angles = angles.clone();
        }

        /** P equally spaced angles θ_p = 2πp/P. */
        public static Circle equallySpaced(int p, double scale) {
            Validate.atLeast("p (stimuli)", p, 1);
            double[] a = new double[p];
            for (int k = 0; k < p; k++) {
                a[k] = 2.0 * Math.PI * k / p;
            }
            return new Circle(scale, a);
        }

        @Override public double[] angles() { return angles.clone(); }
        @Override public int count() { return angles.length; }
        @Override public int manifoldDimension() { return 1; }
        @Override public int features() { return 2; }

        @Override
        public double overlap(int p, int q) {
            // input kernel s² cos(θ − θ′) (notes §5)
            return scale * scale * Math.cos(angles[p] - angles[q]);
        }

        @Override
        public double[] loadings(int p) {
            return new double[] {scale * Math.cos(angles[p]), scale * Math.sin(angles[p])};
        }

        @Override public boolean equals(Object o) {
            return o instanceof Circle c && c.scale == scale && Arrays.equals(c.angles, angles);
        }
        @Override public int hashCode() { return 31 * Double.hashCode(scale) + Arrays.hashCode(angles); }
        @Override public String toString() { return "Circle[s=" + scale + ", P=" + angles.length + "]"; }
    }

    /**
     * A grid on the d-torus, {@code perDimension} equally spaced angles per dimension, P = perDimension^d points;
     * point p has angles θ_k = 2π c_k / perDimension where c_0 (dimension 0) varies slowest.
     *
     * @param dimension    d ∈ [1, 4]
     * @param perDimension points per dimension, ≥ 1
     * @param scale        s ≥ 0
     */
    record Torus(int dimension, int perDimension, double scale) implements Stimuli {

        public Torus {
            if (dimension < 1 || dimension > 4) {
                throw new IllegalArgumentException("d (torus dimension) must be in [1, 4] (got " + dimension + ")");
            }
            Validate.atLeast("points per dimension", perDimension, 1);
            Validate.finiteAtLeast("s", scale, 0.0);
            if (Math.pow(perDimension, dimension) > 1 << 24) {
                throw new IllegalArgumentException("p (stimuli) = points per dimension^d must be <= 2^24 (got "
                        + perDimension + "^" + dimension + ")");
            }
        }

        @Override public int count() { return (int) Math.round(Math.pow(perDimension, dimension)); }
        @Override public int manifoldDimension() { return dimension; }
        @Override public int features() { return 2 * dimension; }

        /** The d angles of point p. */
        public double[] angles(int p) {
            double[] a = new double[dimension];
            for (int k = dimension - 1; k >= 0; k--) {
                a[k] = 2.0 * Math.PI * (p % perDimension) / perDimension;
                p /= perDimension;
            }
            return a;
        }

        @Override
        public double overlap(int p, int q) {
            // s² (1/d) Σ_k cos Δ_k (notes §5, product of circles)
            double[] a = angles(p);
            double[] b = angles(q);
            double s = 0;
            for (int k = 0; k < dimension; k++) {
                s += Math.cos(a[k] - b[k]);
            }
            return scale * scale * s / dimension;
        }

        @Override
        public double[] loadings(int p) {
            double[] a = angles(p);
            double w = scale / Math.sqrt(dimension);
            double[] l = new double[2 * dimension];
            for (int k = 0; k < dimension; k++) {
                l[2 * k] = w * Math.cos(a[k]);
                l[2 * k + 1] = w * Math.sin(a[k]);
            }
            return l;
        }
    }

    /**
     * P points on the unit sphere S^d ⊂ R^{d+1}; x_i(u) = s Σ_k u_k ξ_ik.
     *
     * @param dimension d ∈ [1, 4]
     * @param points    the unit vectors, P × (d+1), row-major (normalized here)
     * @param scale     s ≥ 0
     */
    record Sphere(int dimension, double[] points, double scale) implements Stimuli {

        public Sphere {
            if (dimension < 1 || dimension > 4) {
                throw new IllegalArgumentException("d (sphere dimension) must be in [1, 4] (got " + dimension + ")");
            }
            Validate.finiteAtLeast("s", scale, 0.0);
            int e = dimension + 1;
            if (points == null || points.length < e || points.length % e != 0) {
                throw new IllegalArgumentException("sphere points must be P x (d+1) = P x " + e + " with P >= 1 (got "
                        + (points == null ? 0 : points.length) + " numbers)");
            }
            points = points.clone();
            for (int p = 0; p < points.length / e; p++) {
                double s = 0;
                for (int k = 0; k < e; k++) {
                    s += Validate.finite("sphere point", points[p * e + k]) * points[p * e + k];
                }
                if (!(s > 0)) {
                    throw new IllegalArgumentException("sphere point " + p + " must be nonzero");
                }
                double r = 1.0 / Math.sqrt(s);
                for (int k = 0; k < e; k++) {
                    points[p * e + k] *= r;
                }
            }
        }

        /**
         * P points uniform on S^d: normalized standard normal vectors in R^{d+1} (Muller 1959) from the stream
         * {@code seed/sphere-points}, so a seed fixes the points.
         */
        public static Sphere uniform(int dimension, int p, double scale, long seed) {
            Validate.atLeast("p (stimuli)", p, 1);
            if (dimension < 1 || dimension > 4) {
                throw new IllegalArgumentException("d (sphere dimension) must be in [1, 4] (got " + dimension + ")");
            }
            ZigguratSampler.NormalizedGaussian z = StreamSeeds.of(seed).child("sphere-points").gaussian();
            double[] u = new double[p * (dimension + 1)];
            for (int k = 0; k < u.length; k++) {
                u[k] = z.sample();
            }
            return new Sphere(dimension, u, scale);
        }

        @Override public double[] points() { return points.clone(); }
        @Override public int count() { return points.length / (dimension + 1); }
        @Override public int manifoldDimension() { return dimension; }
        @Override public int features() { return dimension + 1; }

        @Override
        public double overlap(int p, int q) {
            // s² u·u′
            int e = dimension + 1;
            double s = 0;
            for (int k = 0; k < e; k++) {
                s += points[p * e + k] * points[q * e + k];
            }
            return scale * scale * s;
        }

        @Override
        public double[] loadings(int p) {
            int e = dimension + 1;
            double[] l = new double[e];
            for (int k = 0; k < e; k++) {
                l[k] = scale * points[p * e + k];
            }
            return l;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Sphere s && s.dimension == dimension && s.scale == scale && Arrays.equals(s.points, points);
        }
        @Override public int hashCode() { return Arrays.hashCode(points) * 31 + dimension; }
        @Override public String toString() { return "Sphere[d=" + dimension + ", s=" + scale + ", P=" + count() + "]"; }
    }

    /**
     * User-given inputs: x_i(p) = {@code inputs[p·N + i]}, P × N row-major. The network size must equal N.
     *
     * @param count  P ≥ 1
     * @param units  N ≥ 1
     * @param inputs the P·N finite values
     */
    record Given(int count, int units, double[] inputs) implements Stimuli {

        public Given {
            Validate.atLeast("p (stimuli)", count, 1);
            Validate.atLeast("n", units, 1);
            if (inputs == null || inputs.length != (long) count * units) {
                throw new IllegalArgumentException("inputs must be P x N = " + ((long) count * units) + " numbers (got "
                        + (inputs == null ? 0 : inputs.length) + ")");
            }
            for (double v : inputs) {
                Validate.finite("input", v);
            }
            inputs = inputs.clone();
        }

        @Override public double[] inputs() { return inputs.clone(); }
        @Override public int manifoldDimension() { return 0; }
        @Override public int features() { return 0; }

        /** The realized overlap (1/N) Σ_i x_i(p) x_i(q). */
        @Override
        public double overlap(int p, int q) {
            double s = 0;
            for (int i = 0; i < units; i++) {
                s += inputs[p * units + i] * inputs[q * units + i];
            }
            return s / units;
        }

        @Override
        public double[] loadings(int p) {
            throw new UnsupportedOperationException("given inputs have no Gaussian loadings");
        }

        /** Input x_i(p). */
        public double input(int p, int i) {
            return inputs[p * units + i];
        }

        @Override public boolean equals(Object o) {
            return o instanceof Given g && g.count == count && g.units == units && Arrays.equals(g.inputs, inputs);
        }
        @Override public int hashCode() { return Arrays.hashCode(inputs); }
        @Override public String toString() { return "Given[P=" + count + ", N=" + units + "]"; }
    }
}
