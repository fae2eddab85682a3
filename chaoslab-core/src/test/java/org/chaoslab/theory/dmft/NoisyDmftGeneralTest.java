package org.chaoslab.theory.dmft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

/** The noisy DMFT for non-odd φ, a mean coupling J0 and static input (mean and quenched variance). */
class NoisyDmftGeneralTest {

    private static final DmftOptions OPTIONS = DmftOptions.defaults().withTauMax(40).withDTau(0.01);
    private static final TransferFunction SHIFTED_TANH = new TransferFunctions.GainOffset(new TransferFunctions.Tanh(), 1.0, 0.5);

    static RateNetwork net(double g, double j0, TransferFunction phi, ExternalInput base, Noise noise) {
        return RateNetwork.scs(100, g, phi).withCouplings(new Couplings(g, j0, 0.0, false, Couplings.gaussian(g).precision()))
                .withInput(base.withNoise(noise));
    }

    @Test
    void linearNetworkWithMeanCouplingAndStaticInputHasTheClosedForm() {
        // linear φ: F_φ(c; μ, c0) = c + μ², so μ = I/(1 − J0), c∞ = (g²μ² + σ_I²)/(1 − g²) and c − c∞ = σ²/(2k)e^{−kτ},
        // k = √(1 − g²) (white noise), resp. the OU form of OuNoiseDmftTest
        double g = 0.6;
        double j0 = -0.5;
        double sigma = 0.8;
        double[] in = new double[100];
        for (int i = 0; i < in.length; i++) {
            in[i] = i % 2 == 0 ? 0.7 : 0.1;          // mean 0.4, variance 0.09
        }
        ExternalInput base = new ExternalInput.PerUnit(in);
        double mu = 0.4 / (1 - j0);
        double k = Math.sqrt(1 - g * g);
        double cInf = (g * g * mu * mu + 0.09) / (1 - g * g);
        NoisyDmftSolution w = new WhiteNoiseDmft(OPTIONS).solve(net(g, j0, new TransferFunctions.Linear(), base, new Noise.White(sigma)));
        assertThat(w.mean()).isCloseTo(mu, offset(1e-12));
        assertThat(w.deltaInf()).isCloseTo(cInf, offset(1e-12));
        assertThat(w.c0()).isCloseTo(cInf + sigma * sigma / (2 * k), offset(1e-11));
        double[] c = w.delta();
        double[] tau = w.tau();
        for (int i = 0; i < tau.length; i += 311) {
            assertThat(c[i]).isCloseTo(cInf + sigma * sigma / (2 * k) * Math.exp(-k * tau[i]), offset(1e-8));
        }
        double tn = 0.5;
        NoisyDmftSolution o = new OuNoiseDmft(OPTIONS).solve(net(g, j0, new TransferFunctions.Linear(), base,
                new Noise.OrnsteinUhlenbeck(sigma, tn)));
        assertThat(o.mean()).isCloseTo(mu, offset(1e-12));
        double[] co = o.delta();
        for (int i = 0; i < 2000; i += 97) {
            double t = tau[i];
            double exact = cInf + sigma * sigma / (1 - tn * tn * k * k) * (Math.exp(-k * t) / (2 * k) - tn * Math.exp(-t / tn) / 2);
            // trapezoid recursion O(h²), h = 0.01: 1e-4 relative (as in OuNoiseDmftTest)
            assertThat(co[i]).isCloseTo(exact, offset(1e-4 * co[0]));
        }
    }

    @Test
    void weakNoiseApproachesTheAutonomousNonOddSolution() {
        // φ = tanh(x − 0.5), J0 = −0.5, I = 0.2, g = 3: chaotic with plateau Δ∞ > 0 (DmftSolver). White noise of σ adds
        // O(σ²) to the energy balance: at σ = 0.02 the solution must agree with the autonomous one to O(σ²) ≈ 1e-3
        ExternalInput base = new ExternalInput.Constant(0.2);
        RateNetwork quiet = net(3.0, -0.5, SHIFTED_TANH, base, Noise.NONE);
        DmftSolution auto = new DmftSolver(OPTIONS).solve(quiet);
        double autoLambda = new DmftLyapunov(new DmftSolver().engine(), 0.01).largest(auto, SHIFTED_TANH).lambdaMax();
        NoisyDmftSolution w = new WhiteNoiseDmft(OPTIONS).solve(net(3.0, -0.5, SHIFTED_TANH, base, new Noise.White(0.02)));
        System.out.printf("non-odd g=3: autonomous d0 %.6f dInf %.6f mu %.6f lambda %.5f | white 0.02: c0 %.6f cInf %.6f mu %.6f lambda %.5f%n",
                auto.delta0(), auto.deltaInf(), auto.mean(), autoLambda, w.c0(), w.deltaInf(), w.mean(), w.lambdaMax());
        assertThat(w.c0()).isCloseTo(auto.delta0(), offset(2e-3 * auto.delta0()));
        assertThat(w.deltaInf()).isCloseTo(auto.deltaInf(), offset(2e-3 * auto.delta0()));
        assertThat(w.mean()).isCloseTo(auto.mean(), offset(2e-3));
        assertThat(w.lambdaMax()).isCloseTo(autoLambda, offset(0.01));
        // the public entry point for a noisy solution uses its plateau and mean (same operator, same step)
        assertThat(new DmftLyapunov(new DmftSolver().engine(), 0.01).largest(w, SHIFTED_TANH).lambdaMax())
                .isCloseTo(w.lambdaMax(), offset(1e-9));
    }

    @Test
    void nonOddProfileSatisfiesTheEquationAndOuTendsToWhite() {
        double g = 2.0;
        double sigma = 0.8;
        ExternalInput base = new ExternalInput.Constant(0.2);
        NoisyDmftSolution w = new WhiteNoiseDmft(OPTIONS).solve(net(g, -0.5, SHIFTED_TANH, base, new Noise.White(sigma)));
        double[] c = w.delta();
        double[] rate = w.rateCorrelation();
        double h = 0.01;
        double slope = (-3 * c[0] + 4 * c[1] - c[2]) / (2 * h);
        assertThat(slope).isCloseTo(-sigma * sigma / 2, offset(1e-4));
        for (int i = 5; i < 3000; i += 37) {
            double second = (c[i + 1] - 2 * c[i] + c[i - 1]) / (h * h);
            assertThat(second).isCloseTo(c[i] - g * g * rate[i], offset(1e-3));
        }
        // the tail decays onto the plateau c∞ = g²F_φ(c∞) (no input variance here) at the rate κ: over τ ∈ [30, 40]
        // c − c∞ is ≈ 1e-5 (c0 − c∞), so the nonlinear correction to the log-slope is of that relative order
        int n = c.length;
        double logSlope = -Math.log((c[n - 1] - w.deltaInf()) / (c[n - 1001] - w.deltaInf())) / 10.0;
        assertThat(logSlope).isCloseTo(w.decayRate(), offset(1e-3 * w.decayRate()));
        assertThat(w.deltaInf()).isCloseTo(g * g * w.rateInf(), offset(1e-10));
        // τ_n → 0: the OU solution tends to the white one, difference O(τ_n)
        for (double tn : new double[] {0.04, 0.02}) {
            NoisyDmftSolution o = new OuNoiseDmft(OPTIONS).solve(net(g, -0.5, SHIFTED_TANH, base,
                    new Noise.OrnsteinUhlenbeck(sigma, tn)));
            System.out.printf("non-odd g=2 tau_n=%.2f: OU c0 %.6f cInf %.6f mu %.6f | white c0 %.6f cInf %.6f mu %.6f%n", tn, o.c0(),
                    o.deltaInf(), o.mean(), w.c0(), w.deltaInf(), w.mean());
            assertThat(Math.abs(o.c0() - w.c0())).isLessThan(2 * tn * w.c0());
            assertThat(Math.abs(o.deltaInf() - w.deltaInf())).isLessThan(2 * tn * w.c0());
        }
    }

    @Test
    void annealedZeroFrequencyPowerEqualsTheQuenchedVarianceOnlyForLinearPhi() {
        // quenched noise = static input variance σ_q² (DmftSolver); annealed white noise = σ²δ source (WhiteNoiseDmft).
        // Linear φ: the quenched variance q = σ²/(1 − g²) equals the annealed zero-frequency power ĉ(0) = 2∫₀^∞ c dτ
        // (AnnealedVsQuenchedTest checks the same at the level of the N×N covariance). tanh: the effective gain depends on
        // the variance, which differs between the ensembles, so the equality breaks.
        DmftOptions opts = DmftOptions.defaults().withTauMax(60).withDTau(0.01);
        for (TransferFunction phi : new TransferFunction[] {new TransferFunctions.Linear(), new TransferFunctions.Tanh()}) {
            double g = 0.6;
            RateNetwork base = RateNetwork.scs(100, g, phi);
            NoisyDmftSolution annealed = new WhiteNoiseDmft(opts).solve(base.withInput(ExternalInput.NONE.withNoise(new Noise.White(1.0))));
            DmftSolution quenched = new DmftSolver(opts).solve(base.withInput(ExternalInput.NONE.withNoise(new Noise.Quenched(1.0))));
            double[] c = annealed.delta();
            double integral = 0;   // trapezoid, O(h²) ≈ 1e-5 relative; the tail beyond τ = 60 is e^{−48}
            for (int k = 1; k < c.length; k++) {
                integral += 0.005 * (c[k] + c[k - 1]);
            }
            double power = 2 * integral;
            System.out.printf("%s g=%.1f: annealed c0 %.5f, zero-frequency power %.5f | quenched q %.5f%n", phi.name(), g,
                    annealed.c0(), power, quenched.delta0());
            assertThat(quenched.delta0()).isGreaterThan(annealed.c0());
            if (phi instanceof TransferFunctions.Linear) {
                assertThat(power).isCloseTo(1 / (1 - g * g), offset(1e-4));
                assertThat(quenched.delta0()).isCloseTo(1 / (1 - g * g), offset(1e-10));
            } else {
                assertThat(Math.abs(power - quenched.delta0())).isGreaterThan(1e-2);
            }
        }
    }
}
