package org.chaoslab.cli.deep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deepnet verbs through the real command line (exit codes, one-line errors, files). */
class DeepnetCommandTest {

    static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void mapsJsonHasTheContractKeys() throws Exception {
        CliRunner.Result r = run("deepnet", "maps", "--sigma-w2", "2.0", "--sigma-b2", "0.05", "--phi", "tanh", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"qStar", "cStar", "chi1", "xiC", "xiQ", "phase", "chiC", "convergenceDepth"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("phase").asText()).isEqualTo("chaotic");
        assertThat(j.get("chi1").asDouble()).isGreaterThan(1.0);
        assertThat(j.get("cStar").asDouble()).isBetween(0.0, 1.0);
        // ReLU beyond sigma_w^2 = 2: no fixed point, reported (q* written as null), exit 0
        JsonNode relu = new ObjectMapper().readTree(run("deepnet", "maps", "--phi", "relu", "--sigma-w2", "3", "--json").out());
        assertThat(relu.get("phase").asText()).isEqualTo("unbounded");
        assertThat(relu.get("qStar").isNull()).isTrue();
        assertThat(relu.get("note").asText()).contains("no fixed point");
    }

    @Test
    void mapsWritesLayersWhenAskedTo(@TempDir Path dir) throws Exception {
        CliRunner.Result r = run("deepnet", "maps", "--sigma-w2", "1.5", "--depth", "12", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ordered");
        assertThat(Files.readAllLines(dir.resolve("layers.csv"))).hasSize(13);
        assertThat(Npy.readDoubles(dir.resolve("q.npy")).shape()).containsExactly(12);
        JsonNode j = CliRunner.summary(dir, "deepnet maps");
        assertThat(j.get("results").get("phase").asText()).isEqualTo("ordered");
        assertThat(j.get("results").get("network").get("depth").asInt()).isEqualTo(12);
        assertThat(j.get("parameters").get("sigma-w2").asDouble()).isEqualTo(1.5);
        assertThat(j.get("metadata").get("chaoslabVersion").asText()).isNotBlank();
        assertThat(j.get("metadata").get("extra").get("blas").asText()).startsWith("blas=");
    }

    @Test
    void boundaryWritesCsvAndPlot(@TempDir Path dir) throws Exception {
        CliRunner.Result r = run("deepnet", "boundary", "--phi", "tanh", "--sigma-b2-max", "1", "--points", "11", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("boundary.csv"));
        assertThat(csv.get(0)).isEqualTo("sigma_b2,sigma_w2,q_star,chi1");
        assertThat(csv).hasSize(12);
        // first row: sigma_b^2 = 0, where the boundary of tanh is sigma_w^2 = 1 (see OrderChaosTest for the tolerance)
        assertThat(Double.parseDouble(csv.get(1).split(",")[1])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(dir.resolve("boundary.png")).exists();
        assertThat(dir.resolve("boundary.svg")).exists();
        JsonNode s = CliRunner.summary(dir, "deepnet boundary");
        assertThat(s.get("metadata").get("extra").get("blas").asText()).startsWith("blas=");
        assertThat(s.get("results").get("pointsWithoutCrossing").asInt()).isZero();
        assertThat(s.get("parameters").get("points").asInt()).isEqualTo(11);
    }

    @Test
    void phaseDiagramWritesGridsHeatmapsAndTiming(@TempDir Path dir) throws Exception {
        CliRunner.Result r = run("deepnet", "phase-diagram", "--resolution", "24", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Npy.readDoubles(dir.resolve("chi1.npy")).shape()).containsExactly(24, 24);
        assertThat(Npy.readDoubles(dir.resolve("xi_c.npy")).shape()).containsExactly(24, 24);
        for (String f : new String[] {"chi1.png", "chi1.svg", "xi_c.png", "xi_c.svg", "c_star.png", "sigma_w2.npy", "sigma_b2.npy"}) {
            assertThat(dir.resolve(f)).exists();
        }
        JsonNode s = CliRunner.results(dir, "deepnet phase-diagram");
        assertThat(s.get("gridSeconds").asDouble()).isPositive();
        assertThat(s.get("ordered").asInt() + s.get("chaotic").asInt() + s.get("critical").asInt()
                + s.get("unbounded").asInt()).isEqualTo(24 * 24);
        assertThat(s.get("ordered").asInt()).isPositive();
        assertThat(s.get("chaotic").asInt()).isPositive();
    }

    @Test
    void simulateAndCompareWriteSummariesArraysAndPlots(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim");
        CliRunner.Result r = run("deepnet", "simulate", "--width", "200", "--depth", "6", "--sigma-w2", "2.5", "--realizations", "2",
                "--pairs", "4", "--circle-points", "64", "--seed", "3", "--out", sim.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary0 = CliRunner.summary(sim, "deepnet simulate");
        assertThat(summary0.get("status").asText()).isEqualTo("completed");
        assertThat(summary0.get("seeds").get("master").asLong()).isEqualTo(3);
        assertThat(summary0.get("seeds").get("realizations").asText()).isEqualTo("3 .. 4");
        assertThat(summary0.get("seeds").get("streams").toString()).contains("weights/layer/l/i");
        assertThat(summary0.get("metadata").get("extra").get("blas").asText()).startsWith("blas=");
        JsonNode s = summary0.get("results");
        assertThat(s.get("network").get("seed").asLong()).isEqualTo(3);
        assertThat(s.get("layers").get("q").size()).isEqualTo(6);
        assertThat(Npy.readDoubles(sim.resolve("q.npy")).shape()).containsExactly(2, 6);
        assertThat(sim.resolve("circle.png")).exists();

        Path cmp = dir.resolve("cmp");
        CliRunner.Result c = run("deepnet", "compare", "--width", "300", "--depth", "6", "--sigma-w2", "2.5", "--realizations", "3",
                "--pairs", "4", "--circle-points", "600", "--out", cmp.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("max |z|");
        JsonNode summary = JsonOutput.read(cmp.resolve("summary.json"));
        // q, c, Jacobian, curvature and length growth
        CliRunner.assertSchemaAndVerdicts(summary, new CliRunner.Result(c.code(), c.out(), c.err()),
                "deepnet compare", 5);
        assertThat(c.out()).contains("verdict: q^l at layer ").contains("verdict: circle length growth per layer ");
        assertThat(summary.get("verdicts").get(0).get("basis").asText()).contains("Student t, 2 dof, Bonferroni over the 3L = 18")
                .contains("2(1 + xi)/N");
        // three realizations: the Student t tolerance is wide, and said so
        assertThat(summary.get("warnings").toString()).contains("--realizations 3").contains("42.4 standard errors");
        assertThat(c.err()).contains("chaoslab: warning: --realizations 3");
        assertThat(summary.get("seeds").get("master").asLong()).isEqualTo(1);
        JsonNode j = summary.get("results");
        assertThat(j.get("theory").get("phase").asText()).isEqualTo("chaotic");
        assertThat(j.get("q").get("zScore").size()).isEqualTo(6);
        assertThat(j.get("lengthGrowth").get("standardError").asDouble()).isPositive();
        for (String f : new String[] {"comparison.png", "comparison.svg", "circle.png", "layers.csv", "theory_q.npy"}) {
            assertThat(cmp.resolve(f)).exists();
        }
        assertThat(numpyLoadsAll(sim, cmp)).isTrue();
        try (var files = Files.list(cmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("tmp"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maps|--sigma-w2|0|sigma-w2 must be finite and > 0",
            "maps|--sigma-b2|-1|sigma-b2 must be finite and >= 0",
            "maps|--keep|1.5|keep (dropout keep probability) must be in (0, 1]",
            "maps|--phi|softsign|phi must be one of",
            "simulate|--width|0|width must be >= 1",
            "simulate|--circle-points|5|circle-points must be 0 (no circle) or >= 16",
            "simulate|--c0|2|c0 must be in [-1, 1]",
            "compare|--realizations|1|realizations must be >= 2",
            "phase-diagram|--resolution|1|resolution must be >= 2",
            "boundary|--sigma-b2-max|-1|sigma-b2-max must be finite and > sigma-b2-min",
            "maps|--depth|abc|'abc' is not an int"})
    void badInputGivesOneLineAndExitCode2(String verb, String option, String value, String expected, @TempDir Path dir) {
        CliRunner.Result r = run("deepnet", verb, option, value, "--out", dir.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void divergenceExitsWith3() throws Exception {
        CliRunner.Result r = run("deepnet", "simulate", "--phi", "linear", "--sigma-w2", "1e20", "--sigma-b2", "0", "--width", "50",
                "--depth", "40", "--realizations", "1", "--circle-points", "0", "--out",
                System.getProperty("java.io.tmpdir") + "/chaoslab-deepnet-diverge-" + ProcessHandle.current().pid());
        assertThat(r.code()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(r.err()).contains("diverged");
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "chaoslab-deepnet-diverge-" + ProcessHandle.current().pid());
        JsonNode s = CliRunner.summary(out, "deepnet simulate");
        assertThat(s.get("status").asText()).isEqualTo("diverged");
        assertThat(s.get("results").get("problems").toString()).contains("diverged");
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : new String[] {"maps", "boundary", "phase-diagram", "simulate", "compare"}) {
            CliRunner.Result r = run("deepnet", verb, "--help");
            assertThat(r.code()).as(verb).isZero();
            assertThat(r.out()).contains("Usage:");
        }
        assertThat(run("deepnet").out()).contains("phase-diagram");
    }

    /** numpy.load reads every .npy written (skipped, i.e. true, when python3 with numpy is absent). */
    private static boolean numpyLoadsAll(Path... dirs) throws Exception {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return true;
            }
        } catch (java.io.IOException e) {
            return true;
        }
        String script = String.join("\n", "import glob, sys, numpy as np",
                "for d in sys.argv[1:]:",
                "    for f in glob.glob(d + '/*.npy'):",
                "        a = np.load(f)",
                "        assert a.size > 0, f",
                "print('ok')");
        String[] cmd = new String[2 + 1 + dirs.length];
        cmd[0] = "python3";
        cmd[1] = "-c";
        cmd[2] = script;
        for (int i = 0; i < dirs.length; i++) {
            cmd[3 + i] = dirs[i].toString();
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return done && p.exitValue() == 0 && out.contains("ok");
    }
}
