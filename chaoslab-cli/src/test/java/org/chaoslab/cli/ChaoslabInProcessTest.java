package org.chaoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.io.JsonOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * The theory commands: --json prints the results of their RunSummary, which an in-process caller receives too;
     * with --out the same results are summary.json's.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "dmft scs --g 2 --phi tanh",
            "correlations theory --g 0.6 --phi linear --noise white:1 --n 200",
            "correlations theory --phi tanh --g-values 2,3",
            "meanfield balanced --k 400",
            "meanfield glauber --n 500",
            "deepnet maps --sigma-w2 2 --depth 8",
            "kernel theory --model binary --g 1.5"})
    void theoryCommandsPrintAndReturnTheirResults(String line, @TempDir Path dir) throws Exception {
        String[] args = line.split(" ");
        boolean writes = !line.startsWith("meanfield glauber");
        List<String> withJson = new ArrayList<>(Arrays.asList(args));
        withJson.add("--json");
        Chaoslab.Outcome o = Chaoslab.run(withJson.toArray(String[]::new));
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.summary()).isPresent();
        assertThat(o.summary().get().command()).isEqualTo(args[0] + " " + args[1]);
        assertThat(o.summary().get().files()).isEmpty();
        assertThat(o.results()).isNotEmpty();
        JsonNode printed = new ObjectMapper().readTree(o.out());
        assertThat(printed).isEqualTo(new ObjectMapper().readTree(JsonOutput.toJson(o.results())));
        if (writes) {
            withJson.addAll(List.of("--out", dir.resolve("out").toString()));
            Chaoslab.Outcome w = Chaoslab.run(withJson.toArray(String[]::new));
            assertThat(w.exitCode()).as(w.err()).isZero();
            JsonNode written = CliRunner.results(dir.resolve("out"), args[0] + " " + args[1]);
            assertThat(new ObjectMapper().readTree(w.out())).isEqualTo(written);
            assertThat(new ObjectMapper().readTree(JsonOutput.toJson(w.results()))).isEqualTo(written);
        }
    }
}
