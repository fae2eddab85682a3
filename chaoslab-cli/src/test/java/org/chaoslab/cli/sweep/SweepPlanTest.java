package org.chaoslab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static SweepPlan plan(String yaml) {
        return SweepPlan.of(SweepSpec.parse(yaml, "p.yaml"), true);
    }

    @Test
    void unknownCommandsAndOptionsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> plan("command: simulate rat\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("p.yaml:1: unknown command 'simulate rat': 'chaoslab simulate' has [");
        assertThatThrownBy(() -> plan("command: bench\n")).hasMessageStartingWith("p.yaml:1: command 'bench' cannot be swept");
        assertThatThrownBy(() -> plan("command: simulate rate\nfixed:\n  n: 50\n  gain: 2\n"))
                .hasMessage("p.yaml:4: 'simulate rate' has no option --gain (did you mean k-in, g?)");
        assertThatThrownBy(() -> plan("command: simulate rate\nsweep: {n: [50, many]}\n"))
                .hasMessageStartingWith("p.yaml:2: n: Invalid value for option '--n': 'many' is not an int");
        assertThatThrownBy(() -> plan("command: simulate rate\nfixed: {float32: 1}\n"))
                .hasMessage("p.yaml:2: float32 is a switch: true or false (got 1)");
    }

    @Test
    void theCommandsOwnChecksRunBeforeAnythingRuns() {
        // n = -5 passes the type check (an int) and is refused by simulate rate itself, in a dry run of point 1
        assertThatThrownBy(() -> plan("command: simulate rate\nfixed: {t: 5}\nsweep:\n  n: [50, -5]\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("p.yaml:4: point 1 (n=-5): --n must be");
    }

    @Test
    void seedsDependOnWhatAPointIsNotOnItsPlaceInTheGrid() {
        SweepPlan a = plan("command: simulate rate\nfixed: {n: 20, t: 2}\nsweep: {g: [0.5, 1.5]}\nrealizations: 2\nseed: 3\n");
        SweepPlan b = plan("command: simulate rate\nfixed: {t: 2, n: 20}\nsweep: {g: [1.5, 0.5, 2.5]}\nrealizations: 2\nseed: 3\n");
        SweepTask a15 = a.tasks().stream().filter(t -> t.parameters().get("g").equals(1.5) && t.realization() == 1).findFirst().orElseThrow();
        SweepTask b15 = b.tasks().stream().filter(t -> t.parameters().get("g").equals(1.5) && t.realization() == 1).findFirst().orElseThrow();
        assertThat(a15.point()).isEqualTo(1);
        assertThat(b15.point()).isEqualTo(0);
        assertThat(a15.seed()).isEqualTo(b15.seed());
        assertThat(a.tasks()).extracting(SweepTask::seed).doesNotHaveDuplicates();
        assertThat(a.tasks()).extracting(SweepTask::id).containsExactly("p0000-r00", "p0000-r01", "p0001-r00", "p0001-r01");
        // the same realizations across g when asked: realization r has one seed for every g
        SweepPlan shared = plan("command: simulate rate\nfixed: {n: 20, t: 2}\nsweep: {g: [0.5, 1.5]}\nrealizations: 2\n"
                + "same-realization-across: [g]\n");
        assertThat(shared.tasks().get(0).seed()).isEqualTo(shared.tasks().get(2).seed());
        assertThat(shared.tasks().get(0).seed()).isNotEqualTo(shared.tasks().get(1).seed());
        assertThat(SweepSeeds.seed(1, Map.of("g", 2.0), Set.of(), 0)).isEqualTo(SweepSeeds.seed(1, Map.of("g", 2L), Set.of(), 0));
    }

    @Test
    void aTaskIsTheCommandWithItsParametersSeedThreadsAndDirectory() {
        SweepPlan p = plan("command: simulate rate\nfixed: {n: 20, t: 2.5, float32: true}\nsweep: {g: [1.5]}\n");
        SweepTask t = p.tasks().getFirst();
        assertThat(p.job(java.nio.file.Path.of("/tmp/s"), 1).arguments(t)).containsExactly("simulate", "rate", "--n", "20",
                "--t", "2.5", "--float32", "--g", "1.5", "--seed", Long.toString(t.seed()), "--threads", "1",
                "--out", "/tmp/s/points/p0000-r00", "--force");
        assertThat(List.of(t.seed())).allMatch(s -> s >= 0);
    }
}
