package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.chaoslab.analysis.SymmetricEigen;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidualCovarianceSpectrumTest {

    @Test
    void withoutResidualItIsTheLinearClosedForm() {
        // s = 0: F_C(lambda) = 1 - F_M(D/lambda), whose density is CovarianceEigenvalueDensity's and whose edges are Hu &
        // Sompolinsky's (LinearCovariance); the quadrature and the central differences agree with them to ~1e-4
        ResidualCovarianceSpectrum s = new ResidualCovarianceSpectrum(0.6, 1.3, 0.0);
        CovarianceEigenvalueDensity linear = new CovarianceEigenvalueDensity(0.6, 1.3);
        assertThat(s.lower()).isCloseTo(linear.lower(), within(1e-6 * linear.upper()));
        assertThat(s.upper()).isCloseTo(linear.upper(), within(1e-6 * linear.upper()));
        for (double f : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
            double x = linear.lower() + f * (linear.upper() - linear.lower());
            assertThat(s.density(x)).isCloseTo(linear.density(x), within(1e-4 * linear.density(x) + 1e-6));
        }
        // the support of M_R for every R: at R = 2 the lower edge is clipped at 0 and the upper is (c + sp)/2
        assertThat(ResidualCovarianceSpectrum.supportLinear(2.0)).containsExactly(0.0, 0.5 * (18 + 0.5 * Math.pow(12, 1.5)));
    }

    /**
     * Against sampled surrogate matrices C = D·AAᵀ + s(A − 1)(A − 1)ᵀ, A = (1 − B)⁻¹, B_ij ~ N(0, R²/N) at N = 600 (two
     * samples): the largest distance between the empirical and the predicted distribution functions. The empirical
     * spectral distribution of one N = 600 matrix fluctuates by O(1/N) in the bulk and O(N^{-2/3}) ~ 0.014 relative in
     * the position of the edges, where F moves by ~(0.014)^{3/2}; 0.015 leaves room for both (measured: about 0.004).
     */
    @ParameterizedTest
    @CsvSource({"0.6, 1.0, 0.5", "0.47, 4.0, 12.2", "0.85, 1.0, 3.0"})
    void matchesSampledSurrogateMatrices(double r, double d, double s) {
        ResidualCovarianceSpectrum theory = new ResidualCovarianceSpectrum(r, d, s);
        int n = 600;
        Random rng = new Random(17);
        double worst = 0.0;
        for (int sample = 0; sample < 2; sample++) {
            double[][] b = new double[n][n];
            double[][] oneMinusB = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i][j] = rng.nextGaussian() * r / Math.sqrt(n);
                    oneMinusB[i][j] = (i == j ? 1.0 : 0.0) - b[i][j];
                }
            }
            RealMatrix a = new LUDecomposition(MatrixUtils.createRealMatrix(oneMinusB)).getSolver().getInverse();
            RealMatrix ab = a.subtract(MatrixUtils.createRealIdentityMatrix(n));
            RealMatrix c = a.multiplyTransposed(a).scalarMultiply(d).add(ab.multiplyTransposed(ab).scalarMultiply(s));
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    flat[i * n + j] = 0.5 * (c.getEntry(i, j) + c.getEntry(j, i));
                }
            }
            double[] ev = SymmetricEigen.values(flat, n);
            Arrays.sort(ev);
            for (int k = 0; k < n; k += 5) {
                double f = theory.cdf(ev[k]);
                worst = Math.max(worst, Math.max(Math.abs(f - (double) k / n), Math.abs(f - (k + 1.0) / n)));
            }
            assertThat(ev[0]).isGreaterThan(theory.lower() * 0.9);
            assertThat(ev[n - 1]).isLessThan(theory.upper() * 1.1);
        }
        assertThat(worst).as("Kolmogorov distance").isLessThan(0.015);
        // the mean of the eigenvalues is tr C/N = D/(1 - R^2) + s R^2/(1 - R^2) (E tr(A - 1)(A - 1)^T/N = Σ_{p>=1} R^{2p}):
        // lower + ∫ (1 - F) over the support, a smooth integrand, on a geometric grid (the support spans three decades
        // at R = 0.85; trapezoid on 4001 points: measured error < 1e-5 relative)
        double lo = theory.lower();
        double hi = theory.upper();
        int m = 4000;
        double mean = lo;
        double prevX = lo;
        double prev = 1.0 - theory.cdf(lo);
        for (int i = 1; i <= m; i++) {
            double x = lo * Math.pow(hi / lo, (double) i / m);
            double cur = 1.0 - theory.cdf(x);
            mean += 0.5 * (x - prevX) * (prev + cur);
            prev = cur;
            prevX = x;
        }
        double expected = (d + s * r * r) / (1 - r * r);
        assertThat(mean).isCloseTo(expected, within(1e-4 * expected));
    }
}
