package org.chaoslab.theory.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.deep.CorrelationMap;
import org.chaoslab.theory.deep.LengthMap;
import org.junit.jupiter.api.Test;

class RateMapKernelTheoryTest {

    private final GaussianExpectation engine = GaussianExpectation.standard();

    @Test
    void nuggetSwitchesOnAtTheChaosCriterion() {
        // the slope of the replica map at K = ⟨φ²⟩ (o = 1) is g²⟨φ′²⟩: below 1 the same-trial state attracts and
        // ν = 0 (the iteration stops within ~1e-14/(1 − slope) of it: 1e-11 is generous); above 1 it repels, ν > 0
        for (double g : new double[] {0.5, 0.9, 1.0, 1.2}) {
            RateKernelSolution sol = RateMapKernelTheory.of(g, 0.5, new TransferFunctions.Tanh()).solution();
            System.out.printf("rate map tanh g = %.2f s = 0.5: g^2<phi'^2> = %.6f nu = %.3e%n", g, sol.chaos().value(),
                    sol.kernel().nugget());
            if (sol.chaos().value() < 1) {
                assertThat(sol.kernel().nugget()).isCloseTo(0.0, within(1e-11));
                assertThat(sol.chaos().chaotic()).isFalse();
            }
        }
        for (double g : new double[] {2.0, 3.0}) {
            RateKernelSolution sol = RateMapKernelTheory.of(g, 0.5, new TransferFunctions.Tanh()).solution();
            System.out.printf("rate map tanh g = %.2f s = 0.5: g^2<phi'^2> = %.6f nu = %.6f K0 = %.6f K0+ = %.6f%n", g,
                    sol.chaos().value(), sol.kernel().nugget(), sol.kernel().sameTrial(), sol.kernel().zeroPlus());
            assertThat(sol.chaos().value()).isGreaterThan(1.0);
            assertThat(sol.chaos().chaotic()).isTrue();
            assertThat(sol.kernel().nugget()).isGreaterThan(0.01);
        }
    }

    @Test
    void stationaryKernelAgreesWithTheDeepNetworkCorrelationMap() {
        // at o = 1 the map is Poole et al.'s c-map with σ_w² = g², σ_b² = s²: C*/Q = c* of theory.deep, solved there
        // independently (Newton / Brent from c ≈ 1); both are converged to ≲ 1e-13
        for (double g : new double[] {0.8, 2.0}) {
            double s = 0.5;
            RateMapKernelTheory theory = RateMapKernelTheory.of(g, s, new TransferFunctions.Tanh());
            RateKernelSolution sol = theory.solution();
            DeepNetwork deep = DeepNetwork.ensemble(new TransferFunctions.Tanh(), g * g, s * s, 1.0);
            LengthMap length = new LengthMap(deep, engine);
            double qStar = length.fixedPoint(1.0).qStar();
            assertThat(sol.field().variance()).isCloseTo(qStar, within(1e-10 * qStar));
            double cStar = new CorrelationMap(deep, engine).fixedPoint(qStar, length.chi1(qStar), Double.NaN).cStar();
            assertThat(sol.field().staticVariance() / sol.field().variance()).isCloseTo(cStar, within(1e-10));
        }
    }

    @Test
    void kernelValueAgreesWithBruteForceTwoDimensionalQuadrature() {
        // independent of the engine: E tanh(u_a) tanh(u_b) by a midpoint sum over ±9 sd with step 0.005 (smooth,
        // Gaussian-decaying integrand: the midpoint sum converges spectrally, ~1e-12 here); tolerance 1e-10
        RateMapKernelTheory theory = new RateMapKernelTheory(2.0, 0.7, 0.1, 0.5, new TransferFunctions.Tanh(), engine);
        RateKernelSolution sol = theory.solution();
        double o = Math.cos(1.0);
        double k = theory.kernel(o);
        double q = sol.field().variance();
        double mu = sol.field().mean();
        double rho = (4.0 * k + 0.49 * o) / q;
        double h = 0.005;
        double sum = 0;
        double sd = Math.sqrt(q);
        for (double x = -9 + h / 2; x < 9; x += h) {
            double ua = mu + sd * x;
            double fa = Math.tanh(ua) * Math.exp(-0.5 * x * x);
            for (double y = -9 + h / 2; y < 9; y += h) {
                double ub = mu + sd * (rho * x + Math.sqrt(1 - rho * rho) * y);
                sum += fa * Math.tanh(ub) * Math.exp(-0.5 * y * y);
            }
        }
        double brute = sum * h * h / (2 * Math.PI);
        System.out.printf("rate map kernel at Delta = 1: %.12f, brute-force quadrature %.12f%n", k, brute);
        assertThat(k).isCloseTo(brute, within(1e-10));
        // and the mean field: μ = J0⟨φ⟩ + I self-consistent
        assertThat(mu).isCloseTo(0.5 * sol.kernel().meanResponse() + 0.1, within(1e-13));
    }

    @Test
    void smoothUnitsHaveRoughnessExponentTwo() {
        // 1 − K_t/P_t ∝ Δ² + O(Δ⁴): over Δ ∈ [3e-3, 3e-2] the slope is 2 up to O(Δ²) ≈ 1e-3; the deficit (≈ 1e-6 of
        // P_t at the smallest Δ) is a difference of engine values accurate to ~1e-14, a relative 1e-8
        RateMapKernelTheory theory = RateMapKernelTheory.of(2.0, 0.5, new TransferFunctions.Tanh());
        RoughnessExponents r = theory.roughness(0.0, 1.0, 3, 3e-3, 3e-2, 5);
        System.out.printf("rate map roughness gamma_t (t = 1, 2, 3) = %.5f %.5f %.5f%n", r.measured()[0],
                r.measured()[1], r.measured()[2]);
        for (double gamma : r.measured()) {
            assertThat(gamma).isCloseTo(2.0, within(5e-3));
        }
    }

    @Test
    void kernelCurveDecreasesWithDistanceAndEndsAtTheSameTrialValue() {
        RateMapKernelTheory theory = RateMapKernelTheory.of(2.0, 0.5, new TransferFunctions.Tanh());
        KernelCurve curve = theory.curve(9);
        double[] k = curve.kernel();
        for (int j = 1; j < k.length; j++) {
            assertThat(k[j]).isLessThan(k[j - 1]);
        }
        assertThat(curve.sameTrial() - curve.nugget()).isCloseTo(k[0], within(1e-15));
        // tanh is odd and there is no mean input: K(π) = −K(0⁺) by symmetry (u → −u in one trial), to 1e-12
        assertThat(k[k.length - 1]).isCloseTo(-k[0], within(1e-12));
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> RateMapKernelTheory.of(-0.1, 1, new TransferFunctions.Tanh())).hasMessageContaining("g");
        assertThatThrownBy(() -> RateMapKernelTheory.of(1, -1, new TransferFunctions.Tanh()))
                .hasMessageContaining("s (stimulus amplitude)");
        assertThatThrownBy(() -> RateMapKernelTheory.of(1.5, 0.5, new TransferFunctions.Relu()))
                .hasMessageContaining("no bounded stationary state");
        RateMapKernelTheory theory = RateMapKernelTheory.of(1.0, 1.0, new TransferFunctions.Tanh());
        assertThatThrownBy(() -> theory.kernel(-1.5)).hasMessageContaining("overlap must be in [-1, 1]");
        assertThatThrownBy(() -> theory.kernelOnCircle(-0.1)).hasMessageContaining("delta must be in [0, pi]");
    }
}
