package org.chaoslab.theory.dmft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

class OuNoiseDmftTest {

    private static final OuNoiseDmft SOLVER = new OuNoiseDmft(DmftOptions.defaults().withTauMax(40).withDTau(0.01));

    static RateNetwork ou(double g, TransferFunction phi, double sigma, double tauN) {
        return RateNetwork.scs(100, g, phi).withInput(ExternalInput.NONE.withNoise(new Noise.OrnsteinUhlenbeck(sigma, tauN)));
    }

    @Test
    void linearNetworkHasTheClosedForm() {
        // ĉ = σ²/((1 + τ_n²ω²)(k² + ω²)), k² = 1 − g²: c(τ) = σ²/(1 − τ_n²k²)[e^{−kτ}/(2k) − τ_n e^{−τ/τ_n}/2]
        double sigma = 1.0;
        double tn = 0.5;
        for (double g : new double[] {0.0, 0.6}) {
            NoisyDmftSolution s = SOLVER.solve(ou(g, new TransferFunctions.Linear(), sigma, tn));
            double k = Math.sqrt(1 - g * g);
            double[] tau = s.tau();
            double[] c = s.delta();
            for (int i = 0; i < 2000; i += 97) {
                double t = tau[i];
                double exact = sigma * sigma / (1 - tn * tn * k * k) * (Math.exp(-k * t) / (2 * k) - tn * Math.exp(-t / tn) / 2);
                // trapezoid recursion O(h²) with h = 0.01, relative to c0: 1e-4; truncation at τ = 40: e^{−32}
                assertThat(c[i]).as("g=%s tau=%s", g, t).isCloseTo(exact, offset(1e-4 * c[0]));
            }
        }
    }

    @Test
    void shortCorrelationTimeApproachesWhiteNoise() {
        // τ_n → 0: C_η → σ²δ; the difference is O(τ_n) (smoothing of the kink over τ_n)
        double g = 1.5;
        NoisyDmftSolution white = new WhiteNoiseDmft(DmftOptions.defaults().withTauMax(40))
                .solve(RateNetwork.scs(100, g, new TransferFunctions.Tanh())
                        .withInput(ExternalInput.NONE.withNoise(new Noise.White(1.0))));
        NoisyDmftSolution col = SOLVER.solve(ou(g, new TransferFunctions.Tanh(), 1.0, 0.02));
        System.out.printf("OU tau_n=0.02: c0 %.6f vs white %.6f; lambda %.5f vs %.5f%n", col.c0(), white.c0(), col.lambdaMax(),
                white.lambdaMax());
        assertThat(col.c0()).isCloseTo(white.c0(), offset(0.05 * white.c0()));
        assertThat(col.c0()).isLessThan(white.c0());   // coloured noise of the same σ delivers less power at ω > 0
        // c(τ) away from the kink agrees to O(τ_n)
        assertThat(col.delta()[100]).isCloseTo(white.delta()[100], offset(0.05 * white.c0()));
    }
}
