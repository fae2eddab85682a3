package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.OneStepScheme;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link SteppedCavityCovariance}, the cavity on the DMFT of a one-stage scheme, against independent values: for linear
 * units the scheme's closed form ({@link SteppedLinearCovariance}: a contour integral of the planar resolvent traces by
 * Gauss–Legendre, no DMFT, no FFT), and for nonlinear units its limit dt → 0, the ODE's cavity
 * ({@link CavityCovariance}), approached at first order in dt.
 */
class SteppedCavityCovarianceTest {

    private static final DmftOptions OPTIONS = DmftOptions.defaults().withDTau(0.01).withTauMax(40);

    private static RateNetwork network(TransferFunction phi, double g, Noise noise) {
        return RateNetwork.scs(400, g, phi).withInput(ExternalInput.NONE.withNoise(noise));
    }

    @Test
    void linearUnitsWithWhiteNoiseGiveTheSchemesClosedForm() {
        // measured agreement: 10 digits (ā, N·Var, PR/N at Euler dt = 0.1, exponential Euler dt = 0.2 and 0.05); the
        // sums' errors are the window (e^{−25}) and the zero padding (e^{−30}); tolerance 1e-7
        double r = 0.6;
        double d = 1.0;
        for (OneStepScheme s : new OneStepScheme[] {OneStepScheme.euler(0.1), OneStepScheme.exponentialEuler(0.2),
                OneStepScheme.exponentialEuler(0.05)}) {
            CavityCovariance.Result c = SteppedCavityCovariance.of(network(new TransferFunctions.Linear(), r,
                    new Noise.White(Math.sqrt(d))), s, OPTIONS);
            CovariancePrediction e = SteppedLinearCovariance.equalTime(r, d, 400, s.keep(), s.gain(),
                    d * s.whiteStepVariance());
            assertRelative(c.equalTime().meanAutoCov(), e.meanAutoCov(), 1e-7);
            assertRelative(c.equalTime().varCrossCov(), e.varCrossCov(), 1e-7);
            assertRelative(c.equalTime().participationRatioPerN(), e.participationRatioPerN(), 1e-7);
        }
    }

    @Test
    void linearUnitsWithOuNoiseGiveTheSchemesClosedForm() {
        // OU noise: the scheme's AR(1) samples of the OU process through the lattice filter; measured 9–10 digits
        double r = 0.6;
        double sigma = 1.0;
        double tauN = 0.5;
        for (OneStepScheme s : new OneStepScheme[] {OneStepScheme.euler(0.1), OneStepScheme.exponentialEuler(0.2)}) {
            CavityCovariance.Result c = SteppedCavityCovariance.of(network(new TransferFunctions.Linear(), r,
                    new Noise.OrnsteinUhlenbeck(sigma, tauN)), s, OPTIONS);
            double alpha = Math.exp(-s.dt() / tauN);
            double innovation = -Math.expm1(-2.0 * s.dt() / tauN) * sigma * sigma / (2.0 * tauN);
            CovariancePrediction e = SteppedLinearCovariance.equalTimeOu(r, sigma * sigma, 400, s.keep(), s.gain(), alpha,
                    innovation);
            assertRelative(c.equalTime().meanAutoCov(), e.meanAutoCov(), 1e-7);
            assertRelative(c.equalTime().varCrossCov(), e.varCrossCov(), 1e-7);
            assertRelative(c.equalTime().participationRatioPerN(), e.participationRatioPerN(), 1e-7);
        }
    }

    @Test
    void nonlinearUnitsApproachTheOdesCavityAtFirstOrder() {
        // The ODE's cavity is the limit dt → 0 of the scheme's (K_δ → ½e^{−|τ|}, S → 1/(1 + iω)), and exponential Euler
        // is first order: halving dt halves the bias of N·Var and PR/N. Measured ratios of the biases at dt = 0.05 and
        // 0.025: 1.99 / 2.01 (tanh, white), 1.98 / 1.99 (sigmoid), 2.06 / 2.12 (tanh, OU), and 3.98–4.12 for ā, whose bias
        // is second order for this scheme (as for linear units: SteppedLinearCovariance). Tolerances: [1.8, 2.3] and
        // [3.6, 4.5], wide enough for the O(dt²) remainder (the ratios at 0.1 / 0.05 are 1.96–2.22), narrow enough to
        // reject a bias of another order (ratio 1 or 4) or none (the ratio of two round-off-sized numbers).
        assertFirstOrder(network(new TransferFunctions.Tanh(), 2.0, new Noise.White(2.0)));
    }

    @Test
    @Tag("slow")
    void aNonOddTransferFunctionAndOuNoiseApproachTheOdesCavityAtFirstOrder() {
        assertFirstOrder(network(TransferFunctions.parse("sigmoid"), 3.0, new Noise.White(1.0)));
        assertFirstOrder(network(new TransferFunctions.Tanh(), 1.2, new Noise.OrnsteinUhlenbeck(0.5, 0.5)));
        // a kinked φ with a static part: its Chebyshev series of F_φ is accurate to ~1e-9 only, and the plateau is taken
        // where the iteration converged (SteppedNoisyDmft), so that the fluctuation profile decays to the window's e^{−25}
        assertFirstOrder(network(TransferFunctions.parse("relu"), 0.8, new Noise.White(1.0)));
    }

    private static void assertFirstOrder(RateNetwork net) {
        {
            CavityCovariance.Result ode = CavityCovariance.of(net, OPTIONS.withDTau(0.005));
            double[][] bias = new double[2][];
            double[] dts = {0.05, 0.025};
            for (int k = 0; k < 2; k++) {
                CovariancePrediction st = SteppedCavityCovariance.of(net, OneStepScheme.exponentialEuler(dts[k]), OPTIONS)
                        .equalTime();
                bias[k] = new double[] {st.meanAutoCov() - ode.equalTime().meanAutoCov(),
                        st.varCrossCov() - ode.equalTime().varCrossCov(),
                        st.participationRatioPerN() - ode.equalTime().participationRatioPerN()};
            }
            String what = net.transfer().name() + " " + net.input().noise().label();
            assertThat(bias[0][0] / bias[1][0]).as(what + " a").isBetween(3.6, 4.5);
            assertThat(bias[0][1] / bias[1][1]).as(what + " Var").isBetween(1.8, 2.3);
            assertThat(bias[0][2] / bias[1][2]).as(what + " PR/N").isBetween(1.8, 2.3);
        }
    }

    @Test
    void theSchemesDmftOfLinearUnitsHasTheClosedFormVariance() {
        // c(0) of x_{n+1} = κx_n + γWx_n + noise at N → ∞ is the scheme's ā (SteppedLinearCovariance), here through the
        // DMFT's lattice convolution alone (no cavity)
        OneStepScheme s = OneStepScheme.euler(0.2);
        var sol = new org.chaoslab.theory.dmft.SteppedNoisyDmft(s, OPTIONS).stationary(network(new TransferFunctions.Linear(),
                0.5, new Noise.White(1.0)));
        assertRelative(sol.c0(), SteppedLinearCovariance.equalTime(0.5, 1.0, 400, s.keep(), s.gain(), s.whiteStepVariance())
                .meanAutoCov(), 1e-9);
        assertThat(sol.tau()[1]).isEqualTo(0.2, within(1e-15));
    }

    private static void assertRelative(double actual, double expected, double tol) {
        assertThat(actual).isCloseTo(expected, within(tol * Math.abs(expected)));
    }
}
