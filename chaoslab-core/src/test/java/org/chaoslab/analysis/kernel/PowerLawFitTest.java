package org.chaoslab.analysis.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerLawFitTest {

    /** An exact power law is fitted exactly (round-off of logs: 1e-12), with zero residual error. */
    @Test
    void exactPowerLawAndClippingAndSkipping() {
        double[] s = new double[300];
        for (int n = 1; n <= s.length; n++) {
            s[n - 1] = 3.0 * Math.pow(n, -2.5);
        }
        s[19] = -1e-9;   // rank 20
        s[29] = 0;       // rank 30
        PowerLawFit f = PowerLawFit.fit(s, PowerLawFit.DEFAULT_FIRST_RANK, PowerLawFit.DEFAULT_LAST_RANK);
        assertThat(f.exponent().value()).isCloseTo(2.5, within(1e-12));
        assertThat(f.intercept().value()).isCloseTo(Math.log(3.0), within(1e-12));
        assertThat(f.exponent().standardError()).isLessThan(1e-12);
        assertThat(f.firstRank()).isEqualTo(11);
        assertThat(f.lastRank()).isEqualTo(300);
        assertThat(f.skippedNonPositive()).isEqualTo(2);
        assertThat(f.points()).isEqualTo(288);
    }

    @Test
    void emptyRangesAreRejected() {
        double[] s = {1, 0.5, 0.25, 0.125};
        assertThatThrownBy(() -> PowerLawFit.fit(s, 0, 4)).hasMessageStartingWith("firstRank must be >= 1");
        assertThatThrownBy(() -> PowerLawFit.fit(s, 11, 500)).hasMessageStartingWith("rank range must be non-empty");
        assertThatThrownBy(() -> PowerLawFit.fit(new double[] {1, -1, 0, 1}, 1, 4))
                .hasMessageContaining("must hold >= 3 positive values");
    }
}
