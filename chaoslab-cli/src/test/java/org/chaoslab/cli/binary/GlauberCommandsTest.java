package org.chaoslab.cli.binary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.chaoslab.io.JsonOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code compare glauber} through the top-level command. */
class GlauberCommandsTest {

    @Test
    void compareWritesSummaryCsvAndPlots(@TempDir Path dir) throws Exception {
        CliRunner.Result r = BalancedCommandsTest.run("compare", "glauber", "--n", "300", "--t", "20", "--replica-t", "5",
                "--realizations", "2", "--max-lag", "1", "--noise", "0.5", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("m (binary)").contains("d*").contains("z =");
        JsonNode summary = JsonOutput.read(dir.resolve("summary.json"));
        CliRunner.assertSchemaAndVerdicts(summary, r, "compare glauber", 12);
        assertThat(r.out()).contains("verdict: m (binary) ").contains("verdict: d* (late replica distance) ")
                .contains("verdict: C(0.0) binary ").contains("verdict: N Var m(t) matched rate vs binary");
        assertThat(summary.get("verdicts").get(0).get("basis").asText()).contains("3 SE + ").contains("O(1/sqrt N)");
        // two realizations: warned, once on stderr and once in summary.json
        assertThat(r.err()).contains("chaoslab: warning: --realizations 2");
        assertThat(summary.get("warnings").toString()).contains("--realizations 2").contains("--replica-t 5");
        assertThat(summary.get("seeds").get("realizations").asText()).isEqualTo("1 .. 2");
        JsonNode s = summary.get("results");
        assertThat(s.get("rate").get("zScore").isNumber()).isTrue();
        assertThat(s.get("theory").get("outputNoiseVariance").asDouble()).isBetween(0.0, s.get("theory").get("binaryVariance").asDouble());
        assertThat(s.get("binaryCorrelation").size()).isEqualTo(11);
        assertThat(s.get("settings").get("sharedNoise").asBoolean()).isTrue();
        for (String f : new String[] {"autocorrelation.csv", "distance.csv", "autocorrelation.png", "autocorrelation.svg", "distance.png",
                "distance_sim.npy"}) {
            assertThat(dir.resolve(f)).as(f).exists();
        }
        assertThat(Files.readAllLines(dir.resolve("autocorrelation.csv")).get(0)).startsWith("lag,theory,binary");
    }

    @Test
    void meanfieldReportsQDistanceAndOutputNoise() throws Exception {
        CliRunner.Result r = BalancedCommandsTest.run("meanfield", "glauber", "--noise", "0.5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        double m = j.get("m").asDouble();
        assertThat(j.get("q").asDouble()).isBetween(m * m, m);
        // shared noise keeps the replicas correlated: d* below the decorrelated 2(m − q)
        assertThat(j.get("distanceFixedPoint").asDouble()).isBetween(0.0, j.get("decorrelatedDistance").asDouble());
        assertThat(j.get("outputNoiseVariance").asDouble()).isBetween(0.0, m * (1 - m));
    }

    @Test
    void helpDescribesTheCommand() {
        CliRunner.Result r = BalancedCommandsTest.run("compare", "glauber", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--independent-noise").contains("--rate-dt").contains("matched rate");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--realizations|1|--realizations must be",
            "--n|1|--n must be",
            "--g|-1|--g must be finite and >= 0",
            "--noise|-0.5|--threshold-noise must be finite and >= 0",
            "--replica-t|1|--replica-t must be >= 2 tau",
            "--max-lag|100|--max-lag must be below --t",
            "--rate-dt|0.03|--rate-dt must divide --sample-interval",
            "--rate-dt|0.5|--rate-dt must be in (0, --sample-interval",
            "--sample-interval|0|--sample-interval must be",
            "--tau|0|--tau must be"})
    void badInputGivesOneLineAndExitCode2(String option, String value, String expected, @TempDir Path dir) {
        CliRunner.Result r = BalancedCommandsTest.run("compare", "glauber", option, value, "--out", dir.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}
