package org.chaoslab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void meanOfSamplesHasTheStandardErrorOfTheMean() {
        Estimate e = Estimate.mean(1.0, 2.0, 4.0);
        assertThat(e.value()).isEqualTo(7.0 / 3);
        // s² = ((−4/3)² + (−1/3)² + (5/3)²)/2 = 7/3; SE = √(7/3/3)
        assertThat(e.standardError()).isCloseTo(Math.sqrt(7.0 / 9), within(1e-15));
        assertThat(e.halfWidth()).isEqualTo(e.standardError());
        assertThat(e.level()).isEqualTo(Estimate.ONE_STANDARD_ERROR);
        assertThat(e.lower()).isEqualTo(e.value() - e.standardError());
        assertThat(e.upper()).isEqualTo(e.value() + e.standardError());
        assertThat(Estimate.mean(3.0).standardError()).isNaN();
        assertThat(e).hasToString(e.value() + " ± " + e.standardError());
        assertThatThrownBy(Estimate::mean).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runningStatisticsGiveTheSameEstimate() {
        RunningStatistics s = RunningStatistics.of(0.5, 1.5, 1.0, 3.0);
        assertThat(s.estimate()).isEqualTo(Estimate.withStandardError(s.mean(), s.standardError()));
    }

    @Test
    void anIntervalKeepsItsHalfWidthAndImpliesAStandardError() {
        double t = new TDistribution(9).inverseCumulativeProbability(0.975);
        Estimate e = Estimate.withInterval(2.0, 0.3, 0.95, 9);
        assertThat(e.halfWidth()).isEqualTo(0.3);
        assertThat(e.level()).isEqualTo(0.95);
        // a Student-t half-width, not 1.96 SE
        assertThat(e.standardError()).isCloseTo(0.3 / t, within(1e-15));
        assertThat(e.standardError()).isLessThan(0.3 / 1.96);
        assertThat(Estimate.withInterval(2.0, 0.3, 0.95, Double.POSITIVE_INFINITY).standardError())
                .isCloseTo(0.3 / 1.959963984540054, within(1e-12));
        assertThat(Estimate.withInterval(2.0, Double.NaN, 0.95, 0).standardError()).isNaN();
        assertThat(e.toString()).isEqualTo("2.0 ± 0.3 (95.00%)");
    }

    @Test
    void invalidUncertaintiesAreRejected() {
        assertThatThrownBy(() -> Estimate.withStandardError(1, -1)).hasMessageContaining("standard error");
        assertThatThrownBy(() -> Estimate.withInterval(1, -1, 0.95, 3)).hasMessageContaining("half-width");
        assertThatThrownBy(() -> Estimate.withInterval(1, 1, 1.0, 3)).hasMessageContaining("level");
        assertThatThrownBy(() -> Estimate.withInterval(1, 1, 0.95, -1)).hasMessageContaining("degrees of freedom");
    }

    @Test
    void arraysOfEstimates() {
        Estimate[] e = Estimate.withStandardErrors(new double[] {1, 2}, new double[] {0.1, 0.2});
        assertThat(Estimate.values(e)).containsExactly(1, 2);
        assertThat(Estimate.standardErrors(e)).containsExactly(0.1, 0.2);
        assertThatThrownBy(() -> Estimate.withStandardErrors(new double[1], new double[2])).isInstanceOf(IllegalArgumentException.class);
    }
}
