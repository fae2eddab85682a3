package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.junit.jupiter.api.Test;

class NoiseCommandsTest {

    private static JsonNode json(String... args) throws Exception {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void dmftWithWhiteNoise() throws Exception {
        JsonNode j = json("dmft", "scs", "--g", "2", "--phi", "tanh", "--noise", "white:1.0", "--json");
        // WhiteNoiseDmftTest: c0 = 2.091986, λ_max = 0.00814 (chaotic, just above g_c ≈ 1.956)
        assertThat(j.get("delta0").asDouble()).isCloseTo(2.091986, offset(1e-5));
        assertThat(j.get("lambdaMax").asDouble()).isCloseTo(0.00814, offset(1e-4));
        assertThat(j.get("phase").asText()).isEqualTo("chaotic");
        assertThat(j.get("noise").asText()).isEqualTo("white:1.0");
        JsonNode lin = json("dmft", "scs", "--g", "0.6", "--phi", "linear", "--noise", "white:1.0", "--json");
        // linear: c0 = σ²/(2√(1 − g²)) = 0.625
        assertThat(lin.get("delta0").asDouble()).isCloseTo(0.625, offset(1e-10));
        assertThat(lin.get("phase").asText()).isEqualTo("noise-driven");
        // OU noise, linear φ: c0 = σ²/(1 − τ_n²k²)[1/(2k) − τ_n/2], k = √(1 − g²) (OuNoiseDmftTest)
        JsonNode ou = json("dmft", "scs", "--g", "0.6", "--phi", "linear", "--noise", "ou:1.0:0.5", "--json");
        double k = 0.8;
        assertThat(ou.get("delta0").asDouble()).isCloseTo(1 / (1 - 0.25 * k * k) * (1 / (2 * k) - 0.25), offset(1e-4));
        // quenched noise is a static input variance of the autonomous DMFT
        JsonNode q = json("dmft", "scs", "--g", "0.5", "--phi", "tanh", "--noise", "quenched:0.5", "--json");
        assertThat(q.get("phase").asText()).isEqualTo("fixed-point");
        assertThat(q.get("delta0").asDouble()).isGreaterThan(0.25);
    }

    @Test
    void transitionWithWhiteNoise() throws Exception {
        JsonNode t = json("dmft", "transition", "--phi", "tanh", "--noise", "white:1.0", "--json");
        assertThat(t.get("gLocal").asDouble()).isCloseTo(1.49936, offset(1e-4));
        assertThat(t.get("gCritical").asDouble()).isCloseTo(1.9556, offset(2e-3));
        JsonNode none = json("dmft", "transition", "--phi", "tanh", "--json");
        assertThat(none.get("gCritical").asDouble()).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void badNoiseGivesOneLineAndExitCode2() {
        for (String spec : new String[] {"pink:1", "white:-1", "ou:1", "white:abc"}) {
            CliRunner.Result r = CliRunner.run("dmft", "scs", "--noise", spec);
            assertThat(r.code()).as(spec).isEqualTo(Main.EXIT_USAGE);
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
        }
        CliRunner.Result ou = CliRunner.run("dmft", "transition", "--noise", "ou:1:0");
        assertThat(ou.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(ou.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aNoisySolveWithoutBoundedSolutionEndsWithOneLineAndExitCode3() {
        // linear phi with g > 1: the activity diverges, the white-noise DMFT has no bounded solution
        CliRunner.Result r = CliRunner.run("dmft", "scs", "--g", "1.5", "--phi", "linear", "--noise", "white:1");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(r.err().strip()).startsWith("chaoslab: no solution: ").contains("diverges");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void transitionWithOuNoise() throws Exception {
        JsonNode t = json("dmft", "transition", "--phi", "tanh", "--noise", "ou:1.0:0.5", "--json");
        assertThat(t.get("noise").asText()).isEqualTo("ou:1.0:0.5");
        double gc = t.get("gCritical").asDouble();
        double gl = t.get("gLocal").asDouble();
        // coloured noise of the same σ delivers less power (σ²/(1 + τ_n²ω²)), so both lines lie between the noiseless
        // g_c = 1 and the white-noise values (1.9556, 1.49936 above); g_c above the local-stability line (SGH 2018).
        // The τ_n → 0 and σ → 0 limits are checked in OuNoiseTransitionTest (slow).
        assertThat(gl).isBetween(1.0, 1.49936);
        assertThat(gc).isBetween(gl, 1.9556);
        JsonNode at = json("dmft", "scs", "--g", Double.toString(gc), "--phi", "tanh", "--noise", "ou:1.0:0.5", "--json");
        assertThat(at.get("lambdaMax").asDouble()).isCloseTo(0.0, offset(2e-3));
    }
}
