package org.chaoslab.theory.kernel;

import org.chaoslab.model.Validate;

/**
 * The typical-case generalization error of kernel ridge regression (Bordelon, Canatar &amp; Pehlevan, ICML 2020;
 * Canatar, Bordelon &amp; Pehlevan, Nat. Commun. 12:2914 (2021), Eqs. 3–4), asymptotic in the number P of i.i.d.
 * training samples; expect agreement with finite-P experiments to O(1/P), good for P ≳ 64.
 *
 * <p>Conventions. Mercer decomposition with respect to the input measure μ:
 * K(x,x′) = Σ_ρ η_ρ φ_ρ(x) φ_ρ(x′) with ∫ φ_ρ φ_σ dμ = δ_ρσ (μ a probability measure), target
 * f*(x) = Σ_ρ v_ρ φ_ρ(x). The estimator is α = (K + λI)⁻¹ y with the P×P Gram K_μν = K(x_μ, x_ν) NOT divided by P
 * (minimiser of Σ_μ (f(x_μ) − y_μ)² + λ‖f‖²_H), labels y_μ = f*(x_μ) + ε_μ with Var ε = σ²; the λ here is that
 * empirical λ unchanged. Then
 * <pre>
 *   κ = λ + κ Σ_ρ η_ρ/(Pη_ρ + κ),   γ = Σ_ρ Pη_ρ²/(Pη_ρ + κ)²,
 *   E_g = (1/(1−γ)) Σ_ρ κ² v_ρ²/(Pη_ρ + κ)² + σ² γ/(1−γ),
 * </pre>
 * E_g = E_x (f̂(x) − f*(x))² averaged over training sets and label noise (against the clean target; add σ² for the
 * error on noisy test labels). A complex orthonormal basis (Fourier modes on a circle) may be used: the formula depends
 * on v only through Σ|v_ρ|² within each eigenspace. A nugget ν on the training Gram only (K + νI for training, K for
 * testing) is the same estimator as ridge λ + ν, so the theory with λ → λ + ν applies.
 */
public final class KernelRegressionTheory {

    private KernelRegressionTheory() {
    }

    /**
     * Kernel eigenvalues and target coefficients in one orthonormal basis.
     *
     * @param eigenvalues        η_ρ ≥ 0
     * @param targetCoefficients v_ρ (for a complex basis, |v_ρ|), same length
     */
    public record Modes(double[] eigenvalues, double[] targetCoefficients) {
        /** Validates lengths and signs. */
        public Modes {
            if (eigenvalues.length != targetCoefficients.length || eigenvalues.length == 0) {
                throw new IllegalArgumentException("targetCoefficients must have length eigenvalues.length = "
                        + eigenvalues.length + " >= 1 (got " + targetCoefficients.length + ")");
            }
            for (double e : eigenvalues) {
                if (!(e >= 0) || Double.isInfinite(e)) {
                    throw new IllegalArgumentException("eigenvalues must be finite and >= 0 (got " + e + ")");
                }
            }
        }
    }

    /**
     * The prediction at one P.
     *
     * @param trainSize            P
     * @param ridge                λ
     * @param noiseVariance        σ²
     * @param kappa                κ, the self-consistent effective ridge
     * @param gamma                γ
     * @param bias                 (1/(1−γ)) Σ κ² v²/(Pη + κ)²
     * @param variance             σ² γ/(1−γ)
     * @param generalizationError  E_g = bias + variance
     */
    public record Prediction(int trainSize, double ridge, double noiseVariance, double kappa, double gamma,
            double bias, double variance, double generalizationError) {
    }

    /** E_g for P = {@code trainSize} ≥ 1 samples, ridge λ ≥ 0 and label-noise variance σ² ≥ 0. */
    public static Prediction predict(Modes modes, int trainSize, double ridge, double noiseVariance) {
        Validate.atLeast("trainSize", trainSize, 1);
        Validate.finiteAtLeast("ridge", ridge, 0);
        Validate.finiteAtLeast("noiseVariance", noiseVariance, 0);
        double[] eta = modes.eigenvalues();
        double[] v = modes.targetCoefficients();
        double p = trainSize;
        double kappa = kappa(eta, trainSize, ridge);
        double gamma = 0;
        double bias = 0;
        for (int r = 0; r < eta.length; r++) {
            if (eta[r] == 0) {
                bias += v[r] * v[r];   // an unlearnable mode: κ²/(Pη + κ)² = 1
                continue;
            }
            double den = p * eta[r] + kappa;
            gamma += p * eta[r] * eta[r] / (den * den);
            bias += kappa * kappa * v[r] * v[r] / (den * den);
        }
        double amp = 1.0 / (1.0 - gamma);   // Canatar et al. 2021, Eq. 4
        if (!(gamma < 1)) {
            amp = Double.POSITIVE_INFINITY;
        }
        double b = amp * bias;
        double var = noiseVariance == 0 ? 0 : amp * noiseVariance * gamma;
        return new Prediction(trainSize, ridge, noiseVariance, kappa, gamma, b, var, b + var);
    }

    /**
     * The root κ of κ = λ + κ Σ_ρ η_ρ/(Pη_ρ + κ) (Canatar et al. 2021, Eq. 3). For κ &gt; 0 it is the zero of
     * r(κ) = 1 − Σ_ρ η_ρ/(Pη_ρ + κ) − λ/κ, strictly increasing, bracketed by r(λ + Σ η) ≥ 0 and found by bisection in
     * log κ to relative precision 1e-15. For λ = 0 and no more than P positive η, κ = 0 (interpolation).
     */
    public static double kappa(double[] eigenvalues, int trainSize, double ridge) {
        Validate.atLeast("trainSize", trainSize, 1);
        Validate.finiteAtLeast("ridge", ridge, 0);
        double trace = 0;
        for (double e : eigenvalues) {
            trace += e;
        }
        double hi = ridge + trace;
        if (hi == 0) {
            return 0;
        }
        double lo = hi;
        double floor = hi * 1e-300;
        while (residual(eigenvalues, trainSize, ridge, lo) >= 0) {
            lo *= 0.5;
            if (lo < floor) {
                return 0;   // λ = 0 and at most P modes: r(0+) ≥ 0, no positive root
            }
        }
        if (residual(eigenvalues, trainSize, ridge, hi) < 0) {
            hi *= 2;   // guards round-off at the analytic bound
        }
        for (int it = 0; it < 400 && hi - lo > 1e-15 * hi; it++) {
            double mid = Math.sqrt(lo * hi);
            if (mid <= lo || mid >= hi) {
                mid = 0.5 * (lo + hi);
            }
            if (residual(eigenvalues, trainSize, ridge, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double residual(double[] eta, int p, double ridge, double kappa) {
        double s = 0;
        for (double e : eta) {
            if (e > 0) {
                s += e / (p * e + kappa);
            }
        }
        return 1 - s - ridge / kappa;
    }

    /**
     * The modes of a translation-invariant kernel and a target on M equally spaced points of a circle, θ_j = 2πj/M,
     * with the uniform measure on those points: complex Fourier basis φ_k(θ) = e^{ikθ}, k = 0..M−1,
     * η_k = (1/M) Σ_j K(θ_j) cos(kθ_j) (real for a symmetric kernel, K(θ_j) = K(θ_{M−j})) and
     * v_k = |(1/M) Σ_j f*(θ_j) e^{−ikθ_j}|. Eigenvalues with |η_k| below 1e-12 max η (round-off) are set to 0.
     *
     * @param kernelByLag K(θ_j), j = 0..M−1 (length M ≥ 2)
     * @param target      f*(θ_j), length M
     */
    public static Modes onCircleGrid(double[] kernelByLag, double[] target) {
        int m = kernelByLag.length;
        Validate.atLeast("kernelByLag.length", m, 2);
        if (target.length != m) {
            throw new IllegalArgumentException("target must have length kernelByLag.length = " + m + " (got "
                    + target.length + ")");
        }
        double[] cos = new double[m];
        double[] sin = new double[m];
        for (int j = 0; j < m; j++) {
            cos[j] = Math.cos(2 * Math.PI * j / m);
            sin[j] = Math.sin(2 * Math.PI * j / m);
        }
        double[] eta = new double[m];
        double[] v = new double[m];
        double max = 0;
        for (int k = 0; k < m; k++) {
            double e = 0;
            double re = 0;
            double im = 0;
            for (int j = 0; j < m; j++) {
                int idx = (int) ((long) j * k % m);
                e += kernelByLag[j] * cos[idx];
                re += target[j] * cos[idx];
                im -= target[j] * sin[idx];
            }
            eta[k] = e / m;
            v[k] = Math.hypot(re, im) / m;
            max = Math.max(max, eta[k]);
        }
        for (int k = 0; k < m; k++) {
            if (Math.abs(eta[k]) < 1e-12 * max) {
                eta[k] = 0;
            } else if (eta[k] < 0) {
                throw new IllegalArgumentException("kernelByLag must be positive semi-definite on the grid (eigenvalue "
                        + k + " = " + eta[k] + ")");
            }
        }
        return new Modes(eta, v);
    }
}
