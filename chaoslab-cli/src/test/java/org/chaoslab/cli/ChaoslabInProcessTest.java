package org.chaoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process API returns the same results the command writes to summary.json. */
class ChaoslabInProcessTest {

    @Test
    void returnsTheRunSummaryAndItsResults(@TempDir Path dir) throws Exception {
        Chaoslab.Outcome o = Chaoslab.run("kernel", "simulate", "--n", "100", "--stimuli", "circle:8", "--transient", "5", "--samples",
                "1", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.summary()).isPresent();
        assertThat(o.summary().get().command()).isEqualTo("kernel simulate");
        assertThat((Double) o.results().get("nugget")).isPositive();
        assertThat(org.chaoslab.io.JsonOutput.read(dir.resolve("summary.json")).get("results").get("nugget").asDouble())
                .isEqualTo((Double) o.results().get("nugget"));

        Chaoslab.Outcome bad = Chaoslab.run("kernel", "simulate", "--n", "1", "--out", dir.resolve("x").toString());
        assertThat(bad.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.summary()).isEmpty();
        assertThat(bad.err()).startsWith("chaoslab: error:");
    }
}
