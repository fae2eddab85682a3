package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.Blas;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netlib.util.intW;

class CovarianceEigenvalueDensityTest {

    /** ∫ f(λ) ρ(λ) dλ over the support by the trapezoid rule in θ, λ = a + (b − a)(1 − cos θ)/2 (dense at the √ edges). */
    private static double integrate(CovarianceEigenvalueDensity rho, java.util.function.DoubleUnaryOperator f, int m) {
        double a = rho.lower();
        double b = rho.upper();
        double sum = 0;
        for (int i = 0; i <= m; i++) {
            double t = Math.PI * i / m;
            double lambda = a + (b - a) * (1 - Math.cos(t)) / 2;
            double jac = (b - a) * Math.sin(t) / 2;
            sum += (i == 0 || i == m ? 0.5 : 1.0) * f.applyAsDouble(lambda) * rho.density(lambda) * jac;
        }
        return sum * Math.PI / m;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.6, 0.9})
    void normalizedWithTheKnownMeanAndSupport(double r) {
        double d = 1.7;
        var rho = new CovarianceEigenvalueDensity(r, d);
        // independent closed forms: total mass 1 and mean eigenvalue = mean autocovariance ā = D/(1 − R²)
        // (Dahmen et al. 2019); the θ-trapezoid with 4000 points is accurate to ~1e-7 for a √-edged density
        assertThat(integrate(rho, x -> 1.0, 4000)).isCloseTo(1.0, within(1e-5));
        assertThat(integrate(rho, x -> x, 4000)).isCloseTo(d / (1 - r * r), within(1e-5 * d / (1 - r * r)));
        // second moment tr C²/N = ā²/(PR/N) = ā²/(1 − R²)² (Hu & Sompolinsky 2022's PR/N = (1 − R²)²)
        double a = d / (1 - r * r);
        assertThat(integrate(rho, x -> x * x, 4000)).isCloseTo(a * a / Math.pow(1 - r * r, 2), within(1e-4 * a * a / Math.pow(1 - r * r, 2)));
        // zero outside Hu & Sompolinsky's edges, positive inside
        assertThat(rho.density(rho.lower() * 0.99)).isZero();
        assertThat(rho.density(rho.upper() * 1.01)).isZero();
        assertThat(rho.density(0.5 * (rho.lower() + rho.upper()))).isPositive();
    }

    @ParameterizedTest
    @CsvSource({"0.3, 400, 11", "0.6, 400, 12", "0.9, 400, 13"})
    void matchesSampledSpectra(double r, int n, long seed) {
        var rho = new CovarianceEigenvalueDensity(r, 1.0);
        var wrong = new CovarianceEigenvalueDensity(r + 0.05, 1.0);
        double[] eig = sampledEigenvalues(r, n, seed);
        // KS distance between the empirical CDF of one N = 400 spectrum and the N → ∞ law: eigenvalues are rigid,
        // so it shrinks like 1/N, not 1/√N (numpy check: 2.5–3.4/N over 18 samples at N = 200, 400 for these R);
        // 5/N = 0.0125. The density of R + 0.05 must fail the same bound (the test can tell densities apart).
        assertThat(ks(eig, rho)).isLessThan(5.0 / n);
        assertThat(ks(eig, wrong)).isGreaterThan(5.0 / n);
    }

    private static double ks(double[] sorted, CovarianceEigenvalueDensity rho) {
        int m = 4000;
        double a = rho.lower();
        double b = rho.upper();
        double[] xs = new double[m + 1];
        double[] cdf = new double[m + 1];
        double prev = 0;
        for (int i = 0; i <= m; i++) {
            double t = Math.PI * i / m;
            xs[i] = a + (b - a) * (1 - Math.cos(t)) / 2;
            double f = rho.density(xs[i]);
            cdf[i] = i == 0 ? 0 : cdf[i - 1] + 0.5 * (f + prev) * (xs[i] - xs[i - 1]);
            prev = f;
        }
        int n = sorted.length;
        double worst = 0;
        for (int k = 0; k < n; k++) {
            double x = sorted[k];
            double f;
            if (x <= a) {
                f = 0;
            } else if (x >= b) {
                f = 1;
            } else {
                int j = Arrays.binarySearch(xs, x);
                j = j >= 0 ? j : -j - 2;
                f = cdf[j] + (cdf[j + 1] - cdf[j]) * (x - xs[j]) / (xs[j + 1] - xs[j]);
            }
            worst = Math.max(worst, Math.max(Math.abs(f - (k + 1.0) / n), Math.abs(f - (double) k / n)));
        }
        return worst;
    }

    /** Eigenvalues of C = (1 − W)⁻¹(1 − W)⁻ᵀ = 1/s² for the singular values s of 1 − W (LAPACK dgesdd). */
    private static double[] sampledEigenvalues(double r, int n, long seed) {
        ZigguratSampler.NormalizedGaussian z = StreamSeeds.of(seed).child("couplings").gaussian();
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = -r / Math.sqrt(n) * z.sample();
        }
        for (int i = 0; i < n; i++) {
            m[i * n + i] += 1.0;
        }
        double[] s = new double[n];
        double[] work = new double[1];
        int[] iwork = new int[8 * n];
        intW info = new intW(0);
        var lapack = Blas.lapack();
        lapack.dgesdd("N", n, n, m, 0, n, s, 0, new double[1], 0, 1, new double[1], 0, 1, work, 0, -1, iwork, 0, info);
        work = new double[(int) work[0]];
        lapack.dgesdd("N", n, n, m, 0, n, s, 0, new double[1], 0, 1, new double[1], 0, 1, work, 0, work.length, iwork, 0, info);
        assertThat(info.val).isZero();
        double[] eig = new double[n];
        for (int i = 0; i < n; i++) {
            eig[i] = 1.0 / (s[i] * s[i]);
        }
        Arrays.sort(eig);
        return eig;
    }
}
