package org.chaoslab.theory.populations;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.theory.dmft.NoSolutionException;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The static mean-field theory of multi-population rate networks (Kadmon &amp; Sompolinsky, PRX 5:041030, 2015, and
 * the lecture notes' §3; ../shared/science/binary-deep-kernels.md §2): at a fixed point x* the input of a unit of
 * population k is Gaussian across units, with
 * <pre>
 *   μ_k = I_k + Σ_l J̄_kl α_l ⟨φ_l(x)⟩_l,     Δ_k = Σ_l g_kl² α_l ⟨φ_l(x)²⟩_l,     x ~ N(μ_l, Δ_l) in ⟨·⟩_l,
 * </pre>
 * solved by Newton's method (finite-difference Jacobian, backtracking on the residual) from the inputs (Δ = 0), or,
 * where that misses, by continuation from weak couplings (every g_kl scaled by 1/64 … 1). Stability (same references): the random part of the Jacobian −1 + J·diag(φ′(x*)) has block variances
 * g_kl² ⟨φ_l′²⟩/N, so its eigenvalues fill a disc of radius √ρ(M), M_kl = α_l g_kl² ⟨φ_l′²⟩; the fixed point becomes
 * chaotic where ρ(M) = 1. The mean part adds P outliers, the eigenvalues of A_kl = J̄_kl α_l ⟨φ_l′⟩.
 *
 * <p>Sparse networks (fixed in-degrees K_kl, {@link PopulationNetwork#inDegrees()}): which K_kl units of population l a
 * unit reads is random, so the mean part of its input, J̄_kl α_l × (the mean of φ over those K_kl units), differs from
 * unit to unit; this adds d_kl·(⟨φ_l²⟩ − ⟨φ_l⟩²) to Δ_k and d_kl⟨φ_l′²⟩ to M_kl ({@link #dilutionVariance}). The other
 * large-K assumptions (the K inputs' sum Gaussian, each unit's Σ_j J_ij² equal to its mean) are kept: their
 * corrections are O(1/K) relative.
 *
 * <p>Approximations: N → ∞ with independent couplings (no symmetry), a static state (above the transition the static
 * solution is not the network's state; the time-dependent population DMFT Δ_k(τ) is {@link PopulationDmft}). Gaussian
 * averages use the project's piecewise-smooth quadrature (exact across the kinks of threshold-linear units).
 */
public final class PopulationMeanField {

    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-13;

    private final GaussianExpectation engine;

    /** With the project's standard Gaussian quadrature. */
    public PopulationMeanField() {
        this(GaussianExpectation.standard());
    }

    public PopulationMeanField(GaussianExpectation engine) {
        this.engine = engine;
    }

    /**
     * Solves the static equations and their stability.
     *
     * @throws NoSolutionException when the iteration finds no bounded fixed point (runaway excitation)
     */
    public PopulationFixedPoint solve(PopulationNetwork net) {
        try {
            return solve(net, null);
        } catch (NoSolutionException cold) {
            // Newton from the inputs can miss a solution with a large variance: follow the solution from weak
            // couplings (gains, and a sparse network's dilution variance with them, scaled by c = 1/64 ... 1, each
            // solve from the previous one)
            PopulationFixedPoint fp = null;
            for (int i = 0; i <= 240; i++) {
                double c = Math.pow(64, i / 240.0 - 1);
                fp = solve(net.withGainScale(c), fp, c * c);
            }
            return fp;
        }
    }

    /**
     * Solves the static equations from a starting point (the solution of a nearby network, for continuation in a
     * parameter), else from the inputs with Δ = 0.
     */
    PopulationFixedPoint solve(PopulationNetwork net, PopulationFixedPoint start) {
        return solve(net, start, 1.0);
    }

    /** As {@link #solve(PopulationNetwork, PopulationFixedPoint)} with the dilution variance d_kl scaled (continuation). */
    private PopulationFixedPoint solve(PopulationNetwork net, PopulationFixedPoint start, double dilutionScale) {
        int p = net.populations();
        double[] alpha = net.fractions();
        double[][] jbar = net.meanCouplings();
        double[][] g = net.gains();
        double[] input = net.inputs();
        List<PiecewiseSmooth[]> integrands = new ArrayList<>();
        for (int l = 0; l < p; l++) {
            var phi = net.transfers().get(l);
            integrands.add(new PiecewiseSmooth[] {TransferIntegrands.phi(phi), TransferIntegrands.phiSquared(phi),
                    TransferIntegrands.derivative(phi), TransferIntegrands.derivativeSquared(phi)});
        }
        // z = (mu_1..mu_P, Delta_1..Delta_P); F(z) = T(z) - z. Newton steps with a finite-difference Jacobian and
        // backtracking on |F| (the plain iteration z <- T(z) oscillates when inhibition dominates the means)
        double[] z = new double[2 * p];
        System.arraycopy(start == null ? input : start.mean(), 0, z, 0, p);
        if (start != null) {
            System.arraycopy(start.variance(), 0, z, p, p);
        }
        double[][] dil = dilutionVariance(net);
        for (double[] row : dil) {
            for (int l = 0; l < p; l++) {
                row[l] *= dilutionScale;
            }
        }
        double[] f = residual(z, input, alpha, jbar, g, dil, integrands);
        int it = 0;
        for (; it < MAX_ITERATIONS; it++) {
            double norm = maxAbs(f);
            double scale = Math.max(1.0, maxAbs(z));
            if (!Double.isFinite(norm) || scale > 1e12) {
                throw new NoSolutionException("no fixed point of the population means: the activity runs away (excitation "
                        + "not balanced by inhibition at these mean couplings)");
            }
            if (norm <= TOLERANCE * scale) {
                break;
            }
            double[][] jac = new double[2 * p][2 * p];
            for (int c = 0; c < 2 * p; c++) {
                double h = 1e-7 * Math.max(1.0, Math.abs(z[c]));
                double[] zh = z.clone();
                zh[c] += h;
                double[] fh = residual(zh, input, alpha, jbar, g, dil, integrands);
                for (int r = 0; r < 2 * p; r++) {
                    jac[r][c] = (fh[r] - f[r]) / h;
                }
            }
            double[] step;
            try {
                step = new org.hipparchus.linear.LUDecomposition(MatrixUtils.createRealMatrix(jac)).getSolver()
                        .solve(MatrixUtils.createRealVector(f)).mapMultiply(-1).toArray();
            } catch (org.hipparchus.exception.MathRuntimeException singular) {
                step = f.clone();       // a plain iteration step where the Jacobian is singular
            }
            double t = 1.0;
            double[] trial = null;
            double[] ft = null;
            for (int b = 0; b < 40; b++, t *= 0.5) {
                trial = z.clone();
                for (int c = 0; c < 2 * p; c++) {
                    trial[c] += t * step[c];
                }
                for (int k = p; k < 2 * p; k++) {
                    trial[k] = Math.max(trial[k], 0.0);     // variances stay non-negative
                }
                ft = residual(trial, input, alpha, jbar, g, dil, integrands);
                if (maxAbs(ft) < (1 - 1e-4 * t) * norm) {
                    break;
                }
            }
            if (maxAbs(ft) >= norm && norm <= 1e-9 * scale) {
                break;      // at the rounding level of the quadrature: no step reduces the residual further
            }
            z = trial;
            f = ft;
        }
        if (it == MAX_ITERATIONS) {
            throw new NoSolutionException("no fixed point of the population means: the static mean field did not "
                    + "converge in " + MAX_ITERATIONS + " Newton steps (oscillating or runaway activity)");
        }
        double[] mu = java.util.Arrays.copyOfRange(z, 0, p);
        double[] delta = java.util.Arrays.copyOfRange(z, p, 2 * p);
        double[] rate = new double[p];
        double[] rate2 = new double[p];
        double[] slope = new double[p];
        double[] slope2 = new double[p];
        for (int l = 0; l < p; l++) {
            double v = regularized(delta[l], mu[l]);
            rate[l] = engine.expectation(integrands.get(l)[0], mu[l], v);
            rate2[l] = engine.expectation(integrands.get(l)[1], mu[l], v);
            slope[l] = engine.expectation(integrands.get(l)[2], mu[l], v);
            slope2[l] = engine.expectation(integrands.get(l)[3], mu[l], v);
        }
        double[][] stability = new double[p][p];
        double[][] a = new double[p][p];
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                stability[k][l] = (alpha[l] * g[k][l] * g[k][l] + dil[k][l]) * slope2[l];
                a[k][l] = jbar[k][l] * alpha[l] * slope[l];
            }
        }
        return new PopulationFixedPoint(mu, delta, rate, rate2, slope, slope2, stability, spectralRadius(stability),
                eigenvalues(a), it);
    }

    /**
     * The common factor c multiplying every g_kl (means fixed) at which the fixed point stops being stable: where ρ(M)
     * reaches 1, the fixed point recomputed at each c — or where the static branch ends first (its variance running
     * away, as for threshold-linear units whose activity is unbounded; beyond it the static theory has nothing to say
     * and the state must come from simulation or the time-dependent theory). NaN when neither happens up to c = 1000.
     */
    public double criticalGainScale(PopulationNetwork net) {
        // continuation in c from small gains (each solve starts from the previous solution), then bisection between
        // the last stable point and the first unstable one (or the first without a static solution: for
        // threshold-linear units the static variance diverges as rho(M) -> 1)
        double c = 1e-3;
        PopulationFixedPoint last = tryStep(net, c, null);
        if (last == null || last.spectralRadius() >= 1.0) {
            return Double.NaN;
        }
        double lo = c;
        double hi = Double.NaN;
        while (c < 1000) {
            double next = c * 1.05;
            PopulationFixedPoint fp = tryStep(net, next, last);
            if (fp == null || fp.spectralRadius() >= 1.0) {
                hi = next;
                break;
            }
            last = fp;
            lo = next;
            c = next;
        }
        if (Double.isNaN(hi)) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            PopulationFixedPoint fp = tryStep(net, mid, last);
            if (fp == null || fp.spectralRadius() >= 1.0) {
                hi = mid;
            } else {
                lo = mid;
                last = fp;
            }
        }
        return 0.5 * (lo + hi);
    }

    private PopulationFixedPoint tryStep(PopulationNetwork net, double c, PopulationFixedPoint start) {
        try {
            return solve(net.withGainScale(c), start);
        } catch (NoSolutionException none) {
            return null;
        }
    }

    /**
     * The dilution of the mean couplings in a sparse network (zero for all-to-all couplings): a unit of population k
     * reads K_kl units drawn without replacement from the M = N_l − δ_kl units of population l it may read, each
     * through the mean weight J̄_kl α_l/K_kl, so the mean part of its input from l is J̄_kl α_l times the sample mean of
     * φ over those units. Across units (and in time) that sample mean scatters about the population mean with
     * covariance (1/K_kl)(M − K_kl)/(M − 1)·(C_l(τ) − ⟨φ_l⟩²) (the finite-population correction of sampling without
     * replacement), so the input covariance gains
     * <pre>
     *   d_kl (C_l(τ) − ⟨φ_l⟩²),   d_kl = (J̄_kl α_l)² (M − K_kl) / (K_kl (M − 1))   (≈ (J̄_kl α_l)²(1/K_kl − 1/N_l)),
     * </pre>
     * and the coupling matrix's entries, centred on the dense mean J̄_kl/N, have N_l × variance α_l g_kl² + d_kl (the
     * bulk of the spectrum, and of the Jacobian with ⟨φ′²⟩). For one population with J0 this is the term
     * (J0²/K)(1 − (K − 1)/(N − 2)) of docs/sparse.md. Kadmon &amp; Sompolinsky (2015) write the sparse input variance as
     * Σ_l K_kl⟨w_kl²⟩⟨φ_l²⟩ with uncentred weights; with the mean weight's K_kl terms taken apart it is this.
     *
     * @return d_kl, P × P
     */
    public static double[][] dilutionVariance(PopulationNetwork net) {
        int p = net.populations();
        double[][] d = new double[p][p];
        int[][] kkl = net.inDegrees();
        if (kkl == null) {
            return d;
        }
        double[] alpha = net.fractions();
        double[][] jbar = net.meanCouplings();
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                int m = net.populationSize(l) - (k == l ? 1 : 0);
                double mean = jbar[k][l] * alpha[l];
                d[k][l] = m <= 1 ? 0.0 : mean * mean * (m - kkl[k][l]) / ((double) kkl[k][l] * (m - 1));
            }
        }
        return d;
    }

    /**
     * The support of the coupling matrix's own spectrum (not the Jacobian's): its bulk eigenvalues fill a disc of
     * radius √ρ([α_l g_kl² + d_kl]) (d_kl the dilution of a sparse network's means, {@link #dilutionVariance}; 0 for
     * all-to-all couplings), and the mean couplings add the eigenvalues of [J̄_kl α_l] as outliers (block circular
     * law; Aljadeff, Stern &amp; Sharpee 2015; Tao 2013 for low-rank outliers).
     *
     * @return {bulk radius, then the outliers' (real, imaginary) pairs}
     */
    public static CouplingSpectrum couplingSpectrum(PopulationNetwork net) {
        int p = net.populations();
        double[] alpha = net.fractions();
        double[][] g = net.gains();
        double[][] jbar = net.meanCouplings();
        double[][] dil = dilutionVariance(net);
        double[][] v = new double[p][p];
        double[][] mean = new double[p][p];
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                v[k][l] = alpha[l] * g[k][l] * g[k][l] + dil[k][l];
                mean[k][l] = jbar[k][l] * alpha[l];
            }
        }
        return new CouplingSpectrum(Math.sqrt(spectralRadius(v)), eigenvalues(mean));
    }

    /** The bulk radius and the outliers of a realized coupling matrix's spectrum. */
    public record CouplingSpectrum(double bulkRadius, double[][] outliers) {
    }

    /**
     * The scatter of one finite realization's fixed-point statistics about the N → ∞ values, to leading order in
     * N^(−1/2) (linear response of the static equations). The population average of the random input,
     * ξ_k = (1/N_k)Σ_{i∈k} η_i, has variance Δ_k/N_k; the population average of φ_l has, beyond its linear response
     * ⟨φ_l′⟩δμ_l, a sampling part of variance r_l/N_l, r_l = Var φ_l − ⟨φ_l′⟩²Δ_l (uncorrelated with ξ_l by Stein's
     * lemma). Both feed back through the mean couplings:
     * <pre>
     *   δμ = (1 − A)⁻¹ (ξ + B ε),   A_kl = J̄_kl α_l ⟨φ_l′⟩,   B_kl = J̄_kl α_l,
     *   Cov δμ = (1 − A)⁻¹ [diag(Δ_k/N_k) + B diag(r_l/N_l) Bᵀ] (1 − A)⁻ᵀ.
     * </pre>
     * The variance across the N_k units of a population has the sampling scatter Δ_k √(2/N_k) of N_k Gaussian values
     * (the fluctuation of Δ_k itself through the ⟨φ_l²⟩ is left out: it adds ~20 % in the E/I networks of the tests).
     *
     * @param net the network (its N and population sizes)
     * @param fp  its fixed point ({@link #solve})
     * @return per population the standard deviations of the realization's population mean and variance across units
     */
    public static FiniteSizeScatter finiteSizeScatter(PopulationNetwork net, PopulationFixedPoint fp) {
        int p = net.populations();
        double[] alpha = net.fractions();
        double[][] jbar = net.meanCouplings();
        var a = MatrixUtils.createRealIdentityMatrix(p);
        var b = MatrixUtils.createRealMatrix(p, p);
        var source = MatrixUtils.createRealMatrix(p, p);
        var sampling = MatrixUtils.createRealMatrix(p, p);
        double[] variance = new double[p];
        for (int k = 0; k < p; k++) {
            int nk = net.populationSize(k);
            for (int l = 0; l < p; l++) {
                a.addToEntry(k, l, -jbar[k][l] * alpha[l] * fp.meanSlope()[l]);
                b.setEntry(k, l, jbar[k][l] * alpha[l]);
            }
            source.setEntry(k, k, fp.variance()[k] / nk);
            double varPhi = fp.meanSquareRate()[k] - fp.rate()[k] * fp.rate()[k];
            sampling.setEntry(k, k, Math.max(0.0, varPhi - fp.meanSlope()[k] * fp.meanSlope()[k] * fp.variance()[k]) / nk);
            variance[k] = fp.variance()[k] * Math.sqrt(2.0 / nk);
        }
        var inv = new org.hipparchus.linear.LUDecomposition(a).getSolver().getInverse();
        var cov = inv.multiply(source.add(b.multiply(sampling).multiplyTransposed(b))).multiplyTransposed(inv);
        double[] mean = new double[p];
        for (int k = 0; k < p; k++) {
            mean[k] = Math.sqrt(cov.getEntry(k, k));
        }
        return new FiniteSizeScatter(mean, variance);
    }

    /**
     * Standard deviations of one realization's fixed-point statistics ({@link #finiteSizeScatter}).
     *
     * @param mean     of the population mean μ_k
     * @param variance of the variance across the units of population k
     */
    public record FiniteSizeScatter(double[] mean, double[] variance) {
    }

    /** T(z) − z for z = (μ, Δ). */
    private double[] residual(double[] z, double[] input, double[] alpha, double[][] jbar, double[][] g, double[][] dil,
                              List<PiecewiseSmooth[]> integrands) {
        int p = input.length;
        double[] m = new double[p];
        double[] q = new double[p];
        for (int l = 0; l < p; l++) {
            double v = regularized(Math.max(z[p + l], 0.0), z[l]);
            m[l] = engine.expectation(integrands.get(l)[0], z[l], v);
            q[l] = engine.expectation(integrands.get(l)[1], z[l], v);
        }
        double[] f = new double[2 * p];
        for (int k = 0; k < p; k++) {
            double mu = input[k];
            double delta = 0;
            for (int l = 0; l < p; l++) {
                mu += jbar[k][l] * alpha[l] * m[l];
                delta += g[k][l] * g[k][l] * alpha[l] * q[l] + dil[k][l] * Math.max(0.0, q[l] - m[l] * m[l]);
            }
            f[k] = mu - z[k];
            f[p + k] = delta - z[p + k];
        }
        return f;
    }

    /** max |v_i|; NaN if any entry is NaN (so that a comparison with it is false). */
    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
        }
        return m;
    }

    private static double regularized(double variance, double mean) {
        return Math.max(variance, 1e-24 * (1.0 + mean * mean));
    }

    /** The largest modulus of the eigenvalues (for M ≥ 0: the Perron root). */
    static double spectralRadius(double[][] m) {
        double r = 0;
        for (double[] e : eigenvalues(m)) {
            r = Math.max(r, Math.hypot(e[0], e[1]));
        }
        return r;
    }

    /** Eigenvalues as (real, imaginary) pairs, sorted by decreasing real part. */
    static double[][] eigenvalues(double[][] m) {
        if (m.length == 1) {
            return new double[][] {{m[0][0], 0.0}};
        }
        if (m.length == 2) {
            // closed form (Hipparchus' non-symmetric decomposition fails on some degenerate 2 x 2 matrices, e.g. zero)
            double tr = m[0][0] + m[1][1];
            double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
            double disc = tr * tr / 4 - det;
            return disc >= 0
                    ? new double[][] {{tr / 2 + Math.sqrt(disc), 0.0}, {tr / 2 - Math.sqrt(disc), 0.0}}
                    : new double[][] {{tr / 2, Math.sqrt(-disc)}, {tr / 2, -Math.sqrt(-disc)}};
        }
        EigenDecompositionNonSymmetric e = new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(m));
        var values = e.getEigenvalues();
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new double[] {values[i].getReal(), values[i].getImaginary()};
        }
        java.util.Arrays.sort(out, (x, y) -> Double.compare(y[0], x[0]));
        return out;
    }
}
