package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.linalg.LyapunovEquation;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftOptions;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/** The mean coupling's common mode ({@link MeanMode}) against independent evaluations. */
class MeanModeTest {

    private static final double R = 0.6;
    private static final double J0 = 0.5;

    @Test
    void theLinearClosedFormsAreTheIntegralsTheyClaim() {
        // equal time: ∫dω/2π D(1 + ω²)/((a² + ω²)(b² + ω²)) − D/(2a) by adaptive Gauss–Legendre in ω = tan(u)
        double a = Math.sqrt(1 - R * R);
        double b = 1 - J0;
        var integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13);
        double integral = integrator.integrate(100000, u -> {
            double w = Math.tan(u);
            double jac = 1 + w * w;
            return (1 + w * w) / ((a * a + w * w) * (b * b + w * w)) * jac / Math.PI;
        }, 0.0, Math.PI / 2);
        assertThat(MeanMode.linearEqualTime(R, 1.0, J0)).isCloseTo(integral - 1 / (2 * a), within(1e-11));
        // b = a: the removable singularity
        double j0a = 1 - a;
        double ia = integrator.integrate(100000, u -> {
            double w = Math.tan(u);
            return (1 + w * w) / ((a * a + w * w) * (a * a + w * w)) * (1 + w * w) / Math.PI;
        }, 0.0, Math.PI / 2);
        assertThat(MeanMode.linearEqualTime(R, 1.0, j0a)).isCloseTo(ia - 1 / (2 * a), within(1e-6));
        // zero frequency: ā[1/(1 − J0)² − 1]
        assertThat(MeanMode.zeroFrequency(1 / (1 - R * R), 0.0, 1.0, J0)).isCloseTo(1 / (1 - R * R) * 3, within(1e-14));
        assertThatThrownBy(() -> MeanMode.zeroFrequency(1, 0, 0.8, 1.25)).hasMessageContaining("mean mode is unstable");
    }

    @Test
    void theCavitysSpectraGiveTheLinearClosedForms() {
        // linear units through the cavity's FFT spectra (white noise, dτ = 0.01): the spectral sums against the residues
        RateNetwork net = RateNetwork.scs(400, R, new TransferFunctions.Linear())
                .withInput(ExternalInput.NONE.withNoise(new Noise.White(1.0)));
        CavityCovariance.Result c = CavityCovariance.of(net.withCouplings(net.couplings().withMean(J0)),
                DmftOptions.defaults().withDTau(0.01));
        MeanMode.Spectra m = c.meanMode();
        assertThat(MeanMode.equalTime(m, J0)).isCloseTo(MeanMode.linearEqualTime(R, 1.0, J0), within(1e-4));
        assertThat(MeanMode.zeroFrequency(m.spectrumX()[0], m.spectrumResidual()[0], m.gamma(), J0))
                .isCloseTo(3 / (1 - R * R), within(1e-4));
    }

    /**
     * Exact covariances of sampled linear networks J = W + J0/N (N = 400, 10 realizations, seeds 1–10): C_ZF = D AAᵀ,
     * A = (1 − J)⁻¹, and the equal-time C of the Lyapunov equation; N times the mean over pairs i ≠ j. The value of one
     * network scatters by about a quarter (the column sums of W enter the common mode), so the tolerance is
     * t_{0.995, 9} = 3.25 standard errors plus 10 % for the finite-N bias, which is not derived: the sampled networks sit
     * above the N → ∞ value by about +10 % at N = 200, +5 to +8 % at N = 400–800 and −2 ± 2 % at N = 1600 (numpy,
     * scripts/finite-size/mean_mode.py); here (seeds 1–10) ZF 5.06 ± 0.20 against 4.69, ET 0.777 ± 0.021 against 0.721.
     */
    @Test
    void sampledLinearNetworksHaveTheCommonModesMeanCrossCovariance() {
        int n = 400;
        RunningStatistics zf = new RunningStatistics();
        RunningStatistics et = new RunningStatistics();
        for (int r = 1; r <= 10; r++) {
            var normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create((long) r));
            double[] w = new double[n * n];
            double[][] k = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w[i * n + j] = R / Math.sqrt(n) * normal.sample() + J0 / n;
                    k[i][j] = (i == j ? 1.0 : 0.0) - w[i * n + j];
                }
            }
            double[][] inv = new LUDecomposition(MatrixUtils.createRealMatrix(k)).getSolver().getInverse().getData();
            // C = D AAᵀ: Σ_ij C_ij = D Σ_k (Σ_i A_ik)², tr C = D Σ_ik A_ik²
            double[] colSums = new double[n];
            double trace = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    colSums[j] += inv[i][j];
                    trace += inv[i][j] * inv[i][j];
                }
            }
            double total = 0;
            for (double c : colSums) {
                total += c * c;
            }
            zf.add((total - trace) / (n - 1.0));
            double[] ce = LyapunovEquation.equalTimeCovariance(w, n, 1.0);
            double s = 0;
            double tr = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s += ce[i * n + j];
                }
                tr += ce[i * n + i];
            }
            et.add((s - tr) / (n - 1.0));
        }
        double zfTheory = MeanMode.zeroFrequency(1 / (1 - R * R), 0.0, 1.0, J0);
        double etTheory = MeanMode.linearEqualTime(R, 1.0, J0);
        System.out.printf("N<c_ij> linear R=0.6 J0=0.5 N=400: ZF %.4f +- %.4f vs %.4f, ET %.4f +- %.4f vs %.4f%n", zf.mean(),
                zf.standardError(), zfTheory, et.mean(), et.standardError(), etTheory);
        assertThat(Math.abs(zf.mean() - zfTheory)).isLessThanOrEqualTo(3.25 * zf.standardError() + 0.1 * zfTheory);
        assertThat(Math.abs(et.mean() - etTheory)).isLessThanOrEqualTo(3.25 * et.standardError() + 0.1 * etTheory);
    }
}
