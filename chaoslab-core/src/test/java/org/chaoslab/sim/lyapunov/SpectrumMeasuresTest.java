package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpectrumMeasuresTest {

    @Test
    void kaplanYorkeDimension() {
        // Lorenz-like: 0.9, 0, −14.5 → 2 + 0.9/14.5 (exact arithmetic)
        assertThat(SpectrumMeasures.kaplanYorke(new double[] {0.9, 0.0, -14.5})).isCloseTo(2 + 0.9 / 14.5, within(1e-15));
        // order does not matter
        assertThat(SpectrumMeasures.kaplanYorke(new double[] {-14.5, 0.9, 0.0})).isCloseTo(2 + 0.9 / 14.5, within(1e-15));
        // stable: 0
        assertThat(SpectrumMeasures.kaplanYorke(new double[] {-0.1, -1})).isZero();
        // partial sums never negative within k: returns k and is unresolved for k < N, resolved for k = N
        double[] allPositive = {0.3, 0.2, 0.1};
        assertThat(SpectrumMeasures.kaplanYorke(allPositive)).isEqualTo(3.0);
        assertThat(SpectrumMeasures.kaplanYorkeResolved(allPositive, 10)).isFalse();
        assertThat(SpectrumMeasures.kaplanYorkeResolved(allPositive, 3)).isTrue();
        assertThat(SpectrumMeasures.kaplanYorkeResolved(new double[] {0.3, -0.1, -0.5}, 10)).isTrue();
        // sum exactly at 0 after j = 2: D = 2 + 0/|λ3|
        assertThat(SpectrumMeasures.kaplanYorke(new double[] {0.5, -0.5, -1})).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void entropyIsTheSumOfPositiveExponents() {
        assertThat(SpectrumMeasures.entropyRate(new double[] {0.3, 0.1, -0.2})).isCloseTo(0.4, within(1e-15));
        assertThat(SpectrumMeasures.entropyResolved(new double[] {0.3, 0.1}, 5)).isFalse();
        assertThat(SpectrumMeasures.entropyResolved(new double[] {0.3, -0.1}, 5)).isTrue();
    }

    @Test
    void confidenceHalfWidthUsesStudentT() {
        // t_{0.975, 1} = 12.706, t_{0.975, 19} = 2.093 (standard tables)
        assertThat(SpectrumMeasures.studentT975(1)).isCloseTo(12.706, within(1e-3));
        assertThat(SpectrumMeasures.studentT975(19)).isCloseTo(2.093, within(1e-3));
        // values 1, 2, 3: mean 2, s = 1, half-width t_{0.975,2}·1/√3 = 4.303/1.732
        assertThat(SpectrumMeasures.confidenceHalfWidth(new double[] {1, 2, 3})).isCloseTo(4.3027 / Math.sqrt(3), within(1e-3));
        assertThat(SpectrumMeasures.confidenceHalfWidth(new double[] {1})).isNaN();
    }
}
