package org.chaoslab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalancedNetworkTest {

    @Test
    void paperDefaults() {
        BalancedNetwork n = BalancedNetwork.paper(4000, 1000, 200, 0.1);
        assertThat(n.coupling(BalancedNetwork.E, BalancedNetwork.I)).isEqualTo(-2.0);
        assertThat(n.coupling(BalancedNetwork.I, BalancedNetwork.I)).isEqualTo(-1.8);
        assertThat(n.tau(BalancedNetwork.I)).isEqualTo(0.9);
        assertThat(n.connectionProbability(BalancedNetwork.I)).isEqualTo(0.2);
        assertThat(n.size()).isEqualTo(5000);
    }

    @Test
    void badInputNamesTheParameter() {
        assertThatThrownBy(() -> BalancedNetwork.paper(100, 50, 80, 0.1)).hasMessageContaining("k must be <= min(nE, nI) = 50 (got 80)");
        assertThatThrownBy(() -> BalancedNetwork.paper(100, 50, 10, 1.5)).hasMessageContaining("m0 (external rate) must be in (0, 1) (got 1.5)");
        assertThatThrownBy(() -> BalancedNetwork.paper(100, 50, 10, 0.0)).hasMessageStartingWith("m0 ");
        assertThatThrownBy(() -> BalancedNetwork.paper(0, 50, 10, 0.1)).hasMessage("nE (number of excitatory units) must be >= 1 (got 0)");
        assertThatThrownBy(() -> new BalancedNetwork(100, 50, 10, 1, 2, 1, -1.8, 1, 0.8, 1, 0.7, 1, 0.9, 0.1,
                BalancedConnectivity.BERNOULLI)).hasMessageContaining("jEI (I->E coupling) must be finite and < 0 (got 2.0)");
        assertThatThrownBy(() -> BalancedConnectivity.parse("ring")).hasMessageContaining("connectivity must be one of");
    }
}
