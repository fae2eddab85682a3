package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftOptions;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/**
 * {@link CavityCovariance} against independent values: the linear network's closed forms (white noise), an
 * independent one-dimensional reduction of the cavity integral with the closed-form OU autocovariance (Laplace
 * transform in the lag; no FFT, no DMFT), and the published noiseless dimension (Clark, Abbott &amp; Litwin-Kumar 2023).
 */
class CavityCovarianceTest {

    private static final DmftOptions GRID = DmftOptions.defaults().withDTau(0.01).withTauMax(40);

    private static RateNetwork network(TransferFunction phi, double g, Noise noise) {
        return RateNetwork.scs(400, g, phi).withInput(ExternalInput.NONE.withNoise(noise));
    }

    @Test
    void linearUnitsWithWhiteNoiseGiveTheClosedForms() {
        // the discrete frequency sums of the kinked white-noise profile converge as dτ²: measured relative errors at
        // dτ = 0.01 are 5e-6 (ā), 1.1e-5 (Var), 5e-6 (PR/N) and four times that at dτ = 0.02; tolerance 3e-5
        CavityCovariance.Result r = CavityCovariance.of(network(new TransferFunctions.Linear(), 0.6, new Noise.White(1.0)), GRID);
        CovariancePrediction z = LinearCovariance.zeroFrequency(0.6, 1.0, 400);
        CovariancePrediction e = LinearCovariance.equalTime(0.6, 1.0, 400);
        assertRelative(r.zeroFrequency().meanAutoCov(), z.meanAutoCov(), 3e-5);
        assertRelative(r.zeroFrequency().varCrossCov(), z.varCrossCov(), 3e-5);
        assertRelative(r.zeroFrequency().participationRatioPerN(), z.participationRatioPerN(), 3e-5);
        assertRelative(r.equalTime().meanAutoCov(), e.meanAutoCov(), 3e-5);
        assertRelative(r.equalTime().varCrossCov(), e.varCrossCov(), 3e-5);
        assertRelative(r.equalTime().participationRatioPerN(), e.participationRatioPerN(), 3e-5);
        assertThat(r.nonlinearPower()).isEqualTo(0.0, within(1e-12));
        assertThat(r.spectralRadius()).isEqualTo(0.6, within(1e-12));
    }

    @Test
    void ouNoiseOnLinearUnitsZeroFrequencyIndependentOfTauEqualTimeNot() {
        double r = 0.6;
        double sigma = 1.0;
        double a = Math.sqrt(1 - r * r);
        CovariancePrediction white = LinearCovariance.zeroFrequency(r, sigma * sigma, 400);
        // the Laplace-route reference reproduces the white-noise closed form at τ_n = 0 (a check of the reference)
        assertRelative(equalTimeScaledVariance(r, sigma, 0.0), 400 * LinearCovariance.equalTime(r, 1.0, 400).varCrossCov(), 1e-9);
        for (double tauN : new double[] {0.5, 2.0}) {
            CavityCovariance.Result c = CavityCovariance.of(network(new TransferFunctions.Linear(), r,
                    new Noise.OrnsteinUhlenbeck(sigma, tauN)), GRID);
            // zero frequency: the OU spectrum at ω = 0 is σ², whatever τ_n: the white-noise closed forms. Tolerances 3e-5
            // as for white noise (the discrete sums' dτ² error; measured relative errors 4e-6 … 9e-6 here)
            assertRelative(c.zeroFrequency().meanAutoCov(), white.meanAutoCov(), 3e-5);
            assertRelative(c.zeroFrequency().varCrossCov(), white.varCrossCov(), 3e-5);
            assertRelative(c.zeroFrequency().participationRatioPerN(), white.participationRatioPerN(), 3e-5);
            // equal time: ā = σ²/(2a(1 + aτ_n)) (residues of σ²/((1 + τ_n²ω²)(a² + ω²))), and the variance against the
            // one-dimensional Laplace reduction (smooth OU profiles: the sums converge faster than with white noise)
            assertRelative(c.equalTime().meanAutoCov(), sigma * sigma / (2 * a * (1 + a * tauN)), 3e-5);
            double reference = equalTimeScaledVariance(r, sigma, tauN);
            System.out.printf("OU tau_n=%.1f: equal-time a %.8f, N Var %.8f (Laplace reference %.8f), PR/N %.6f%n", tauN,
                    c.equalTime().meanAutoCov(), 400 * c.equalTime().varCrossCov(), reference,
                    c.equalTime().participationRatioPerN());
            assertRelative(400 * c.equalTime().varCrossCov(), reference, 3e-5);
            assertThat(c.equalTime().meanAutoCov()).isLessThan(LinearCovariance.equalTime(r, 1.0, 400).meanAutoCov());
        }
    }

    @Test
    void aStaticPartGoesThroughTheOffsetAverageAndLeavesLinearUnitsAtTheClosedForms() {
        // linear units with a constant input 0.5: the state has a static part (μ = 0.5, c∞ > 0), so the statistics go
        // through the offset average (24 Gauss–Hermite offsets, Mehler series per offset); for linear φ every offset
        // has γ = 1 and C^φ_z = C^x, and the temporal covariance is the closed form's (the input only shifts the means)
        RateNetwork net = RateNetwork.scs(400, 0.6, new TransferFunctions.Linear())
                .withInput(new ExternalInput.Constant(0.5).withNoise(new Noise.White(1.0)));
        CavityCovariance.Result c = CavityCovariance.of(net, GRID);
        CovariancePrediction z = LinearCovariance.zeroFrequency(0.6, 1.0, 400);
        CovariancePrediction e = LinearCovariance.equalTime(0.6, 1.0, 400);
        assertRelative(c.zeroFrequency().meanAutoCov(), z.meanAutoCov(), 3e-5);
        assertRelative(c.zeroFrequency().varCrossCov(), z.varCrossCov(), 3e-5);
        assertRelative(c.equalTime().meanAutoCov(), e.meanAutoCov(), 3e-5);
        assertRelative(c.equalTime().varCrossCov(), e.varCrossCov(), 3e-5);
        assertRelative(c.equalTime().participationRatioPerN(), e.participationRatioPerN(), 3e-5);
        // the overlap of the equal-time and zero-frequency cross-covariances (the estimator's finite-T term) through the
        // offsets as well: the linear resolvent quadrature's N^-1 tr(C_ET C_ZF) minus the diagonal's product
        double overlap = EqualTimeCovariance.overlapWithZeroFrequency(0.6, 1.0) - e.meanAutoCov() * z.meanAutoCov();
        assertRelative(c.overlap(), overlap, 3e-5);
        assertThat(c.psiPhi()).isNaN();
        // a mean coupling on top: the common mode through the offsets (E[γ] = 1, residual E_k C^φ_k − C^x = 0) is the
        // linear closed form, N⟨c_ij⟩ = ā[1/(1 − J0)² − 1] at zero frequency and MeanMode.linearEqualTime at equal time;
        // the spectral sums to 1e-4 as without offsets (MeanModeTest)
        CavityCovariance.Result m = CavityCovariance.of(net.withCouplings(net.couplings().withMean(-1.0)), GRID);
        assertThat(m.meanMode().gamma()).isCloseTo(1.0, within(1e-12));
        assertRelative(MeanMode.zeroFrequency(m.zeroFrequency().meanAutoCov(), m.meanMode().spectrumResidual()[0],
                m.meanMode().gamma(), -1.0), z.meanAutoCov() * (1.0 / 4.0 - 1.0), 1e-4);
        assertRelative(MeanMode.equalTime(m.meanMode(), -1.0), MeanMode.linearEqualTime(0.6, 1.0, -1.0), 1e-4);
    }

    @Test
    void vanishingNoiseGivesThePublishedChaoticDimension() {
        // tanh, g = 3: PR^x/N = 0.0313720, PR^φ/N = 0.0446510 (Clark et al. 2023); with white noise σ the state moves by
        // O(σ²): measured deviations 3.4e-6 at σ = 0.02 and 0.8e-6 at σ = 0.01 (PR^x/N)
        CavityCovariance.Result c = CavityCovariance.of(network(new TransferFunctions.Tanh(), 3.0, new Noise.White(0.01)),
                DmftOptions.defaults().withDTau(0.02));
        assertThat(c.equalTime().participationRatioPerN()).isCloseTo(0.0313720, within(3e-6));
        assertThat(c.participationRatioPhiPerN()).isCloseTo(0.0446510, within(5e-6));
    }

    @Test
    void nonlinearUnitsCarryPowerTheEffectiveGainLeavesOut() {
        // tanh, g = 2, σ = 2: the residual ε = φ − ⟨φ′⟩x has positive power, and the equal-time ā is the DMFT c(0) (the
        // exact single-unit variance), above the effective-gain value σ²/(2√(1 − R²))
        RateNetwork net = network(new TransferFunctions.Tanh(), 2.0, new Noise.White(2.0));
        CavityCovariance.Result c = CavityCovariance.of(net, GRID);
        double r = c.spectralRadius();
        assertThat(c.nonlinearPower()).isGreaterThan(0.05);
        assertThat(c.equalTime().meanAutoCov()).isGreaterThan(1.05 * LinearCovariance.equalTime(r, 4.0, 400).meanAutoCov());
        assertThatThrownBy(() -> CavityCovariance.of(RateNetwork.scs(400, 2.0, new TransferFunctions.Tanh()), GRID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise must be white:SIGMA or ou:SIGMA:TAU");
    }

    /**
     * N·Var of the equal-time cross-covariances of the linear network with OU noise (τ_n = 0: white), independently of
     * the FFT route: for fixed ω₁ the inner frequency integral of the cavity kernel is a Laplace transform of the
     * autocovariance c(τ) at λ = 1 − R²S₁ (docs/correlations-nonlinear.md), and for linear units with OU noise
     * c(τ) = σ²[aτ_n e^{−τ/τ_n} − e^{−aτ}]/(2a(a²τ_n² − 1)), a = √(1 − R²). The outer integral over ω₁ = tan θ is done
     * by Gauss–Legendre quadrature.
     */
    private static double equalTimeScaledVariance(double r, double sigma, double tauN) {
        double r2 = r * r;
        double a = Math.sqrt(1 - r2);
        double s2 = sigma * sigma;
        double den = 2 * a * (a * a * tauN * tauN - 1);
        double coefA = -s2 / den;                     // e^{−aτ}
        double coefB = s2 * a * tauN / den;            // e^{−τ/τ_n}
        IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(64, 1e-13, 1e-13);
        return quad.integrate(100000, theta -> {
            double w = Math.tan(theta);
            double jac = 1 + w * w;
            double spec = s2 / ((1 + tauN * tauN * w * w) * (a * a + w * w));
            // S = 1/(1 + iω)
            double sRe = 1 / jac;
            double sIm = -w / jac;
            // λ = 1 − R²S
            double lRe = 1 - r2 * sRe;
            double lIm = -r2 * sIm;
            // L(λ) = A/(λ + a) + B/(λ + 1/τ_n)
            double[] l = add(div(coefA, lRe + a, lIm), tauN > 0 ? div(coefB, lRe + 1 / tauN, lIm) : new double[] {0, 0});
            double s2abs = sRe * sRe + sIm * sIm;
            double first = r2 * r2 * s2abs * l[0] / lRe;
            double second = 2 * r2 * (sRe * l[0] - sIm * l[1]);
            return spec * (first + second) * jac / (2 * Math.PI);
        }, -Math.PI / 2, Math.PI / 2);
    }

    private static double[] div(double c, double re, double im) {
        double d = re * re + im * im;
        return new double[] {c * re / d, -c * im / d};
    }

    private static double[] add(double[] x, double[] y) {
        return new double[] {x[0] + y[0], x[1] + y[1]};
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        System.out.printf("relative error %.3g (tolerance %.1g)%n", actual / expected - 1, tolerance);
        assertThat(Math.abs(actual / expected - 1)).as("%s vs %s", actual, expected).isLessThan(tolerance);
    }
}
