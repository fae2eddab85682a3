package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.chaoslab.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LyapunovSweepCommandTest {

    @Test
    void sweepWritesTheoryBesideSimulation(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("lyapunov-sweep", "--g-values", "0.7,2.5", "--n", "150", "--t", "80", "--warmup", "30",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = CliRunner.summary(dir, "lyapunov-sweep");
        assertThat(summary.get("parameters").get("n").asInt()).isEqualTo(150);
        assertThat(summary.get("seeds").get("networks").asText()).startsWith("1 .. 2");
        JsonNode s = summary.get("results");
        JsonNode below = s.get("points").get(0);
        JsonNode above = s.get("points").get(1);
        // below the transition: circular law -1 + g = -0.3; the QR estimate of one network agrees within its CI plus
        // the O(N^-1/2) spread of the spectral edge of J (0.7/sqrt(150) ~ 0.06)
        assertThat(below.get("lambdaMaxDmft").asDouble()).isCloseTo(-0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.abs(below.get("lambdaMax").asDouble() + 0.3)).isLessThan(below.get("lambdaMaxCi").asDouble() + 0.1);
        assertThat(above.get("lambdaMax").asDouble()).isPositive();
        assertThat(Files.readAllLines(dir.resolve("lambda_max_vs_g.csv"))).hasSize(3);
        assertThat(dir.resolve("lambda_max_vs_g.png")).exists();
    }
}
