package org.chaoslab.theory.balanced;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.BalancedNetwork;

/**
 * The finite-K stationary mean-field theory of the balanced binary network (van Vreeswijk &amp;
 * Sompolinsky, Neural Computation 10:1321 (1998), section 3): population rates m_k, input mean u_k,
 * input variance α_k, quenched variance β_k and q_k = [(m_k^i)²]_i, self-consistent.
 *
 * <p>Method. Averaging the rate of a unit with quenched field x over x gives
 * m_k = ∫Dx H((−u_k − √β_k x)/√γ_k) = H(−u_k/√α_k) (eq. 3.10), i.e. u_k + √α_k H⁻¹(m_k) = 0, which is
 * solved by damped Newton in logit(m) from a grid of starts and the large-K balanced rates; for given m,
 * q_k = ∫Dx H((−u_k − √β_k x)/√γ_k)² (eq. 3.11) is iterated upward from q = m², so it converges to the
 * lowest fixed point (q = m, a frozen state, is always a spurious fixed point of that map). The two are
 * alternated until both change by less than 10⁻¹². Every distinct solution found is reported (including
 * frozen ones with q = m, where the lower q-branch does not exist); the one returned is the fluctuating one
 * nearest to the large-K balanced rates, a frozen one only if no other exists.
 */
public final class BalancedMeanField {

    private static final double TOL = 1e-12;
    private static final double[] STARTS = {1e-3, 1e-2, 0.05, 0.2, 0.5, 0.9};

    private final GaussianExpectation engine;
    private final InputModel model;
    private final double s2;

    /** A solver using the given Gaussian-expectation engine and input model. */
    public BalancedMeanField(GaussianExpectation engine, InputModel model) {
        this(engine, model, 0.0);
    }

    /**
     * A solver for the network driven, besides its external input, by a static stimulus input of variance
     * {@code stimulusVariance} = s² per unit (zero mean, the same at all times, independent across units, e.g.
     * x_i(θ) = s(ξ_i cos θ + η_i sin θ)): it adds s² to the quenched and total input variances,
     * β_k = Σ_l J_kl² c_l + s², α_k = γ_k + β_k, and leaves the mean input unchanged. With
     * {@link InputModel#DISCRETE} the count transfer is smoothed by the stimulus,
     * m_k = Σ p_E(n_E) p_I(n_I) H(−u(n_E, n_I)/s). s² = 0 is the plain solver, bit for bit.
     */
    public BalancedMeanField(GaussianExpectation engine, InputModel model, double stimulusVariance) {
        if (engine == null || model == null) {
            throw new IllegalArgumentException("engine and input model must be given");
        }
        if (!(stimulusVariance >= 0.0) || !Double.isFinite(stimulusVariance)) {
            throw new IllegalArgumentException("stimulus variance must be finite and >= 0 (got " + stimulusVariance + ")");
        }
        this.engine = engine;
        this.model = model;
        this.s2 = stimulusVariance;
    }

    /** The stimulus variance s² per unit (0 for the plain network). */
    public double stimulusVariance() {
        return s2;
    }

    /** A solver with the standard engine and the given input model. */
    public BalancedMeanField(InputModel model) {
        this(GaussianExpectation.standard(), model);
    }

    /** A solver with the standard engine and {@link InputModel#DISCRETE} (integer input counts). */
    public BalancedMeanField() {
        this(InputModel.DISCRETE);
    }

    /** The input model. */
    public InputModel inputModel() {
        return model;
    }

    /**
     * Solves the mean-field equations of {@code net}.
     *
     * @throws NoBalancedSolutionException if the large-K balance equations have no solution in (0, 1), or
     *                                     no finite-K solution in (0, 1) is found
     */
    public BalancedSolution solve(BalancedNetwork net) {
        BalancedLimit limit = BalancedLimit.solve(net); // throws when the parameters admit no balanced state
        String limitError = null;
        List<double[]> starts = new ArrayList<>();
        if (limit != null) {
            starts.add(new double[] {limit.mE(), limit.mI()});
        }
        for (double a : STARTS) {
            for (double b : STARTS) {
                starts.add(new double[] {a, b});
            }
        }
        List<double[]> found = new ArrayList<>();
        for (double[] s : starts) {
            double[] sol = solveFrom(net, s);
            if (sol != null && isNew(found, sol)) {
                found.add(sol);
            }
        }
        if (found.isEmpty()) {
            throw new NoBalancedSolutionException("no solution of the finite-K mean-field equations with rates in (0, 1)"
                    + (limitError != null ? "; " + limitError : ""));
        }
        double[] target = limit != null ? new double[] {limit.mE(), limit.mI()} : new double[] {0, 0};
        double[] best = null;
        for (double[] f : found) {
            // prefer fluctuating solutions; a frozen one (q = m: every unit constantly on or off) only if none other
            boolean better = best == null || frozen(best) && !frozen(f) || frozen(best) == frozen(f) && dist(f, target) < dist(best, target);
            if (better) {
                best = f;
            }
        }
        double[][] branches = found.toArray(new double[0][]);
        return BalancedSolution.of(net, best, limit, limitError, branches, this);
    }

    /** The engine used. */
    public GaussianExpectation engine() {
        return engine;
    }

    /**
     * The population transfer F_k(m) at fixed q: H(−u_k/√α_k) (eq. 3.10) for Gaussian input, the count sum
     * of {@link CountTransfer} for discrete input.
     */
    double[] populationTransfer(BalancedNetwork net, double[] m, double[] q) {
        if (model == InputModel.DISCRETE) {
            return CountTransfer.transfer(net, m, s2);
        }
        PopulationMoments pm = new PopulationMoments(net, m, q, s2);
        return new double[] {Gaussians.h(-pm.u[0] / Math.sqrt(pm.alpha[0])), Gaussians.h(-pm.u[1] / Math.sqrt(pm.alpha[1]))};
    }

    /** Alternates the m-Newton and the q-iteration; returns {mE, mI, qE, qI} or null. */
    private double[] solveFrom(BalancedNetwork net, double[] start) {
        double[] m = start.clone();
        double[] q = {m[0] * m[0], m[1] * m[1]};
        for (int outer = 0; outer < 200; outer++) {
            double[] mNew = newton(net, m, q);
            if (mNew == null) {
                return null;
            }
            double[] qNew = qFixedPoint(net, mNew, q);
            double change = Math.max(Math.max(Math.abs(mNew[0] - m[0]), Math.abs(mNew[1] - m[1])),
                    Math.max(Math.abs(qNew[0] - q[0]), Math.abs(qNew[1] - q[1])));
            m = mNew;
            q = qNew;
            if (change < TOL && outer > 0) {
                return new double[] {m[0], m[1], q[0], q[1]};
            }
        }
        return null;
    }

    /** G_k(m) = u_k + √α_k H⁻¹(m_k) = 0 (the robust form of eq. 3.10), Newton in y = logit m. */
    private double[] newton(BalancedNetwork net, double[] m0, double[] q) {
        double[] y = {logit(m0[0]), logit(m0[1])};
        double[] g = residual(net, y, q);
        for (int it = 0; it < 200; it++) {
            double norm = Math.hypot(g[0], g[1]);
            if (norm < 1e-13) {
                return new double[] {logistic(y[0]), logistic(y[1])};
            }
            double[][] jac = new double[2][2];
            for (int l = 0; l < 2; l++) {
                double h = 1e-6 * Math.max(1.0, Math.abs(y[l]));
                double[] yp = y.clone();
                double[] ym = y.clone();
                yp[l] += h;
                ym[l] -= h;
                double[] gp = residual(net, yp, q);
                double[] gm = residual(net, ym, q);
                jac[0][l] = (gp[0] - gm[0]) / (2 * h);
                jac[1][l] = (gp[1] - gm[1]) / (2 * h);
            }
            double det = jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0];
            if (!(Math.abs(det) > 1e-300) || !Double.isFinite(det)) {
                return null;
            }
            double d0 = (g[0] * jac[1][1] - g[1] * jac[0][1]) / det;
            double d1 = (jac[0][0] * g[1] - jac[1][0] * g[0]) / det;
            double step = 1.0;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                double[] yt = {y[0] - step * d0, y[1] - step * d1};
                double[] gt = residual(net, yt, q);
                if (Double.isFinite(gt[0]) && Double.isFinite(gt[1]) && Math.hypot(gt[0], gt[1]) < norm * (1 - 1e-4 * step)) {
                    y = yt;
                    g = gt;
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                return norm < 1e-9 ? new double[] {logistic(y[0]), logistic(y[1])} : null;
            }
        }
        return null;
    }

    private double[] residual(BalancedNetwork net, double[] y, double[] q) {
        double[] m = {logistic(y[0]), logistic(y[1])};
        if (!(m[0] > 0 && m[0] < 1 && m[1] > 0 && m[1] < 1)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] qc = {Math.min(q[0], m[0]), Math.min(q[1], m[1])};
        if (model == InputModel.DISCRETE) {
            // H⁻¹(F_k(m)) − H⁻¹(m_k): the count transfer's fixed point measured in input standard deviations
            double[] f = CountTransfer.transfer(net, m, s2);
            return new double[] {Gaussians.hInverse(f[0]) - Gaussians.hInverse(m[0]), Gaussians.hInverse(f[1]) - Gaussians.hInverse(m[1])};
        }
        PopulationMoments pm = new PopulationMoments(net, m, qc, s2);
        return new double[] {pm.u[0] + Math.sqrt(pm.alpha[0]) * Gaussians.hInverse(m[0]),
                pm.u[1] + Math.sqrt(pm.alpha[1]) * Gaussians.hInverse(m[1])};
    }

    /** q_k = ∫Dx H((−u_k − √β_k x)/√γ_k)² (eq. 3.11), iterated from q = m² upward. */
    double[] qFixedPoint(BalancedNetwork net, double[] m, double[] qStart) {
        double[] q = {m[0] * m[0], m[1] * m[1]};
        for (int it = 0; it < 5000; it++) {
            double[] next = qMap(net, m, q);
            double change = Math.max(Math.abs(next[0] - q[0]), Math.abs(next[1] - q[1]));
            q = next;
            if (change < 1e-14) {
                break;
            }
        }
        return q;
    }

    private double[] qMap(BalancedNetwork net, double[] m, double[] q) {
        PopulationMoments pm = moments(net, m, q);
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            out[k] = Math.min(m[k], Math.max(m[k] * m[k], engine.expectation(squaredRate(pm, k), 0.0, 1.0)));
        }
        return out;
    }

    /** Input statistics at (m, q); with discrete input the mean is the effective one reproducing m. */
    PopulationMoments moments(BalancedNetwork net, double[] m, double[] q) {
        PopulationMoments pm = new PopulationMoments(net, m, q, s2);
        return model == InputModel.DISCRETE ? pm.effectiveMean(m) : pm;
    }

    /** x ↦ m_k(x)², the squared time-averaged rate of a unit with quenched field x (eq. 3.9). */
    static DoubleUnaryOperator squaredRate(PopulationMoments pm, int k) {
        double u = pm.u[k];
        double sb = Math.sqrt(pm.beta[k]);
        double sg = Math.sqrt(pm.gamma[k]);
        return x -> {
            double r = sg > 0 ? Gaussians.h((-u - sb * x) / sg) : (u + sb * x > 0 ? 1.0 : 0.0);
            return r * r;
        };
    }

    /** A frozen solution: q_k = m_k in some population (no temporal fluctuations there). */
    static boolean frozen(double[] s) {
        return s[2] >= s[0] * (1 - 1e-9) || s[3] >= s[1] * (1 - 1e-9);
    }

    private static boolean isNew(List<double[]> found, double[] s) {
        for (double[] f : found) {
            if (Math.abs(f[0] - s[0]) < 1e-7 * Math.max(1e-3, s[0]) && Math.abs(f[1] - s[1]) < 1e-7 * Math.max(1e-3, s[1])) {
                return false;
            }
        }
        return true;
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(Math.log(a[0]) - Math.log(Math.max(b[0], 1e-300)), Math.log(a[1]) - Math.log(Math.max(b[1], 1e-300)));
    }

    private static double logit(double m) {
        double c = Math.min(1 - 1e-12, Math.max(1e-12, m));
        return Math.log(c / (1 - c));
    }

    private static double logistic(double y) {
        return 1.0 / (1.0 + Math.exp(-y));
    }
}
