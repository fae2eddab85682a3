package org.chaoslab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SweepSpecTest {

    private static final String VALID = """
            # comment
            command: simulate rate
            fixed: {n: 2000, phi: tanh, dt: 0.1, t: 100, transient: 0}
            sweep:
              g: {linspace: [0.5, 3.5, 16]}
              input: [0, 0.5]
            realizations: 4
            seed: 1
            """;

    @Test
    void parsesTheIssueFormatWithNumpysLinspace() {
        SweepSpec s = SweepSpec.parse(VALID, "s.yaml");
        assertThat(s.command()).containsExactly("simulate", "rate");
        assertThat(s.fixed()).containsExactly(Map.entry("n", 2000L), Map.entry("phi", "tanh"), Map.entry("dt", 0.1),
                Map.entry("t", 100L), Map.entry("transient", 0L));
        List<Object> g = s.axes().getFirst().values();
        assertThat(g).hasSize(16).startsWith(0.5).endsWith(3.5);
        assertThat((Double) g.get(1)).isEqualTo(0.7);                 // numpy.linspace(0.5, 3.5, 16)[1] = 0.7
        assertThat(s.points()).isEqualTo(32);
        assertThat(s.realizations()).isEqualTo(4);
        // row-major, last key fastest
        assertThat(s.point(0)).containsExactly(Map.entry("g", 0.5), Map.entry("input", 0L));
        assertThat(s.point(1)).containsExactly(Map.entry("g", 0.5), Map.entry("input", 0.5));
        assertThat(s.point(2)).containsEntry("g", 0.7);
        assertThat(s.line("sweep.g")).isEqualTo(5);
        assertThat(s.line("fixed.n")).isEqualTo(3);
    }

    @Test
    void logspaceAndZip() {
        SweepSpec s = SweepSpec.parse("""
                command: simulate rate
                sweep: {g: {logspace: [-1, 1, 3]}, n: [100, 200, 300]}
                zip: true
                """, "z.yaml");
        assertThat(s.points()).isEqualTo(3);
        assertThat(s.point(2)).containsExactly(Map.entry("g", 10.0), Map.entry("n", 300L));
        assertThat((Double) s.point(0).get("g")).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void errorsNameTheLineAndTheKey() {
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nfixed: {n: 10}\nsweeps: {g: [1]}\n", "a.yaml"))
                .isInstanceOf(SpecException.class).hasMessage("a.yaml:3: unknown key 'sweeps' (a spec has command, fixed, sweep, zip, realizations, seed, same-realization-across, description)");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nsweep:\n  g: 1.5\n", "b.yaml"))
                .hasMessageStartingWith("b.yaml:3: sweep.g must be a list of values");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nfixed: {g: 1}\nsweep: {g: [1, 2]}\n", "c.yaml"))
                .hasMessageStartingWith("c.yaml:3: sweep.g is also under fixed (line 2)");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nsweep: {g: [1, 2], n: [1]}\nzip: true\n", "d.yaml"))
                .hasMessageStartingWith("d.yaml:2: zip: true pairs");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nrealizations: 0\n", "e.yaml"))
                .hasMessageStartingWith("e.yaml:2: realizations must be a whole number in [1, 100000]");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nfixed: {seed: 3}\n", "f.yaml"))
                .hasMessageStartingWith("f.yaml:2: fixed.seed is set by the sweep");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nfixed: {n: 1}\nfixed: {n: 2}\n", "g.yaml"))
                .hasMessageStartingWith("g.yaml:3: 'fixed' is given twice (first on line 2)");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nsweep: {g: [1, 2}\n", "h.yaml"))
                .hasMessageStartingWith("h.yaml:2: not valid YAML");
        assertThatThrownBy(() -> SweepSpec.parse("", "i.yaml")).hasMessageStartingWith("i.yaml: the spec is empty");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nsweep: {g: {linspace: [0, 1]}}\n", "j.yaml"))
                .hasMessageStartingWith("j.yaml:2: sweep.g.linspace takes [start, stop, count]");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nsweep: {a: {linspace: [0, 1, 1000]}, b: {linspace: [0, 1, 1000]}, c: {linspace: [0, 1, 1000]}}\n", "k.yaml"))
                .hasMessageStartingWith("k.yaml:2: the sweep asks for");
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nsweep: {g: [1, 2]}\nsame-realization-across: [n]\n", "l.yaml"))
                .hasMessageStartingWith("l.yaml:3: same-realization-across names swept parameters");
        // a block scalar where a mapping belongs (found by the property below, seed 7287486115032695736): its text is
        // quoted in the message, shortened and with its line breaks escaped, so that the error stays one line
        assertThatThrownBy(() -> SweepSpec.parse("command: simulate rate\nsweep: |\n  g: {linspace: [0.5, 3.5, 16]}\n"
                + "  input: [0, 0.5]\n", "m.yaml"))
                .hasMessageStartingWith("m.yaml:2: sweep must map parameter names to lists of values (got 'g: {linspace: "
                        + "[0.5, 3.5, 16]}\\ninput: [0, 0.5]\\n')");
    }

    /**
     * Any text, valid YAML or not, either parses or is refused with one line that starts with the file name (and the
     * line where there is one): never another exception, never a stack trace for the user.
     */
    @Property(tries = 400)
    void malformedSpecsAreRefusedWithOneLine(@ForAll("mutatedSpecs") String text) {
        try {
            SweepSpec s = SweepSpec.parse(text, "m.yaml");
            assertThat(s.command()).isNotEmpty();
            assertThat(s.points()).isPositive();
        } catch (SpecException e) {
            assertThat(e.getMessage()).startsWith("m.yaml").doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        return org.chaoslab.cli.common.SpecMutations.of(VALID, "linspace", "zip: true\n", "realizations: -1\n", "seed: x\n");
    }
}
