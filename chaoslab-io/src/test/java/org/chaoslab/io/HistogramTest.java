package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The histogram range rule: the whole data range, or a note on what is left out. */
class HistogramTest {

    @Test
    void coversTheWholeDataRange() {
        double[] data = {-3.5, 0.2, 0.3, 0.31, 7.25, 1.0};
        Histogram h = Histogram.of(data, 10);
        assertThat(h.lo()).isEqualTo(-3.5);
        assertThat(h.hi()).isEqualTo(7.25);
        assertThat(h.edges()).hasSize(11);
        assertThat(java.util.Arrays.stream(h.counts()).sum()).isEqualTo(6);
        assertThat(h.counts()[9]).isEqualTo(1);   // the maximum lands in the last bin
        assertThat(h.complete()).isTrue();
        assertThat(h.note()).isEmpty();
        // the densities integrate to one
        double sum = 0;
        double[] d = h.density(false);
        for (int i = 0; i < d.length; i++) {
            sum += d[i] * (h.edges()[i + 1] - h.edges()[i]);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(h.centers()[0]).isCloseTo(-3.5 + 0.5 * 1.075, within(1e-12));
    }

    @Test
    void coveringWidensToAGivenRangeButNeverCutsData() {
        Histogram h = Histogram.covering(new double[] {0.1, 0.2, 9.0}, 5, -1, 1);
        assertThat(h.lo()).isEqualTo(-1.0);
        assertThat(h.hi()).isEqualTo(9.0);
        assertThat(h.complete()).isTrue();
    }

    @Test
    void aFixedRangeSaysWhatItLeavesOut() {
        double[] data = {-2, 0.5, 1.5, 2.5, 99, Double.NaN, Double.POSITIVE_INFINITY};
        Histogram h = Histogram.within(data, 3, 0, 3);
        assertThat(h.below()).isEqualTo(1);
        assertThat(h.above()).isEqualTo(1);
        assertThat(h.nonFinite()).isEqualTo(2);
        assertThat(h.finite()).isEqualTo(5);
        assertThat(h.counts()).containsExactly(1, 1, 1);
        assertThat(h.complete()).isFalse();
        assertThat(h.note()).isEqualTo("not shown: 1 value below 0.00, 1 above 3.00, 2 non-finite (of 7)");
        // the bins integrate to the fraction of finite values shown
        assertThat(h.density(false)[0] * 1.0 * 3).isCloseTo(3.0 / 5, within(1e-12));
    }

    @Test
    void nonFiniteValuesAreCountedEvenOverTheWholeRange() {
        Histogram h = Histogram.of(new double[] {1, 2, Double.NaN}, 4);
        assertThat(h.lo()).isEqualTo(1.0);
        assertThat(h.hi()).isEqualTo(2.0);
        assertThat(h.note()).isEqualTo("not shown: 1 non-finite (of 3)");
    }

    @Test
    void emptyBinsAreNaNForLogAxesAndDegenerateDataStillBins() {
        Histogram h = Histogram.of(new double[] {1, 1, 5}, 4);
        assertThat(h.density(true)[1]).isNaN();
        assertThat(h.density(false)[1]).isZero();
        Histogram same = Histogram.of(new double[] {2, 2, 2}, 3);
        assertThat(same.lo()).isLessThan(2.0);
        assertThat(same.hi()).isGreaterThan(2.0);
        assertThat(java.util.Arrays.stream(same.counts()).sum()).isEqualTo(3);
        Histogram none = Histogram.of(new double[0], 3);
        assertThat(none.lo()).isZero();
        assertThat(none.hi()).isEqualTo(1.0);
        assertThatThrownBy(() -> Histogram.within(new double[] {1}, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Histogram.within(new double[] {1}, 2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
