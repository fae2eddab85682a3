package org.chaoslab.theory.populations;

import java.util.Arrays;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.theory.dmft.Anderson;
import org.chaoslab.theory.dmft.Chebyshev;
import org.chaoslab.theory.dmft.NoSolutionException;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The time-dependent (stationary) DMFT of a multi-population rate network (Kadmon &amp; Sompolinsky, PRX 5:041030,
 * 2015, §III; the vector generalization of Sompolinsky, Crisanti &amp; Sommers, PRL 61:259, 1988): the input of a unit
 * of population k is a stationary Gaussian process with mean μ_k and autocovariance Δ_k(τ), self-consistently
 * <pre>
 *   (1 − ∂_τ²) Δ_k(τ) = Σ_l α_l g_kl² C_l(τ),     C_l(τ) = ⟨φ_l(x) φ_l(y)⟩,  (x, y) ~ N(μ_l; Δ_l(0), Δ_l(τ)),
 *   μ_k = I_k + Σ_l J̄_kl α_l ⟨φ_l(x)⟩,           x ~ N(μ_l, Δ_l(0)),
 * </pre>
 * with Δ_k bounded (Δ_k′(0) = 0 by symmetry). C_l is the uncentred correlation because the random couplings have mean
 * zero: the input's fluctuation across units and in time is Σ_j (J_ij − J̄_kl/N) φ(x_j), whose covariance is
 * Σ_l α_l g_kl² ⟨φ_l φ_l⟩. For one population this is SCS's equation with a mean coupling, whose energy integral
 * ({@code theory.dmft}) solves it; for several populations no potential exists in general (the force on Δ_k depends
 * on every Δ_l), so the equation is solved as a fixed point in function space:
 * <pre>
 *   Δ_k = G ∗ S_k,   G(τ) = ½ e^{−|τ|} (the Green's function of 1 − ∂²),   S_k = Σ_l α_l g_kl² C_l[Δ_l],
 * </pre>
 * on the lag grid τ_i = i·h (S piecewise linear between grid points, constant beyond the window: the exponential
 * filter is then exact, forward and backward recursions, error O(h²)), with Anderson acceleration over (μ, Δ); the
 * solution at h is extrapolated with the one at 2h on the same window (Richardson, (4Δ_h − Δ_2h)/3).
 * C_l at every lag comes from a Chebyshev interpolant in u = √(Δ_l(0) − Δ_l(τ)) of the bivariate Gaussian average
 * (the variable in which kinked φ are smooth; refined until the coefficients decay to 10⁻¹²).
 *
 * <p>Below the transition the iteration settles on the static fixed point (Δ_k flat, equal to
 * {@link PopulationMeanField}'s variance); above it the static point is unstable under the iteration (the slow
 * modes of the map grow by ρ(M) &gt; 1) and the iteration settles on the chaotic solution. The window grows until
 * the tail Δ_k(τ) − Δ_k(∞) ∝ e^{−κτ}, κ = √(1 − ρ(M∞)), has decayed to 10⁻¹⁰ of the temporal variance at its end
 * (at most {@link #MAX_WINDOW}; near the transition κ → 0 and the window bound is reported through the residual of the
 * tail, {@link PopulationAutocorrelation#decayRate()}).
 *
 * <p>Sparse networks (fixed in-degrees): the dilution of the mean couplings adds d_kl (C_l(τ) − ⟨φ_l⟩²) to S_k and
 * d_kl⟨φ_l′φ_l′⟩ to the tail's M∞ ({@link PopulationMeanField#dilutionVariance}).
 *
 * <p>Approximations: N → ∞ with independent Gaussian couplings; the stationary state (the solution assumes the
 * network has one; a state with oscillating population means is not described).
 */
public final class PopulationDmft {

    /** Default lag step h: Δ(τ) to ≈ 10⁻⁷ of Δ(0) against the exact one-population solution (Richardson-extrapolated). */
    public static final double DEFAULT_LAG_STEP = 0.05;
    /** The first lag window. */
    static final double INITIAL_WINDOW = 40.0;
    /** The largest lag window (the tail is cut there even if it has not decayed). */
    public static final double MAX_WINDOW = 2000.0;
    /**
     * Within this distance above ρ(M) = 1 the solution is not sought: the temporal part vanishes like ρ − 1 while its
     * decay rate κ ~ √(ρ − 1) makes the window (∝ 1/κ) and the iteration (contraction → 1) arbitrarily long.
     */
    public static final double CRITICAL_MARGIN = 1e-3;
    private static final double TOLERANCE = 1e-11;
    private static final int MAX_ITERATIONS = 4000;
    private static final double TAIL = 1e-10;
    /**
     * Anderson acceleration takes over from plain mixing once the residual is below this fraction of the temporal part
     * max_k (Δ_k(0) − Δ_k(∞)): Anderson is a secant method and heads for the nearest fixed point, which early on (or
     * where the temporal part is a small fraction of the variance) is the unstable static one. When a solve ends there,
     * it is repeated with the next, later switch (the last: plain mixing throughout).
     */
    private static final double[] ACCELERATE = {1e-2, 1e-4, 0.0};

    private final GaussianExpectation engine;
    private final double lagStep;

    /** With the project's standard Gaussian quadrature and the default lag step. */
    public PopulationDmft() {
        this(GaussianExpectation.standard(), DEFAULT_LAG_STEP);
    }

    /**
     * @param engine  Gaussian averages
     * @param lagStep h (in (0, 0.5])
     */
    public PopulationDmft(GaussianExpectation engine, double lagStep) {
        if (!(lagStep >= 1e-4 && lagStep <= 0.5)) {
            throw new IllegalArgumentException("lag-step must be in [1e-4, 0.5] (got " + lagStep + ")");
        }
        this.engine = engine;
        this.lagStep = lagStep;
    }

    /**
     * Solves the stationary DMFT, starting from the static solution (or from the inputs where there is none).
     *
     * @throws NoSolutionException when the activity runs away or the iteration does not settle
     */
    public PopulationAutocorrelation solve(PopulationNetwork net) {
        int p = net.populations();
        PopulationFixedPoint fp;
        try {
            fp = new PopulationMeanField(engine).solve(net);
        } catch (NoSolutionException none) {
            fp = null;      // no static branch (e.g. unbounded units): start from the inputs
        }
        if (fp != null && fp.phase() == PopulationFixedPoint.Phase.FIXED_POINT) {
            // a stable fixed point: the stationary solution is static (Δ_k flat at the static variance)
            return staticSolution(net, fp);
        }
        if (fp != null && fp.spectralRadius() > 1.0 && fp.spectralRadius() < 1.0 + CRITICAL_MARGIN) {
            throw new NoSolutionException(String.format(java.util.Locale.ROOT, "at the transition (rho(M) - 1 = %.2g "
                    + "< %.0e): the temporal part is O(rho - 1) and its correlation time diverges; not solved there",
                    fp.spectralRadius() - 1.0, CRITICAL_MARGIN));
        }
        double[] mu0 = fp != null ? fp.mean() : net.inputs();
        double[] var0 = new double[p];
        Arrays.fill(var0, 1.0);
        if (fp != null) {
            var0 = fp.variance();
        }
        Problem problem = new Problem(net, engine, lagStep);
        double window = INITIAL_WINDOW;
        int n = lagCount(window);
        // start: the static mean and half the static variance decaying in time (a temporal part for the iteration to
        // grow or to lose)
        double[] x = new double[p + p * n];
        for (int k = 0; k < p; k++) {
            x[k] = mu0[k];
            double v = Math.max(var0[k], 1.0);
            for (int i = 0; i < n; i++) {
                x[p + k * n + i] = v * (0.5 + 0.5 * Math.exp(-i * lagStep));
            }
        }
        int iterations = 0;
        int attempt = 0;
        double[] start = x;
        int startLags = n;
        while (true) {
            Iterate it = problem.iterate(x, n, ACCELERATE[attempt]);
            iterations += it.iterations;
            if (!temporal(it.x, p, n) && attempt + 1 < ACCELERATE.length) {
                // settled on the (unstable) static point: Anderson started too early; again, later
                attempt++;
                x = start;
                n = startLags;
                window = INITIAL_WINDOW;
                continue;
            }
            x = it.x;
            double[][] tail = problem.tailStability(x, n);
            double rho = spectralRadius(tail);
            double kappa = Math.sqrt(Math.max(0.0, 1.0 - rho));
            boolean chaotic = temporal(x, p, n);
            double needed = chaotic ? Math.log(1.0 / TAIL) / Math.max(kappa, 1e-12) : window;
            if (!chaotic || needed <= window * 1.05 || window >= MAX_WINDOW) {
                if (chaotic) {
                    // Richardson: the same window at 2h, and (4 Δ_h − Δ_2h)/3 removes the O(h²) error of the filter
                    Problem coarse = new Problem(net, engine, 2 * lagStep);
                    int m = (n - 1) / 2 + 1;
                    Iterate c = coarse.iterate(subsample(x, p, n, m), m, ACCELERATE[attempt]);
                    iterations += c.iterations;
                    x = extrapolate(x, c.x, p, n, m);
                    tail = problem.tailStability(x, n);
                    kappa = Math.sqrt(Math.max(0.0, 1.0 - spectralRadius(tail)));
                }
                return problem.solution(x, n, tail, chaotic ? kappa : Double.NaN, iterations, it.residual);
            }
            double next = Math.min(MAX_WINDOW, needed * 1.1);
            int m = lagCount(next);
            x = resample(x, p, n, m);
            n = m;
            window = next;
        }
    }

    private PopulationAutocorrelation staticSolution(PopulationNetwork net, PopulationFixedPoint fp) {
        int p = net.populations();
        Problem problem = new Problem(net, engine, lagStep);
        int n = lagCount(INITIAL_WINDOW);
        double[] x = new double[p + p * n];
        for (int k = 0; k < p; k++) {
            x[k] = fp.mean()[k];
            Arrays.fill(x, p + k * n, p + k * n + n, fp.variance()[k]);
        }
        double[] tx = problem.map(x, n);
        double r = 0;
        double scale = 1e-300;
        for (int c = 0; c < x.length; c++) {
            r = Math.max(r, Math.abs(tx[c] - x[c]));
            scale = Math.max(scale, Math.abs(x[c]));
        }
        return problem.solution(x, n, problem.tailStability(x, n), Double.NaN, fp.iterations(), r / scale);
    }

    /** Lags for a window: an odd count, so that every other lag is the grid of step 2h. */
    private int lagCount(double window) {
        int steps = (int) Math.ceil(window / lagStep);
        return steps + (steps % 2) + 1;
    }

    /** Every other lag of each Δ_k (n = 2m − 1 lags to m). */
    private static double[] subsample(double[] x, int p, int n, int m) {
        double[] y = new double[p + p * m];
        System.arraycopy(x, 0, y, 0, p);
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < m; j++) {
                y[p + k * m + j] = x[p + k * n + 2 * j];
            }
        }
        return y;
    }

    /**
     * (4 x_h − x_2h)/3 on the fine grid; the coarse solution at the odd lags by cubic interpolation (midpoint weights
     * −1/16, 9/16, 9/16, −1/16; the even extension at the origin, the plateau at the end), whose O(h⁴) error is below
     * the extrapolated one.
     */
    private static double[] extrapolate(double[] fine, double[] coarse, int p, int n, int m) {
        double[] y = fine.clone();
        for (int k = 0; k < p; k++) {
            y[k] = (4 * fine[k] - coarse[k]) / 3;
            int fo = p + k * n;
            int co = p + k * m;
            for (int i = 0; i < n; i++) {
                double c;
                if (i % 2 == 0) {
                    c = coarse[co + i / 2];
                } else {
                    int j = i / 2;
                    c = (-coarse[co + Math.abs(j - 1)] + 9 * coarse[co + j] + 9 * coarse[co + j + 1]
                            - coarse[co + Math.min(j + 2, m - 1)]) / 16;
                }
                y[fo + i] = (4 * fine[fo + i] - c) / 3;
            }
        }
        return y;
    }

    private static boolean temporal(double[] x, int p, int n) {
        for (int k = 0; k < p; k++) {
            double d0 = x[p + k * n];
            double dInf = x[p + k * n + n - 1];
            if (d0 - dInf > 1e-8 * Math.max(d0, 1e-300)) {
                return true;
            }
        }
        return false;
    }

    /** Extends each Δ_k from n to m lags with its plateau. */
    private static double[] resample(double[] x, int p, int n, int m) {
        double[] y = new double[p + p * m];
        System.arraycopy(x, 0, y, 0, p);
        for (int k = 0; k < p; k++) {
            System.arraycopy(x, p + k * n, y, p + k * m, n);
            Arrays.fill(y, p + k * m + n, p + k * m + m, x[p + k * n + n - 1]);
        }
        return y;
    }

    static double spectralRadius(double[][] m) {
        double r = 0;
        for (var e : new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(m)).getEigenvalues()) {
            r = Math.max(r, e.norm());
        }
        return r;
    }

    private record Iterate(double[] x, int iterations, double residual) {
    }

    /** The map T(μ, Δ) of one network on one lag grid. */
    private static final class Problem {
        private final int p;
        private final double[] alpha;
        private final double[][] jbar;
        private final double[][] g2;
        private final double[][] dil;
        private final double[] input;
        private final PiecewiseSmooth[] phi;
        private final PiecewiseSmooth[] slope;
        private final GaussianExpectation engine;
        private final double h;

        Problem(PopulationNetwork net, GaussianExpectation engine, double h) {
            p = net.populations();
            alpha = net.fractions();
            jbar = net.meanCouplings();
            double[][] g = net.gains();
            g2 = new double[p][p];
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    g2[k][l] = g[k][l] * g[k][l];
                }
            }
            dil = PopulationMeanField.dilutionVariance(net);
            input = net.inputs();
            phi = new PiecewiseSmooth[p];
            slope = new PiecewiseSmooth[p];
            for (int l = 0; l < p; l++) {
                phi[l] = TransferIntegrands.phi(net.transfers().get(l));
                slope[l] = TransferIntegrands.derivative(net.transfers().get(l));
            }
            this.engine = engine;
            this.h = h;
        }

        /** Anderson-accelerated iteration to the tolerance. */
        Iterate iterate(double[] start, int n, double accelerate) {
            Anderson anderson = new Anderson(0, 0.5);
            boolean accelerated = false;
            double[] x = start;
            double residual = Double.POSITIVE_INFINITY;
            for (int it = 1; it <= MAX_ITERATIONS; it++) {
                double[] tx = map(x, n);
                double scale = 1e-300;
                for (int k = 0; k < p; k++) {
                    scale = Math.max(scale, Math.max(Math.abs(tx[k]), tx[p + k * n]));
                }
                double r = 0;
                for (int c = 0; c < x.length; c++) {
                    r = Math.max(r, Math.abs(tx[c] - x[c]));
                }
                residual = r / scale;
                if (!Double.isFinite(residual) || scale > 1e12) {
                    throw new NoSolutionException("no stationary solution of the population DMFT: the activity runs away "
                            + "(the variance of the inputs grows without bound)");
                }
                if (Boolean.getBoolean("chaoslab.trace") && (it % 50 == 0 || it < 20)) {
                    System.err.println("it " + it + " res " + residual + " mu " + x[0] + " d0 " + x[p] + " dinf " + x[p + n - 1]);
                }
                if (residual <= TOLERANCE) {
                    return new Iterate(tx, it, residual);
                }
                double temporal = 0;
                for (int k = 0; k < p; k++) {
                    temporal = Math.max(temporal, tx[p + k * n] - tx[p + k * n + n - 1]);
                }
                if (!accelerated && r < accelerate * temporal) {
                    anderson = new Anderson(8, 0.5);
                    accelerated = true;
                }
                x = anderson.next(x, tx);
                for (int k = 0; k < p; k++) {
                    // an extrapolated autocovariance must stay one: 0 ≤ Δ(τ) ≤ Δ(0)
                    int off = p + k * n;
                    x[off] = Math.max(x[off], 0.0);
                    for (int i = 1; i < n; i++) {
                        x[off + i] = Math.min(Math.max(x[off + i], 0.0), x[off]);
                    }
                }
            }
            throw new NoSolutionException("the population DMFT did not settle in " + MAX_ITERATIONS + " iterations "
                    + "(relative residual " + residual + "): no stationary state, e.g. oscillating population means");
        }

        /**
         * T(μ, Δ): the means and the autocovariances the given ones imply. The means are solved for the given variances
         * Δ_l(0) (Newton in P dimensions, {@link #means}) rather than updated once: with strong mean inhibition
         * (|J̄_kl α_l ⟨φ_l′⟩| of a few) the one-step update overshoots and the mixed iteration oscillates away.
         */
        double[] map(double[] x, int n) {
            double[][] c = new double[p][];
            double[] rate = new double[p];
            double[] d0 = new double[p];
            for (int l = 0; l < p; l++) {
                d0[l] = x[p + l * n];
            }
            double[] mean = means(Arrays.copyOf(x, p), d0);
            for (int l = 0; l < p; l++) {
                rate[l] = engine.expectation(phi[l], mean[l], d0[l]);
                c[l] = correlations(l, mean[l], d0[l], x, p + l * n, n);
            }
            double[] y = new double[x.length];
            double[] s = new double[n];
            for (int k = 0; k < p; k++) {
                double m = input[k];
                Arrays.fill(s, 0.0);
                for (int l = 0; l < p; l++) {
                    m += jbar[k][l] * alpha[l] * rate[l];
                    double w = alpha[l] * g2[k][l] + dil[k][l];
                    double centre = dil[k][l] * rate[l] * rate[l];
                    if (w != 0.0) {
                        for (int i = 0; i < n; i++) {
                            s[i] += w * c[l][i] - centre;
                        }
                    }
                }
                y[k] = m;
                filter(s, y, p + k * n, h);
            }
            return y;
        }

        /**
         * The means μ_k = I_k + Σ_l J̄_kl α_l ⟨φ_l⟩(μ_l, Δ_l(0)) for fixed variances, by Newton's method from
         * {@code start} (Jacobian 1 − J̄_kl α_l ⟨φ_l′⟩, backtracking on the residual); where it does not converge (a
         * runaway or a singular Jacobian) the one-step update from {@code start}, as a plain iteration would take.
         */
        private double[] means(double[] start, double[] d0) {
            double[] mu = start.clone();
            double[] f = meanResidual(mu, d0);
            for (int it = 0; it < 60; it++) {
                double norm = PopulationMeanField.maxAbs(f);
                if (norm <= 1e-14 * Math.max(1.0, PopulationMeanField.maxAbs(mu))) {
                    return mu;
                }
                var jac = MatrixUtils.createRealIdentityMatrix(p);
                for (int l = 0; l < p; l++) {
                    double slopeL = d0[l] > 0 ? engine.expectation(slope[l], mu[l], d0[l]) : slope[l].applyAsDouble(mu[l]);
                    for (int k = 0; k < p; k++) {
                        jac.addToEntry(k, l, -jbar[k][l] * alpha[l] * slopeL);
                    }
                }
                double[] step;
                try {
                    step = new org.hipparchus.linear.LUDecomposition(jac).getSolver()
                            .solve(MatrixUtils.createRealVector(f)).toArray();
                } catch (org.hipparchus.exception.MathRuntimeException singular) {
                    break;
                }
                double t = 1.0;
                boolean improved = false;
                for (int b = 0; b < 40 && !improved; b++, t *= 0.5) {
                    double[] trial = mu.clone();
                    for (int k = 0; k < p; k++) {
                        trial[k] -= t * step[k];
                    }
                    double[] ft = meanResidual(trial, d0);
                    if (PopulationMeanField.maxAbs(ft) < norm) {
                        mu = trial;
                        f = ft;
                        improved = true;
                    }
                }
                if (!improved) {
                    break;
                }
            }
            if (PopulationMeanField.maxAbs(f) <= 1e-9 * Math.max(1.0, PopulationMeanField.maxAbs(mu))) {
                return mu;
            }
            double[] r = meanResidual(start, d0);
            double[] one = start.clone();
            for (int k = 0; k < p; k++) {
                one[k] -= r[k];
            }
            return one;
        }

        /** μ_k − I_k − Σ_l J̄_kl α_l ⟨φ_l⟩(μ_l, Δ_l(0)). */
        private double[] meanResidual(double[] mu, double[] d0) {
            double[] rate = new double[p];
            for (int l = 0; l < p; l++) {
                rate[l] = engine.expectation(phi[l], mu[l], d0[l]);
            }
            double[] f = new double[p];
            for (int k = 0; k < p; k++) {
                double m = input[k];
                for (int l = 0; l < p; l++) {
                    m += jbar[k][l] * alpha[l] * rate[l];
                }
                f[k] = mu[k] - m;
            }
            return f;
        }

        /** C_l(τ_i) for every lag from a Chebyshev interpolant in u = √(Δ0 − Δ(τ)). */
        private double[] correlations(int l, double mu, double d0, double[] x, int off, int n) {
            double[] out = new double[n];
            if (d0 <= 0.0) {
                double f = phi[l].applyAsDouble(mu);
                Arrays.fill(out, f * f);
                return out;
            }
            double top = Math.sqrt(d0);
            Chebyshev series = null;
            for (int degree = 32; degree <= 512; degree *= 2) {
                double[] u = Chebyshev.points(0.0, top, degree);
                double[] v = new double[u.length];
                for (int j = 0; j < u.length; j++) {
                    v[j] = engine.correlation(phi[l], mu, d0, Math.max(0.0, d0 - u[j] * u[j]));
                }
                series = Chebyshev.fromValues(0.0, top, v);
                if (series.tail() <= 1e-12 * series.scale()) {
                    break;
                }
            }
            for (int i = 0; i < n; i++) {
                double d = Math.min(Math.max(x[off + i], 0.0), d0);
                out[i] = series.value(Math.sqrt(d0 - d));
            }
            return out;
        }

        /**
         * Δ = G ∗ S on the grid: Δ(τ) = ½∫ e^{−|τ−s|} S(|s|) ds with S linear between the lags and constant beyond the
         * last: the backward part B(τ_i) = ∫_{τ_i}^∞ e^{−(s−τ_i)} S and the forward part F(τ_i) = ∫_{−∞}^{τ_i}
         * e^{−(τ_i−s)} S(|s|) (F(0) = B(0) by symmetry) obey exact one-step recursions.
         */
        static void filter(double[] s, double[] out, int off, double h) {
            int n = s.length;
            double e = Math.exp(-h);
            double far = -Math.expm1(-h) / h;        // (1 − e^{−h})/h
            double near = 1.0 - far;                 // weight of the sample at the near end of a step
            double farW = far - e;                   // weight of the sample at the far end
            double[] b = new double[n];
            b[n - 1] = s[n - 1];
            for (int i = n - 2; i >= 0; i--) {
                b[i] = e * b[i + 1] + near * s[i] + farW * s[i + 1];
            }
            double f = b[0];
            out[off] = b[0];
            for (int i = 1; i < n; i++) {
                f = e * f + near * s[i] + farW * s[i - 1];
                out[off + i] = 0.5 * (f + b[i]);
            }
        }

        /** M∞_kl = α_l g_kl² ⟨φ_l′ φ_l′⟩ at the plateau covariance Δ_l(∞). */
        double[][] tailStability(double[] x, int n) {
            double[][] m = new double[p][p];
            for (int l = 0; l < p; l++) {
                double mu = x[l];
                double d0 = x[p + l * n];
                double dInf = Math.min(Math.max(x[p + l * n + n - 1], 0.0), d0);
                double pp = d0 > 0 ? engine.correlation(slope[l], mu, d0, dInf) : sq(slope[l].applyAsDouble(mu));
                for (int k = 0; k < p; k++) {
                    m[k][l] = (alpha[l] * g2[k][l] + dil[k][l]) * pp;
                }
            }
            return m;
        }

        PopulationAutocorrelation solution(double[] x, int n, double[][] tail, double kappa, int iterations,
                                           double residual) {
            double[] mu = Arrays.copyOfRange(x, 0, p);
            double[] rate = new double[p];
            double[][] delta = new double[p][];
            double[][] c = new double[p][];
            for (int k = 0; k < p; k++) {
                delta[k] = Arrays.copyOfRange(x, p + k * n, p + k * n + n);
                rate[k] = engine.expectation(phi[k], mu[k], delta[k][0]);
                c[k] = correlations(k, mu[k], delta[k][0], x, p + k * n, n);
            }
            return new PopulationAutocorrelation(mu, rate, h, delta, c, tail, kappa, iterations, residual);
        }

        private static double sq(double v) {
            return v * v;
        }
    }
}
