package org.chaoslab.theory.kernel;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The spectrum of a stationary kernel on the circle of stimuli, from P equally spaced stimuli θ_p = 2πp/P.
 *
 * <h2>Conventions</h2>
 * The P×P cross-trial Gram matrix G_pq = K(θ_p − θ_q) (diagonal K(0⁺)) is circulant; its matrix eigenvalues are the
 * DFT Σ_p K(θ_p) e^{−2πikp/P}. This record reports the eigenvalues of the kernel <em>operator</em> with respect to
 * the uniform measure on the circle, λ_k = DFT_k / P (the Fourier coefficients (1/2π)∫K(Δ)e^{−ikΔ}dΔ up to the
 * aliasing Σ_j λ_{k+jP}); λ_k = λ_{−k}, so every k ∉ {0, P/2} has multiplicity 2. The same-trial Gram matrix has
 * K(0) = K(0⁺) + ν on its diagonal: its matrix eigenvalues are P λ_k + ν (the nugget is a ridge ν, science notes §5),
 * i.e. operator eigenvalues λ_k + ν/P.
 *
 * <h2>Power law</h2>
 * The decay exponent α is a weighted least-squares fit of log λ_n = −α log n + b over the ranked operator
 * eigenvalues (all P, multiplicities expanded, sorted descending, rank n = 1, 2, …) with ranks in
 * [fitFrom, fitTo] and weights 1/n (Stringer et al., Nature 571:361 (2019)); eigenvalues below 10⁻¹² λ_1 (exact
 * zeros such as the even modes of the arc-cosine-0 kernel, or rounding) are left out. A code on a d-dimensional
 * stimulus manifold is differentiable only if α &gt; 1 + 2/d (Stringer et al. 2019); a cusp |Δ|^γ gives
 * α = 1 + γ/d (science notes §5).
 *
 * @param points      P
 * @param eigenvalues λ_k for k = 0 … P/2 (operator convention)
 * @param nugget      ν, added (as ν/P per operator eigenvalue, ν per matrix eigenvalue) for the same trial
 * @param fitFrom     first rank of the fit
 * @param fitTo       last rank of the fit
 * @param fitted      how many ranks entered the fit (positive eigenvalues in range)
 * @param exponent    α (NaN if fewer than two ranks entered the fit)
 * @param dimension   d of the stimulus manifold (1 for the circle)
 * @param differentiabilityBound 1 + 2/d
 */
public record CircleSpectrum(int points, double[] eigenvalues, double nugget, int fitFrom, int fitTo, int fitted,
                             double exponent, int dimension, double differentiabilityBound) {

    /** Eigenvalues below this fraction of the largest are treated as zero in the fit. */
    static final double ZERO = 1e-12;

    public CircleSpectrum {
        eigenvalues = eigenvalues.clone();
    }

    @Override public double[] eigenvalues() { return eigenvalues.clone(); }

    /** Whether α exceeds the differentiability bound 1 + 2/d. */
    public boolean differentiable() {
        return exponent > differentiabilityBound;
    }

    /** The matrix eigenvalue P λ_k + ν of the same-trial Gram matrix (the cross-trial one: P λ_k). */
    public double sameTrialMatrixEigenvalue(int k) {
        return points * eigenvalues[k] + nugget;
    }

    /**
     * The spectrum of a kernel given as a function of the circular distance Δ ∈ [0, π] (at Δ = 0 it must return
     * K(0⁺)).
     *
     * @param kernel  Δ ↦ K(Δ)
     * @param points  P, even and ≥ 4
     * @param nugget  ν ≥ 0
     * @param fitFrom first rank of the power-law fit, ≥ 1
     * @param fitTo   last rank, in [fitFrom + 1, P]
     */
    public static CircleSpectrum of(DoubleUnaryOperator kernel, int points, double nugget, int fitFrom, int fitTo) {
        if (points < 4 || points % 2 != 0) {
            throw new IllegalArgumentException("points must be even and >= 4 (got " + points + ")");
        }
        if (fitFrom < 1 || fitTo <= fitFrom || fitTo > points) {
            throw new IllegalArgumentException("fit ranks must satisfy 1 <= fitFrom < fitTo <= points (got "
                    + fitFrom + ".." + fitTo + ", points " + points + ")");
        }
        double[] a = new double[points];
        for (int p = 0; p < points; p++) {
            // circular distance min(θ, 2π − θ) of θ_p = 2πp/P, computed on the integer grid to keep it symmetric
            int q = Math.min(p, points - p);
            a[p] = kernel.applyAsDouble(2.0 * Math.PI * q / points);
        }
        new DoubleFFT_1D(points).realForward(a);
        int half = points / 2;
        double[] lambda = new double[half + 1];
        lambda[0] = a[0] / points;
        lambda[half] = a[1] / points;
        for (int k = 1; k < half; k++) {
            lambda[k] = a[2 * k] / points; // the imaginary part a[2k+1] vanishes for an even kernel
        }
        double[] ranked = ranked(lambda, points);
        double[] fit = powerLaw(ranked, fitFrom, fitTo);
        return new CircleSpectrum(points, lambda, nugget, fitFrom, fitTo, (int) fit[1], fit[0], 1, 3.0);
    }

    /** All P operator eigenvalues (multiplicities expanded), sorted descending. */
    static double[] ranked(double[] lambda, int points) {
        int half = points / 2;
        double[] all = new double[points];
        int n = 0;
        all[n++] = lambda[0];
        all[n++] = lambda[half];
        for (int k = 1; k < half; k++) {
            all[n++] = lambda[k];
            all[n++] = lambda[k];
        }
        Arrays.sort(all);
        for (int i = 0, j = points - 1; i < j; i++, j--) {
            double t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return all;
    }

    /**
     * {α, count}: the weighted (1/n) least-squares slope of log λ_n against log n over ranks n ∈ [from, to]
     * (1-based) with λ_n &gt; 10⁻¹² λ_1.
     */
    static double[] powerLaw(double[] ranked, int from, int to) {
        double floor = ZERO * ranked[0];
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int n = from; n <= Math.min(to, ranked.length); n++) {
            double v = ranked[n - 1];
            if (!(v > floor)) {
                continue;
            }
            double w = 1.0 / n;
            double x = Math.log(n);
            double y = Math.log(v);
            sw += w;
            sx += w * x;
            sy += w * y;
            sxx += w * x * x;
            sxy += w * x * y;
            count++;
        }
        if (count < 2) {
            return new double[] {Double.NaN, count};
        }
        double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        return new double[] {-slope, count};
    }
}
