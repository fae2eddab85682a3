package org.chaoslab.theory.dmft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.junit.jupiter.api.Test;

class WhiteNoiseDmftTest {

    private static final WhiteNoiseDmft SOLVER = new WhiteNoiseDmft(DmftOptions.defaults().withTauMax(40).withDTau(0.01));

    static RateNetwork noisy(double g, TransferFunction phi, double sigma) {
        return RateNetwork.scs(1000, g, phi).withInput(ExternalInput.NONE.withNoise(new Noise.White(sigma)));
    }

    @Test
    void linearNetworkHasTheClosedForm() {
        // linear φ: c0 = σ²/(2√(1 − g²)) and c(τ) = c0 e^{−√(1−g²)τ} (the OU process of the mode variance); g = 0: σ²/2
        for (double g : new double[] {0.0, 0.5, 0.9}) {
            double sigma = 1.2;
            NoisyDmftSolution s = SOLVER.solve(noisy(g, new TransferFunctions.Linear(), sigma));
            double k = Math.sqrt(1 - g * g);
            double c0 = sigma * sigma / (2 * k);
            assertThat(s.c0()).isCloseTo(c0, offset(1e-12 * c0));
            double[] tau = s.tau();
            double[] c = s.delta();
            for (int i = 0; i < tau.length; i += 250) {
                // the ODE tolerance is 1e-10 relative in ln c
                assertThat(c[i]).isCloseTo(c0 * Math.exp(-k * tau[i]), offset(1e-8 * c0));
            }
            assertThat(s.decayRate()).isCloseTo(k, offset(1e-12));
        }
    }

    @Test
    void tanhProfileSatisfiesTheEquationWithItsKink() {
        double g = 2.0;
        double sigma = 1.0;
        NoisyDmftSolution s = SOLVER.solve(noisy(g, new TransferFunctions.Tanh(), sigma));
        double[] c = s.delta();
        double h = 0.01;
        // kink: one-sided slope at 0⁺ is −σ²/2 up to O(h c″) = O(1e-2)
        double slope = (-3 * c[0] + 4 * c[1] - c[2]) / (2 * h);
        assertThat(slope).isCloseTo(-sigma * sigma / 2, offset(1e-4));
        // c″ = c − g²F_φ(c) for τ > 0 (central differences: O(h²) ≈ 1e-4 · |c''''|)
        double[] rate = s.rateCorrelation();
        for (int i = 5; i < 1500; i += 37) {
            double second = (c[i + 1] - 2 * c[i] + c[i - 1]) / (h * h);
            assertThat(second).isCloseTo(c[i] - g * g * rate[i], offset(1e-3));
        }
        // small noise approaches the autonomous solution (Δ0 = 1.9248048 at g = 2, Clark rnn-lyapunov data), with a
        // correction O(σ²) — for σ = 0.05, σ²/2 ~ 1e-3
        NoisyDmftSolution quiet = SOLVER.solve(noisy(g, new TransferFunctions.Tanh(), 0.05));
        assertThat(quiet.c0()).isCloseTo(1.9248048, offset(3e-3));
        assertThat(s.c0()).isGreaterThan(quiet.c0());
        // λ_max: near the autonomous 0.1124580 for tiny noise; noise suppresses chaos
        assertThat(quiet.lambdaMax()).isCloseTo(0.1124580, offset(0.01));
        assertThat(s.lambdaMax()).isLessThan(quiet.lambdaMax());
        System.out.printf("white noise g=2 tanh: sigma=1 c0=%.6f lambda=%.5f phase=%s; sigma=0.05 c0=%.6f lambda=%.5f%n",
                s.c0(), s.lambdaMax(), s.phase(), quiet.c0(), quiet.lambdaMax());
    }

    @Test
    void noiseShiftsTheTransitionAboveTheLocalStabilityLine() {
        Transition t = SOLVER.transition(noisy(1.5, new TransferFunctions.Tanh(), 1.0));
        System.out.printf("white:1.0 tanh transition: gCritical=%.5f gLocal=%.5f%n", t.gCritical(), t.gLocal());
        // SGH 2018: g_local < g_c, both above the noiseless g_c = 1
        assertThat(t.gLocal()).isGreaterThan(1.0);
        assertThat(t.gCritical()).isGreaterThan(t.gLocal());
        NoisyDmftSolution at = SOLVER.solve(noisy(t.gCritical(), new TransferFunctions.Tanh(), 1.0));
        assertThat(at.lambdaMax()).isCloseTo(0.0, offset(1e-3));
        assertThat(at.stabilityGain()).isGreaterThan(1.0);   // expansive but not chaotic between the lines
    }

    @Test
    void rejectsWhatItDoesNotSolve() {
        // ReLU beyond g = √2 has no bounded state (g²⟨φ′²⟩ → g²/2 > 1 for large variance; no saturation)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SOLVER.solve(noisy(2.0, new TransferFunctions.Relu(), 1.0)))
                .isInstanceOf(NoSolutionException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SOLVER.solve(RateNetwork.scs(10, 1, new TransferFunctions.Tanh())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("white");
        // the autonomous solver refuses annealed noise instead of silently ignoring it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DmftSolver().solve(noisy(2.0, new TransferFunctions.Tanh(), 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noisy DMFT");
    }
}
