package org.chaoslab.theory.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.Stimuli;
import org.junit.jupiter.api.Test;

class ManifoldSpectrumTest {

    /**
     * On the circle the LAPACK eigenvalues of the P × P Gram matrix equal the FFT spectrum of CircleSpectrum (two
     * independent computations of the same numbers: circulant matrix diagonalised by the DFT), to 1e-12 relative.
     */
    @Test
    void circleAgreesWithTheFourierSpectrum() {
        BinaryKernelTheory t = BinaryKernelTheory.of(1.0, 1.0, 0.0);
        int p = 64;
        ManifoldSpectrum m = ManifoldSpectrum.of(t, Stimuli.Circle.equallySpaced(p, 1.0), 3, 30);
        double[] fft = CircleSpectrum.ranked(t.spectrum(p, 3, 30).eigenvalues(), p);
        for (int i = 0; i < p; i++) {
            assertThat(m.eigenvalues()[i]).isCloseTo(fft[i], within(1e-12 * fft[0]));
        }
        assertThat(m.exponent()).isCloseTo(t.spectrum(p, 3, 30).exponent(), within(1e-9));
        assertThat(m.dimension()).isEqualTo(1);
    }

    /**
     * A single Heaviside layer (g = 0, b = 0) on the 2-torus: K(o) = ¼ + arcsin(o)/(2π) with o the mean of the two
     * cosines; the Gram matrix is positive semi-definite (eigenvalues ≥ −1e-12 λ_1), its trace is P·K(0⁺)
     * (sum of operator eigenvalues = K(0⁺)), and the bound is 1 + 2/d = 2.
     */
    @Test
    void torusSpectrumIsAKernelSpectrum() {
        BinaryKernelTheory t = BinaryKernelTheory.of(0.0, 1.0, 0.0);
        ManifoldSpectrum m = ManifoldSpectrum.of(t, new Stimuli.Torus(2, 12, 1.0), 5, 60);
        double sum = 0;
        for (double v : m.eigenvalues()) {
            assertThat(v).isGreaterThan(-1e-12 * m.eigenvalues()[0]);
            sum += v;
        }
        assertThat(sum).isCloseTo(t.statistics().zeroPlus(), within(1e-12));
        assertThat(m.differentiabilityBound()).isEqualTo(2.0);
        assertThat(m.points()).isEqualTo(144);
        assertThat(m.exponent()).isPositive();
    }
}
