package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chaoslab.cli.sweep.SpecException;
import org.chaoslab.model.PopulationNetwork;

/**
 * Network description files under mutation (the sweep specs' property, SweepSpecTest): any text either describes a
 * network the model accepts or is refused with one line that starts with the file name — never another exception, never
 * a line break in the message.
 */
class PopulationNetworkFileTest {

    private static final String VALID = """
            # E/I network
            fractions: [0.8, 0.2]
            j-mean:   [[2, -12], [4, -10]]
            g-matrix: "0.5,0.5;0.5,0.5"
            input:    [0.5, 0.2]
            phi:      [tanh, relu]
            k-matrix: [[160, 20], [40, 10]]
            description: a sparse E/I network
            """;

    @Property(tries = 400)
    void malformedDescriptionsAreRefusedWithOneLine(@ForAll("mutated") String text) {
        try {
            PopulationNetwork net = PopulationNetworkFile.parse(text, "n.yaml").network(2000, 1.0);
            assertThat(net.populations()).isPositive();
        } catch (SpecException e) {
            assertThat(e.getMessage()).startsWith("n.yaml").doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        return org.chaoslab.cli.common.SpecMutations.of(VALID, "k-matrix: 0\n", "fractions: [1]\n", "-1", "0.5",
                "phi: bogus\n", ";", ",");
    }
}
