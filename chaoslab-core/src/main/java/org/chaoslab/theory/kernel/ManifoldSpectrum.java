package org.chaoslab.theory.kernel;

import java.util.Arrays;

import org.chaoslab.analysis.SymmetricEigen;
import org.chaoslab.model.Stimuli;

/**
 * The spectrum of a stationary kernel on a d-dimensional stimulus manifold (torus or sphere, d = 1 … 4; the circle
 * too): the P × P cross-trial Gram matrix G_pq = K(o_pq), o_pq = (1/s²)·(input overlap of stimuli p and q), diagonal
 * K(0⁺), its eigenvalues by LAPACK (dsyevr), reported in the operator convention of {@link CircleSpectrum}
 * (matrix eigenvalue / P), ranked, with a weighted power-law fit (weights 1/n) over the stated ranks and the
 * differentiability bound α &gt; 1 + 2/d of a code on a d-dimensional manifold (Stringer et al., Nature 571:361 (2019)).
 * The same-trial Gram matrix adds the nugget ν to every matrix eigenvalue (ν/P per operator eigenvalue).
 *
 * @param points      P
 * @param dimension   d
 * @param eigenvalues all P operator eigenvalues, descending
 * @param nugget      ν
 * @param fitFrom     first rank of the fit
 * @param fitTo       last rank
 * @param fitted      ranks that entered the fit
 * @param exponent    α (NaN with fewer than two ranks)
 * @param differentiabilityBound 1 + 2/d
 */
public record ManifoldSpectrum(int points, int dimension, double[] eigenvalues, double nugget, int fitFrom, int fitTo, int fitted,
                               double exponent, double differentiabilityBound) {

    public ManifoldSpectrum {
        eigenvalues = eigenvalues.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Whether α exceeds 1 + 2/d. */
    public boolean differentiable() {
        return exponent > differentiabilityBound;
    }

    /**
     * The spectrum of {@code theory}'s stationary kernel on the stimuli.
     *
     * @throws IllegalArgumentException for user-given inputs (no manifold), s = 0, or fit ranks outside [1, P]
     */
    public static ManifoldSpectrum of(StimulusKernel theory, Stimuli stimuli, int fitFrom, int fitTo) {
        if (stimuli instanceof Stimuli.Given) {
            throw new IllegalArgumentException("stimuli must lie on a manifold (circle, torus, sphere) for a theory spectrum");
        }
        int p = stimuli.count();
        if (fitFrom < 1 || fitTo <= fitFrom || fitTo > p) {
            throw new IllegalArgumentException("fit ranks must satisfy 1 <= from < to <= P = " + p + " (got " + fitFrom + ".." + fitTo + ")");
        }
        double scale2 = stimuli.overlap(0, 0);
        if (!(scale2 > 0)) {
            throw new IllegalArgumentException("the stimulus strength s must be > 0 for a manifold spectrum");
        }
        KernelStatistics st = theory.statistics();
        double[] g = new double[p * p];
        for (int i = 0; i < p; i++) {
            g[i * p + i] = st.zeroPlus();
            for (int j = i + 1; j < p; j++) {
                double o = Math.max(-1.0, Math.min(1.0, stimuli.overlap(i, j) / scale2));
                double k = o >= 1.0 ? st.zeroPlus() : theory.kernel(o);
                g[i * p + j] = k;
                g[j * p + i] = k;
            }
        }
        double[] w = SymmetricEigen.values(g, p);
        double[] ranked = new double[p];
        for (int i = 0; i < p; i++) {
            ranked[i] = w[p - 1 - i] / p;
        }
        double[] fit = CircleSpectrum.powerLaw(ranked, fitFrom, fitTo);
        int d = Math.max(1, stimuli.manifoldDimension());
        return new ManifoldSpectrum(p, d, ranked, st.nugget(), fitFrom, fitTo, (int) fit[1], fit[0], 1.0 + 2.0 / d);
    }

    @Override
    public String toString() {
        return "ManifoldSpectrum[P=" + points + ", d=" + dimension + ", alpha=" + exponent + " over " + fitFrom + ".." + fitTo
                + ", first " + Arrays.toString(Arrays.copyOf(eigenvalues, Math.min(4, points))) + "]";
    }
}
