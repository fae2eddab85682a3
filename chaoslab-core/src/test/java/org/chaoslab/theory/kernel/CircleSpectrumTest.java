package org.chaoslab.theory.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CircleSpectrumTest {

    @Test
    void arcCosineZeroKernelHasOddInverseSquareSpectrum() {
        // K = ½ − |Δ|/(2π): λ₀ = ¼, λ_k = 1/(π²k²) for odd k, 0 for even k. On P points the DFT/P aliases:
        // λ_k^(P) = Σ_j λ_{k+jP} = 1/(P² sin²(πk/P)) for odd k (Σ_j (x+j)⁻² = π²/sin²(πx)), 0 for even k ≠ 0, and
        // λ₀ = ¼ exactly; the FFT of exact samples is accurate to ~1e-16·log P: tolerance 1e-15
        int p = 256;
        CircleSpectrum spec = BinaryKernelTheory.of(0.0, 1.0, 0.0).spectrum(p, 2, 64);
        double[] lambda = spec.eigenvalues();
        assertThat(lambda[0]).isCloseTo(0.25, within(1e-15));
        for (int k = 1; k <= p / 2; k++) {
            double expected = k % 2 == 1 ? 1.0 / (p * p * Math.pow(Math.sin(Math.PI * k / p), 2)) : 0.0;
            assertThat(lambda[k]).as("lambda_%d", k).isCloseTo(expected, within(1e-15));
        }
        // and the continuum values 1/(π²k²) at small k, up to the aliasing (πk/P)²/sin²(πk/P) − 1 ≈ (πk/P)²/3,
        // 4.1e-3 at k = 9
        for (int k = 1; k <= 9; k += 2) {
            double continuum = 1.0 / (Math.PI * Math.PI * k * k);
            assertThat(lambda[k]).isCloseTo(continuum, within(5e-3 * continuum));
        }
        assertThat(spec.nugget()).isEqualTo(0.0);
    }

    @Test
    void cuspGivesExponentTwoOnTheCircle() {
        // a cusp |Δ|^γ on d = 1 gives α = 1 + γ = 2 for the arc-cosine-0 kernel; ranks n ≈ k (half the modes vanish,
        // the rest are doubled) make the fitted slope over ranks 10…400 2 + O(1/n) (stair of the doubled modes):
        // tolerance 0.1
        CircleSpectrum spec = BinaryKernelTheory.of(0.0, 1.0, 0.0).spectrum(2048, 10, 400);
        System.out.printf("Heaviside layer: fitted alpha = %.4f over ranks 10-400 (%d ranks used)%n", spec.exponent(),
                spec.fitted());
        assertThat(spec.exponent()).isCloseTo(2.0, within(0.1));
        assertThat(spec.differentiable()).isFalse();
        assertThat(spec.differentiabilityBound()).isEqualTo(3.0);
    }

    @Test
    void powerLawFitIsExactOnAnExactPowerLaw() {
        double[] ranked = new double[500];
        for (int n = 1; n <= ranked.length; n++) {
            ranked[n - 1] = 3.0 * Math.pow(n, -1.37);
        }
        double[] fit = CircleSpectrum.powerLaw(ranked, 11, 500);
        assertThat(fit[0]).isCloseTo(1.37, within(1e-12)); // a straight line in log-log: rounding only
        assertThat(fit[1]).isEqualTo(490.0);
    }

    @Test
    void chaosSmoothsTheCrossTrialKernelAndAddsANugget() {
        // chaotic regularization: the stationary cross-trial kernel K(Δ) = c*(cos Δ) is analytic (the fixed point keeps
        // ρ* = 1 − g²ν/Q < 1), so its spectrum decays exponentially beyond k ~ 1/(distance of the nearest complex
        // singularity), which grows with the nugget; the cusp of the single layer (α = 2) is gone. Measured over ranks
        // 20…120 at P = 256: α rises with g and crosses the differentiability bound 3. Eigenvalues of a covariance
        // kernel are ≥ 0 up to rounding (1e-15).
        double previous = 0;
        for (double g : new double[] {0.3, 1.0, 3.0}) {
            CircleSpectrum spec = BinaryKernelTheory.of(g, 1.0, 0.3).spectrum(256, 20, 120);
            System.out.printf("binary g = %.1f s = 1 b = 0.3: nugget %.5f, alpha(ranks 20-120) = %.2f, lambda_1 = %.3e,"
                    + " lambda_32 = %.3e%n", g, spec.nugget(), spec.exponent(), spec.eigenvalues()[1], spec.eigenvalues()[32]);
            for (double l : spec.eigenvalues()) {
                assertThat(l).isGreaterThan(-1e-15);
            }
            assertThat(spec.nugget()).isGreaterThan(0.0);
            assertThat(spec.exponent()).isGreaterThan(previous);
            previous = spec.exponent();
            if (g >= 1.0) {
                assertThat(spec.differentiable()).isTrue();
            }
            assertThat(spec.sameTrialMatrixEigenvalue(1)).isCloseTo(256 * spec.eigenvalues()[1] + spec.nugget(), within(1e-15));
        }
    }

    @Test
    void badArgumentsAreNamed() {
        BinaryKernelTheory net = BinaryKernelTheory.of(0.0, 1.0, 0.0);
        assertThatThrownBy(() -> net.spectrum(7, 1, 3)).hasMessageContaining("points must be even");
        assertThatThrownBy(() -> net.spectrum(16, 5, 3)).hasMessageContaining("fit ranks");
    }
}
