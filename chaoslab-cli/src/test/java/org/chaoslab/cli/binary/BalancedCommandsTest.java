package org.chaoslab.cli.binary;

import org.chaoslab.cli.CliRunner.Result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The balanced-network and Glauber commands through the top-level command. */
class BalancedCommandsTest {


    static Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void meanfieldJsonHasTheKeys() throws Exception {
        Result r = run("meanfield", "balanced", "--k", "1000", "--m0", "0.1", "--ne", "40000", "--ni", "10000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JsonOutput.toTree(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()));
        for (String key : new String[] {"mE", "mI", "qE", "qI", "alphaE", "alphaI", "balanced", "betaE", "tauRatioCritical"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("balanced").asBoolean()).isTrue();
        // K = 1000, m0 = 0.1: rates below the balanced limit 0.1 by O(1/√K)
        assertThat(j.get("mE").asDouble()).isBetween(0.04, 0.1);
        assertThat(j.get("limitE").asDouble()).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void meanfieldWritesDensitiesAndDistance(@TempDir Path dir) throws Exception {
        Result r = run("meanfield", "balanced", "--k", "400", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : new String[] {"summary.json", "rate_density.npy", "rate_density.png", "distance_theory.svg"}) {
            assertThat(dir.resolve(f)).exists();
        }
        assertThat(CliRunner.results(dir, "meanfield balanced").get("mE").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void simulateWritesArraysAndPlots(@TempDir Path dir) throws Exception {
        Result r = run("simulate", "balanced", "--ne", "4000", "--ni", "1000", "--k", "100", "--m0", "0.1", "--t", "20",
                "--seed", "1", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = CliRunner.summary(dir, "simulate balanced");
        assertThat(summary.get("seeds").get("master").asLong()).isEqualTo(1);
        JsonNode s = summary.get("results");
        assertThat(s.get("rateE").asDouble()).isBetween(0.001, 0.2);
        assertThat(s.get("updatesPerSecond").asDouble()).isPositive();
        assertThat(s.get("theory").get("mE").asDouble()).isPositive();
        for (String f : new String[] {"raster.png", "inputs.svg", "rate_distribution.png", "distance.png", "population_rates.png",
                "unit_rates.npy", "inputs.npy", "autocorrelation_e.npy"}) {
            assertThat(dir.resolve(f)).as(f).exists();
        }
        assertThat(Npy.readDoubles(dir.resolve("inputs.npy")).shape()).containsExactly(2, 5, 200);
    }

    @Test
    void compareWritesComparison(@TempDir Path dir) throws Exception {
        Result r = run("compare", "balanced", "--ne", "4000", "--ni", "1000", "--k", "100", "--t", "20", "--realizations", "2",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mE").contains("z =");
        JsonNode summary = JsonOutput.read(dir.resolve("summary.json"));
        CliRunner.assertSchemaAndVerdicts(summary, r, "compare balanced", 6);
        assertThat(r.out()).contains("verdict: mE ").contains("verdict: qI ").contains("verdict: D*E (late replica distance) ");
        assertThat(summary.get("verdicts").get(2).get("basis").asText()).contains("3 SE + ").contains("O(1/sqrt K)");
        assertThat(r.err()).contains("chaoslab: warning: --realizations 2");
        assertThat(summary.get("warnings").toString()).contains("--realizations 2");
        JsonNode c = summary.get("results");
        assertThat(c.get("rateE").get("zScore").isNumber()).isTrue();
        assertThat(dir.resolve("distance.png")).exists();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--k|5000|--k must be <= min(--ne, --ni)",
            "--m0|1.5|--m0 (external rate) must be in (0, 1)",
            "--m0|0|--m0 (external rate) must be in (0, 1)",
            "--m0|-0.1|--m0 (external rate) must be in (0, 1)",
            "--ext-i|1.2|no balanced state",
            "--tau-i|-1|--tau-i must be finite and > 0",
            "--connectivity|ring|connectivity must be one of"})
    void badInputGivesOneLineAndExitCode2(String option, String value, String expected) {
        Result r = run("meanfield", "balanced", option, value);
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void glauberMeanfieldAndSimulation(@TempDir Path dir) throws Exception {
        Result m = run("meanfield", "glauber", "--n", "1000", "--json");
        assertThat(m.code()).as(m.err()).isZero();
        double theory = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.out()).get("m").asDouble();
        Result s = run("simulate", "glauber", "--n", "1000", "--t", "20", "--out", dir.toString());
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode summary = CliRunner.summary(dir, "simulate glauber");
        assertThat(summary.get("seeds").get("master").asLong()).isEqualTo(1);
        assertThat(summary.get("parameters").get("t").asDouble()).isEqualTo(20);
        JsonNode j = summary.get("results");
        assertThat(j.get("theoryRate").asDouble()).isEqualTo(theory);
        assertThat(dir.resolve("rate.png")).exists();
        Result bad = run("meanfield", "glauber", "--g", "-1");
        assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err()).contains("--g must be finite and >= 0");
    }

    @Test
    void simulateRejectsBadRunOptions(@TempDir Path dir) {
        Result r = run("simulate", "balanced", "--t", "-5", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains("--t (recorded duration) must be finite and > 0");
    }
}
