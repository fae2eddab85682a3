package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TheoryCommandsTest {

    private static JsonNode json(String... args) throws Exception {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void dmftScsJsonHasTheContractKeys() throws Exception {
        JsonNode j = json("dmft", "scs", "--g", "2", "--phi", "tanh", "--json");
        for (String key : new String[] {"delta0", "deltaInf", "c0", "tauHalf", "phase", "gCritical"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("phase").asText()).isEqualTo("chaotic");
        // published (Clark, rnn-lyapunov data): Delta0(g = 2) = 1.9248048
        assertThat(j.get("delta0").asDouble()).isCloseTo(1.9248048, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(j.get("deltaInf").asDouble()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        // published lambda_max(g = 2) = 0.1124580 (same source)
        assertThat(j.get("lambdaMax").asDouble()).isCloseTo(0.1124580, org.assertj.core.data.Offset.offset(1e-4));
        JsonNode fp = json("dmft", "scs", "--g", "0.5", "--phi", "tanh", "--json");
        assertThat(fp.get("phase").asText()).isEqualTo("fixed-point");
        assertThat(fp.get("delta0").asDouble()).isZero();
        assertThat(fp.get("tauHalf").isNull()).isTrue();
        assertThat(fp.get("lambdaMax").asDouble()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-12));
        JsonNode sig = json("dmft", "scs", "--g", "12", "--phi", "sigmoid", "--json");
        assertThat(sig.get("phase").asText()).isEqualTo("chaotic");
        assertThat(sig.get("deltaInf").asDouble()).isPositive();
    }

    @Test
    void dmftWritesCurvesWhenAskedTo(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("dmft", "scs", "--g", "1.5", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chaotic");
        assertThat(dir.resolve("delta.npy")).exists();
        assertThat(dir.resolve("dmft.png")).exists();
        assertThat(CliRunner.results(dir, "dmft scs").get("phase").asText()).isEqualTo("chaotic");
    }

    @Test
    void compareWritesTheoryAndSimulationTogether(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("compare", "scs", "--n", "300", "--g", "2", "--t", "70", "--transient", "20",
                "--realizations", "2", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = CliRunner.summary(dir, "compare scs");
        assertThat(summary.get("verdicts").size()).isEqualTo(4);
        assertThat(summary.get("seeds").get("realizations").asText()).isEqualTo("1 .. 2");
        JsonNode s = summary.get("results");
        assertThat(s.get("theory").get("delta0").asDouble()).isCloseTo(1.9248, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(s.get("meanSquare").get("simulation").asDouble()).isBetween(1.3, 2.6);
        assertThat(s.get("meanSquare").get("standardError").asDouble()).isPositive();
        assertThat(s.get("run").get("integrator").asText()).isEqualTo("rk4");
        assertThat(dir.resolve("comparison.png")).exists();
        assertThat(dir.resolve("comparison.svg")).exists();
        assertThat(dir.resolve("sim_autocorrelation.npy")).exists();
    }

    @Test
    void compareRunsSparseNetworksAgainstTheSameDmft(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("compare", "scs", "--n", "300", "--k-in", "60", "--g", "2", "--t", "70",
                "--transient", "20", "--realizations", "2", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("--k-in 60 is small: finite-K corrections O(1/K)");
        JsonNode s = CliRunner.summary(dir, "compare scs").get("results");
        assertThat(s.get("network").get("inDegree").asInt()).isEqualTo(60);
        assertThat(s.get("theory").get("delta0").asDouble()).isCloseTo(1.9248, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(s.get("meanSquare").get("simulation").asDouble()).isBetween(1.3, 2.6);
        CliRunner.Result j0 = CliRunner.run("compare", "scs", "--n", "300", "--k-in", "60", "--j0", "1", "--out",
                dir.resolve("j0").toString());
        assertThat(j0.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(j0.err()).contains("--j0 must be 0 with --k-in for the comparison");
    }

    @Test
    void badTheoryInput() {
        CliRunner.Result r = CliRunner.run("dmft", "scs", "--g", "-1");
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains("--g must be finite and >= 0");
        CliRunner.Result c = CliRunner.run("compare", "scs", "--realizations", "1");
        assertThat(c.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(c.err()).contains("realizations must be >= 2");
    }
}
