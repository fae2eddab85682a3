package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chaoslab.analysis.Estimate;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void agreesWithinZStandardErrorsPlusTheAllowance() {
        // |1.25 − 1.0| = 0.25 ≤ 2 × 0.1 + 0.1
        assertThatCode(() -> Agreement.assertAgrees("x", 1.25, 0.1, 1.0, 2, 0.1)).doesNotThrowAnyException();
        assertThatCode(() -> Agreement.assertAgrees("x", Deviation.of(1.0, 1.25, 0.1), 2, 0.1)).doesNotThrowAnyException();
        assertThatCode(() -> Agreement.assertAgrees("x", Estimate.withStandardError(1.25, 0.1), 1.0, 2, 0.1))
                .doesNotThrowAnyException();
    }

    @Test
    void aFailureStatesTheNumbersAndTheToleranceParts() {
        assertThatThrownBy(() -> Agreement.assertAgrees("<x^2>", 1.5, 0.1, 1.0, 3, 0.05))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("<x^2> DEVIATES")
                .hasMessageContaining("simulation 1.50000 +- 0.100000 (SE) vs theory 1.00000")
                .hasMessageContaining("(z = 5.00)")
                .hasMessageContaining("|difference| 0.500000 > tolerance 0.350000 = 3.00000 x 0.100000 (SE) + allowance 0.0500000");
        // no finite standard error: never agreement
        assertThatThrownBy(() -> Agreement.assertAgrees("x", 1.0, Double.NaN, 1.0, 3, 0.05)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anIntervalIsScaledByItsHalfWidth() {
        Estimate ci = Estimate.withInterval(1.25, 0.2, 0.95, 9);
        assertThatCode(() -> Agreement.assertAgrees("lambda", ci, 1.0, 1, 0.1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Agreement.assertAgrees("lambda", ci, 1.0, 1, 0.01))
                .hasMessageContaining("+- 0.200000 (95.00% half-width)");
    }

    @Test
    void aDeviationCanBeAsserted() {
        assertThatCode(() -> Agreement.assertDeviates("wrong theory", 1.5, 0.1, 1.0, 3, 0.05)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Agreement.assertDeviates("wrong theory", 1.1, 0.1, 1.0, 3, 0.05))
                .hasMessageStartingWith("expected a deviation: wrong theory agrees");
    }
}
