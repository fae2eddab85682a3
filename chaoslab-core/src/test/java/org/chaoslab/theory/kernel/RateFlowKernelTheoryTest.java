package org.chaoslab.theory.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftOptions;
import org.junit.jupiter.api.Test;

class RateFlowKernelTheoryTest {

    @Test
    void crossTrialCovarianceAtCoincidingStimuliIsTheDmftPlateau() {
        // at o = 1, iterating C_ab = g² E[Φ̄Φ̄] + s² from independent trials must land on the DMFT's Δ∞ (an
        // independent solve: the DMFT finds Δ∞ with its energy balance); both are converged to ~1e-12, so 1e-9
        for (double g : new double[] {2.0, 3.0}) {
            RateFlowKernelTheory flow = RateFlowKernelTheory.of(g, 0.5, new TransferFunctions.Tanh());
            double dInf = flow.dmft().deltaInf();
            double cab = flow.staticCovariance(1.0);
            System.out.printf("flow tanh g = %.1f s = 0.5: Delta0 = %.10f Delta_inf = %.10f C_ab(o=1) = %.10f nu = %.6f%n",
                    g, flow.dmft().delta0(), dInf, cab, flow.statistics().nugget());
            assertThat(cab).isCloseTo(dInf, within(1e-9));
            assertThat(flow.statistics().zeroPlus()).isCloseTo(flow.dmft().cInf(), within(1e-9));
            assertThat(flow.statistics().sameTrial()).isEqualTo(flow.dmft().c0());
            assertThat(flow.solution().chaos().chaotic()).isTrue();
            assertThat(flow.statistics().nugget()).isGreaterThan(0.05);
        }
        // a sigmoid network with input and mean coupling: non-odd φ, Δ∞ has a ⟨φ⟩² part as well as s²
        RateFlowKernelTheory sig = new RateFlowKernelTheory(6.0, 0.8, -0.5, -1.0, new TransferFunctions.Sigmoid(),
                DmftOptions.defaults());
        assertThat(sig.staticCovariance(1.0)).isCloseTo(sig.dmft().deltaInf(), within(1e-9));
    }

    @Test
    void noNuggetBelowTheTransition() {
        // fixed-point phase: Δ0 = Δ∞, the same-trial value attracts (slope g²⟨φ′²⟩ < 1), ν = 0 to the solver's 1e-11
        RateFlowKernelTheory flow = RateFlowKernelTheory.of(0.8, 0.5, new TransferFunctions.Tanh());
        assertThat(flow.solution().chaos().chaotic()).isFalse();
        assertThat(flow.statistics().nugget()).isCloseTo(0.0, within(1e-11));
        assertThat(flow.staticCovariance(1.0)).isCloseTo(flow.dmft().delta0(), within(1e-11));
    }

    @Test
    void kernelDecreasesWithDistanceAndChaosLowersIt() {
        // the continuous-time kernel in chaos lies below the fixed-point-phase kernel shape-wise: K(0⁺) < K(0) and
        // K(Δ) decreasing; for odd φ without mean input K(π) = −K(0⁺) (symmetry, to the solver tolerance)
        RateFlowKernelTheory flow = RateFlowKernelTheory.of(2.0, 0.5, new TransferFunctions.Tanh());
        KernelCurve curve = flow.curve(7);
        double[] k = curve.kernel();
        for (int j = 1; j < k.length; j++) {
            assertThat(k[j]).isLessThan(k[j - 1]);
        }
        assertThat(k[k.length - 1]).isCloseTo(-k[0], within(1e-10));
        assertThat(curve.sameTrial()).isGreaterThan(k[0]);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> RateFlowKernelTheory.of(1.0, -0.5, new TransferFunctions.Tanh()))
                .hasMessageContaining("s (stimulus amplitude)");
        assertThatThrownBy(() -> RateFlowKernelTheory.of(1.2, 0.5, new TransferFunctions.Linear()))
                .hasMessageContaining("no bounded stationary state");
    }
}
