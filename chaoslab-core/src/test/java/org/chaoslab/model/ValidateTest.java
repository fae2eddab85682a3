package org.chaoslab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.sim.binary.UpdateSchedule;
import org.junit.jupiter.api.Test;

/** One-line messages that name the parameter as the model does (never a CLI flag), the range and the value. */
class ValidateTest {

    @Test
    void messagesNameTheParameterTheRangeAndTheValue() {
        assertThatThrownBy(() -> Validate.positive("tau", 0.0)).hasMessage("tau must be finite and > 0 (got 0.0)");
        assertThatThrownBy(() -> Validate.negative("jEI (I->E coupling)", 2.0)).hasMessage("jEI (I->E coupling) must be finite and < 0 (got 2.0)");
        assertThatThrownBy(() -> Validate.negative("jII", Double.NaN)).hasMessage("jII must be finite and < 0 (got NaN)");
        assertThatThrownBy(() -> Validate.finiteAtLeast("gain", -1, 0)).hasMessage("gain must be finite and >= 0.0 (got -1.0)");
        assertThatThrownBy(() -> Validate.atLeast("n", 1, 2)).hasMessage("n must be >= 2 (got 1)");
        assertThatThrownBy(() -> Validate.finite("input", Double.POSITIVE_INFINITY)).hasMessage("input must be finite (got Infinity)");
        assertThat(Validate.negative("jEI", -2.0)).isEqualTo(-2.0);
    }

    @Test
    void glauberNetworkNamesItsComponents() {
        assertThatThrownBy(() -> new GlauberNetwork(1, -2, 1, 0.5, 0, 0, 1)).hasMessage("n must be >= 2 (got 1)");
        assertThatThrownBy(() -> new GlauberNetwork(100, -2, -1, 0.5, 0, 0, 1)).hasMessage("gain must be finite and >= 0.0 (got -1.0)");
        assertThatThrownBy(() -> new GlauberNetwork(100, -2, 1, 0.5, 0, -0.5, 1)).hasMessageStartingWith("noise must be");
        assertThatThrownBy(() -> new GlauberNetwork(100, -2, 1, 0.5, Double.NaN, 0, 1)).hasMessageStartingWith("threshold must be");
        assertThatThrownBy(() -> new GlauberNetwork(100, -2, 1, 0.5, 0, 0, 0)).hasMessageStartingWith("tau must be");
    }

    @Test
    void balancedRunNamesItsComponents() {
        assertThatThrownBy(() -> BalancedRun.of(-5, 0, 1)).hasMessage("duration (recorded duration) must be finite and > 0 (got -5.0)");
        assertThatThrownBy(() -> new BalancedRun(5, 0, 6, 1, UpdateSchedule.POISSON, 1, true, 0.1, 2, null, 0, 0, 0))
                .hasMessage("sampleInterval must be <= duration = 5.0 (got 6.0)");
        assertThatThrownBy(() -> new BalancedRun(5, 0, 0.1, 1, UpdateSchedule.POISSON, 3, true, 0.1, 2, null, 0, 0, 0))
                .hasMessage("replicas must be 1 or 2 (got 3)");
        assertThatThrownBy(() -> new BalancedRun(5, 0, 0.1, 1, UpdateSchedule.POISSON, 1, true, 1.5, 2, null, 0, 0, 0))
                .hasMessage("initialActivity must be in [0, 1] (got 1.5)");
    }

    @Test
    void coreMessagesNameNoFlag() {
        assertThatThrownBy(() -> BalancedNetwork.paper(100, 50, 80, 0.1)).message().doesNotContain("--");
        assertThatThrownBy(() -> BalancedNetwork.paper(100, 50, 10, 1.5)).message().doesNotContain("--");
        assertThatThrownBy(() -> new GlauberNetwork(100, Double.NaN, 1, 0.5, 0, 0, 1)).message().doesNotContain("--")
                .startsWith("meanCoupling");
    }
}
