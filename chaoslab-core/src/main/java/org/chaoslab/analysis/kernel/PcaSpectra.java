package org.chaoslab.analysis.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.chaoslab.analysis.SymmetricEigen;
import org.chaoslab.linalg.Blas;
import org.chaoslab.model.Validate;
import org.chaoslab.random.StreamSeeds;

/**
 * Plain and cross-validated PCA spectra of stimulus responses (matrices stimuli × units, row-major, P×N).
 *
 * <p>Plain PCA: eigenvalues of the covariance (1/P) X_cᵀ X_c, X_c centred over stimuli, via the smaller of the P×P
 * and N×N Gram matrices (dgemm, then LAPACK dsyevr). Independent trial noise of variance σ² per unit adds on average
 * σ² to every eigenvalue: a noise floor.
 *
 * <p>Cross-validated PCA (Stringer, Pachitariu, Steinmetz, Carandini &amp; Harris, Nature 571:361 (2019), Methods
 * "cross-validated PCA"): from two repeats X₁, X₂ (centred over stimuli), the principal components u_n of X₁ and
 * λ_n = (1/P) Σ_p (X₁u_n)_p (X₂u_n)_p. Noise independent between repeats drops out in expectation, so λ_n estimates the
 * stimulus-related (signal) variance along u_n. Repeats are swapped at random per stimulus (probability ½) and λ_n
 * averaged over the shuffles. With P &lt; N the components come from the P×P Gram G = X₁X₁ᵀ = V M Vᵀ: X₁u_n = √μ_n v_n
 * and X₂u_n = X₂X₁ᵀv_n/√μ_n, so λ_n = (1/P) v_nᵀ X₂X₁ᵀ v_n.
 */
public final class PcaSpectra {

    /** Default number of random repeat swaps for cvPCA. */
    public static final int DEFAULT_SHUFFLES = 10;

    private PcaSpectra() {
    }

    /** Plain PCA spectrum of a P×N (stimuli × units) matrix, e.g. one repeat or a trial average. */
    public static PcaSpectrum plain(double[] x, int stimuli, int units) {
        checkMatrix("x", x, stimuli, units);
        double[] xc = centred(x, stimuli, units);
        int d = Math.min(stimuli, units);
        double[] g = gram(xc, xc, stimuli, units, 1.0 / stimuli);
        double[] w = SymmetricEigen.values(g, d);
        int rank = Math.min(stimuli - 1, units);
        double[] out = new double[rank];
        for (int n = 0; n < rank; n++) {
            out[n] = w[d - 1 - n];
        }
        return new PcaSpectrum(out, stimuli, units, false, 0);
    }

    /** Plain PCA of the trial-averaged responses. */
    public static PcaSpectrum plain(Responses r) {
        Validate.atLeast("stimuli", r.stimuli(), 2);
        return plain(r.trialMean(), r.stimuli(), r.units());
    }

    /** cvPCA with repeats {@code trialA}, {@code trialB} of {@code r} (they must differ). */
    public static PcaSpectrum crossValidated(Responses r, int trialA, int trialB, int shuffles, StreamSeeds seeds) {
        Validate.atLeast("trials", r.trials(), 2);
        if (trialA == trialB) {
            throw new IllegalArgumentException("trialB must differ from trialA (both " + trialA + ")");
        }
        return crossValidated(r.repeat(trialA), r.repeat(trialB), r.stimuli(), r.units(), shuffles, seeds);
    }

    /**
     * cvPCA spectrum of two repeats (P×N row-major each), averaged over {@code shuffles} ≥ 1 random per-stimulus
     * swaps of the repeats drawn from {@code seeds.child("cvpca-swap").child(s)}.
     */
    public static PcaSpectrum crossValidated(double[] x1, double[] x2, int stimuli, int units, int shuffles,
            StreamSeeds seeds) {
        checkMatrix("x1", x1, stimuli, units);
        checkMatrix("x2", x2, stimuli, units);
        Validate.atLeast("shuffles", shuffles, 1);
        int rank = Math.min(stimuli - 1, units);
        double[] mean = new double[rank];
        double[] a = new double[x1.length];
        double[] b = new double[x2.length];
        for (int s = 0; s < shuffles; s++) {
            UniformRandomProvider rng = seeds.child("cvpca-swap").child(s).provider();
            for (int p = 0; p < stimuli; p++) {
                boolean swap = rng.nextBoolean();
                System.arraycopy(swap ? x2 : x1, p * units, a, p * units, units);
                System.arraycopy(swap ? x1 : x2, p * units, b, p * units, units);
            }
            double[] lambda = crossValidatedOnce(centred(a, stimuli, units), centred(b, stimuli, units), stimuli,
                    units, rank);
            for (int n = 0; n < rank; n++) {
                mean[n] += lambda[n] / shuffles;
            }
        }
        return new PcaSpectrum(mean, stimuli, units, true, shuffles);
    }

    /** λ_n = (1/P) z_nᵀ B z_n with z_n the eigenvectors of the smaller Gram of X₁ and B the matching cross Gram. */
    private static double[] crossValidatedOnce(double[] x1, double[] x2, int p, int n, int rank) {
        int d = Math.min(p, n);
        EigenDecomposition e = EigenDecomposition.of(gram(x1, x1, p, n, 1.0), d);
        double[] cross = gram(x1, x2, p, n, 1.0);
        double[] bz = new double[d * d];
        Blas.blas().dgemm("N", "N", d, d, d, 1.0, cross, 0, d, e.vectors, 0, d, 0.0, bz, 0, d);
        double[] out = new double[rank];
        for (int k = 0; k < rank; k++) {
            int col = d - 1 - k;  // descending eigenvalues of X₁'s Gram
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += e.vectors[col * d + i] * bz[col * d + i];
            }
            out[k] = s / p;
        }
        return out;
    }

    /**
     * The smaller Gram of row-major P×N matrices x, y, times {@code scale}, column-major: for P ≤ N the P×P matrix
     * C(p,q) = x_p·y_q, else the N×N matrix C(i,j) = Σ_p x_{p i} y_{p j}.
     */
    private static double[] gram(double[] x, double[] y, int p, int n, double scale) {
        if (p <= n) {
            double[] c = new double[p * p];
            Blas.blas().dgemm("T", "N", p, p, n, scale, x, 0, n, y, 0, n, 0.0, c, 0, p);
            return c;
        }
        double[] c = new double[n * n];
        Blas.blas().dgemm("N", "T", n, n, p, scale, x, 0, n, y, 0, n, 0.0, c, 0, n);
        return c;
    }

    /** A copy of the P×N matrix with each unit's mean over stimuli removed. */
    static double[] centred(double[] x, int p, int n) {
        double[] mean = new double[n];
        for (int s = 0; s < p; s++) {
            for (int i = 0; i < n; i++) {
                mean[i] += x[s * n + i];
            }
        }
        double[] c = new double[x.length];
        for (int s = 0; s < p; s++) {
            for (int i = 0; i < n; i++) {
                c[s * n + i] = x[s * n + i] - mean[i] / p;
            }
        }
        return c;
    }

    private static void checkMatrix(String name, double[] x, int stimuli, int units) {
        Validate.atLeast("stimuli", stimuli, 2);
        Validate.atLeast("units", units, 1);
        if ((long) stimuli * units != x.length) {
            throw new IllegalArgumentException(name + " must have length stimuli*units = " + (long) stimuli * units
                    + " (got " + x.length + ")");
        }
    }
}
