package org.chaoslab.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.CliRunner.Result;
import org.chaoslab.cli.Main;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.Npy;
import org.chaoslab.io.NpyDoubles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kernel commands end to end on tiny networks, and their bad inputs. */
class KernelCommandsTest {

    static Result run(String args) {
        return CliRunner.line(args);
    }

    @Test
    void theoryPrintsTheDocumentedKeys() throws Exception {
        Result r = run("kernel theory --model binary --g 1 --s 1 --theta 0 --json --delta-values 0,1,3.14159");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JsonOutput.read(writeTemp(r.out()));
        for (String key : new String[] {"m", "k0", "cZeroPlus", "nugget", "roughnessExponent", "spectrumExponent", "kernel"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        // b = 0: m = 1/2 exactly; K(0+) < K(0): the nugget of discrete units
        assertThat(j.get("m").asDouble()).isEqualTo(0.5);
        assertThat(j.get("nugget").asDouble()).isGreaterThan(0.0);
        assertThat(j.get("kernel").size()).isEqualTo(3);
        Result torus = run("kernel theory --model binary --g 1 --manifold torus:2:8 --fit-ranks 3:40 --json");
        JsonNode tj = JsonOutput.read(writeTemp(torus.out()));
        assertThat(tj.get("manifoldDimension").asInt()).isEqualTo(2);
        assertThat(tj.get("manifoldDifferentiabilityBound").asDouble()).isEqualTo(2.0);
        assertThat(tj.get("manifoldPoints").asInt()).isEqualTo(64);
        // the balanced network: the values of BalancedStimulusKernelTest's paper parameters (docs/kernels.md)
        Result bal = run("kernel theory --model balanced --ne 800 --ni 200 --k 50 --s 0.5 --json");
        JsonNode bj = JsonOutput.read(writeTemp(bal.out()));
        assertThat(bj.get("excitatory").get("m").asDouble()).isCloseTo(0.05394, org.assertj.core.data.Offset.offset(5e-6));
        assertThat(bj.get("nugget").asDouble()).isCloseTo(bj.get("k0").asDouble() - bj.get("cZeroPlus").asDouble(),
                org.assertj.core.data.Offset.offset(1e-12));
        Result rate = run("kernel theory --model rate --phi tanh --g 1.2 --s 0.5 --json");
        assertThat(JsonOutput.read(writeTemp(rate.out())).get("nugget").asDouble()).isLessThan(1e-12);
    }

    @Test
    void simulateSpectrumLearningCurveAndCompareWriteTheirFiles(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim");
        Result s = run("kernel simulate --model binary-sync --n 200 --g 1 --stimuli circle:32 --trials 2 --transient 10 --samples 2 "
                + "--interval 2 --out " + sim);
        assertThat(s.code()).as(s.err()).isZero();
        NpyDoubles resp = Npy.readDoubles(sim.resolve("responses.npy"));
        assertThat(resp.shape()).containsExactly(2, 32, 2, 200);
        JsonNode summary = JsonOutput.read(sim.resolve("summary.json"));
        assertThat(summary.get("command").asText()).isEqualTo("kernel simulate");
        assertThat(summary.get("status").asText()).isEqualTo("completed");
        assertThat(summary.get("results").get("nugget").asDouble()).isPositive();
        assertThat(summary.get("parameters").get("n").asInt()).isEqualTo(200);

        Result sp = run("kernel spectrum " + sim.resolve("responses.npy") + " --cvpca --fit-ranks 2:20 --out " + dir.resolve("sp"));
        assertThat(sp.code()).as(sp.err()).isZero();
        assertThat(Files.exists(dir.resolve("sp/spectrum_cv.npy"))).isTrue();
        assertThat(JsonOutput.read(dir.resolve("sp/summary.json")).get("results").has("cvExponent")).isTrue();

        Result lc = run("kernel learning-curve " + sim.resolve("responses.npy") + " --sizes 4,8 --draws 3 --out " + dir.resolve("lc"));
        assertThat(lc.code()).as(lc.err()).isZero();
        assertThat(Files.readString(dir.resolve("lc/learning_curve.csv"))).startsWith("P,error");

        Result c = run("compare kernel --model binary-sync --n 200 --stimuli circle:16 --realizations 2 --transient 10 --samples 1 "
                + "--roughness-lags 1:4 --out " + dir.resolve("cmp"));
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode cs = JsonOutput.read(dir.resolve("cmp/summary.json"));
        assertThat(cs.get("verdicts").size()).isEqualTo(4);
        assertThat(Files.exists(dir.resolve("cmp/kernel.png"))).isTrue();
    }

    @Test
    void balancedNetworkSimulatesAndComparesThroughTheKernelCommands(@TempDir Path dir) throws Exception {
        Result s = run("kernel simulate --model balanced --ne 400 --ni 100 --k 40 --stimuli circle:8 --transient 5 --samples 3 "
                + "--interval 2 --out " + dir.resolve("sim"));
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(Npy.readDoubles(dir.resolve("sim/responses.npy")).shape()).containsExactly(3, 8, 2, 500);
        JsonNode results = JsonOutput.read(dir.resolve("sim/summary.json")).get("results");
        assertThat(results.get("fieldKernel").asText()).isEqualTo("event-driven counts");
        assertThat(results.get("meanResponse").asDouble()).isBetween(0.0, 1.0);
        Result c = run("compare kernel --model balanced --ne 400 --ni 100 --k 40 --s 0.5 --stimuli circle:8 --realizations 2 "
                + "--transient 5 --samples 1 --out " + dir.resolve("cmp"));
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode cs = JsonOutput.read(dir.resolve("cmp/summary.json"));
        assertThat(cs.get("verdicts").size()).isEqualTo(4);
        assertThat(cs.toString()).contains("K(0)/sqrt(K)");
    }

    @Test
    void divergedRunKeepsTheRecordingsMadeInResponsesNpy(@TempDir Path dir) throws Exception {
        // a linear map with g = 3 grows as 3^t: float64 overflows after about 650 steps, before the second sample
        Result s = run("kernel simulate --model rate-sync --phi linear --g 3 --n 50 --stimuli circle:4 --transient 10 --samples 2 "
                + "--interval 1000 --out " + dir);
        assertThat(s.code()).as(s.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(Npy.readDoubles(dir.resolve("responses.npy")).shape()).containsExactly(1, 4, 2, 50);
        assertThat(JsonOutput.read(dir.resolve("summary.json")).get("status").asText()).isEqualTo("diverged");
    }

    @Test
    void regularizationRunsBothNetworks(@TempDir Path dir) throws Exception {
        Result r = run("kernel regularization --n 100 --stimuli circle:16 --transient 5 --samples 1 --sizes 4,8 --draws 3 "
                + "--fit-ranks 2:10 --out " + dir);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode models = JsonOutput.read(dir.resolve("summary.json")).get("results").get("models");
        assertThat(models.size()).isEqualTo(2);
        assertThat(models.get(1).get("model").asText()).isEqualTo("matched-rate");
        assertThat(models.get(0).get("roughness").size()).isEqualTo(3);
        assertThat(Files.exists(dir.resolve("roughness.png"))).isTrue();
        assertThat(Files.readString(dir.resolve("roughness.csv"))).contains("glauber_t1.00_theory");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("kernel theory --delta-values 4", "--delta-values"),
                Arguments.of("kernel theory --delta-values -0.1", "--delta-values"),
                Arguments.of("kernel theory --model spiking", "--model"),
                Arguments.of("kernel theory --dynamics both", "--dynamics"),
                Arguments.of("kernel theory --model balanced --dynamics sync", "--dynamics"),
                Arguments.of("kernel theory --threshold-noise 0.5", "--threshold-noise"),
                Arguments.of("kernel theory --dynamics async --threshold-noise -1", "sigma"),
                Arguments.of("kernel theory --model balanced --input-model exact", "input model"),
                Arguments.of("kernel theory --g -1", "g"),
                Arguments.of("kernel theory --s NaN", "s"),
                Arguments.of("kernel theory --spectrum-points 3", "points"),
                Arguments.of("kernel theory --fit-ranks 10:5", "--fit-ranks"),
                Arguments.of("kernel theory --manifold torus:9:2", "dimension"),
                Arguments.of("kernel theory --manifold blob:3", "--manifold"),
                Arguments.of("kernel simulate --stimuli circle:0 --out OUT", "--stimuli"),
                Arguments.of("kernel simulate --stimuli square:4 --out OUT", "--stimuli"),
                Arguments.of("kernel simulate --stimuli torus:9:4 --out OUT", "dimension"),
                Arguments.of("kernel simulate --model binary-async --out OUT", "kind"),
                Arguments.of("kernel simulate --trials 0 --out OUT", "trials"),
                Arguments.of("kernel simulate --protocol sometimes --out OUT", "--protocol"),
                Arguments.of("kernel simulate --initial-activity 2 --out OUT", "--initial-activity"),
                Arguments.of("kernel simulate --n 1 --out OUT", "n"),
                Arguments.of("kernel simulate --threads 999 --out OUT", "--threads"),
                Arguments.of("kernel simulate --n 46341 --out OUT", "n"),
                Arguments.of("kernel simulate --precision bf16 --out OUT", "--precision must be f64 or f32"),
                Arguments.of("compare kernel --precision f16 --out OUT", "--precision must be f64, f32 or bf16"),
                Arguments.of("kernel simulate --model rate --dt 2 --out OUT", "dt"),
                Arguments.of("kernel simulate --model balanced --n 500 --out OUT", "--n"),
                Arguments.of("kernel simulate --model balanced --k 0 --out OUT", "k"),
                Arguments.of("compare kernel --model balanced --protocol transient --stimuli circle:16 --out OUT", "balanced"),
                Arguments.of("kernel simulate --stimuli circle:100000 --n 46000 --out OUT", "--stimuli"),
                Arguments.of("kernel spectrum /no/such/file.npy --out OUT", "RESPONSES"),
                Arguments.of("kernel learning-curve /no/such/file.npy --out OUT", "RESPONSES"),
                Arguments.of("compare kernel --realizations 1 --out OUT", "realizations"),
                Arguments.of("compare kernel --stimuli circle:7 --out OUT", "stimuli"),
                Arguments.of("compare kernel --stimuli sphere:2:10 --out OUT", "--stimuli"),
                Arguments.of("compare kernel --trials 1 --out OUT", "trials"),
                Arguments.of("compare kernel --model matched-rate --out OUT", "matched"),
                Arguments.of("compare kernel --roughness-lags 4:200 --stimuli circle:16 --out OUT", "lags"),
                Arguments.of("compare kernel --roughness-lags 5:3 --out OUT", "--roughness-lags must be FROM:TO"),
                Arguments.of("kernel regularization --roughness-lags x --out OUT", "--roughness-lags must be FROM:TO"),
                Arguments.of("kernel regularization --draws 1 --out OUT", "--draws"),
                Arguments.of("kernel regularization --roughness-times 2,1 --out OUT", "--roughness-times"),
                Arguments.of("kernel regularization --stimuli circle:16 --sizes 4,8 --roughness-lags 2:12 --out OUT", "--roughness-lags"),
                Arguments.of("kernel regularization --stimuli circle:16 --sizes 16 --out OUT", "--sizes"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputGetsOneLineNamingTheParameter(String args, String parameter, @TempDir Path base) throws Exception {
        Path out = base.resolve("out");
        Result r = run(args.replace("OUT", out.toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("chaoslab: error:").contains(parameter);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void responsesOfTheWrongShapeAreRefused(@TempDir Path dir) throws Exception {
        Path flat = dir.resolve("flat.npy");
        Npy.write(flat, new double[] {1, 2, 3, 4}, 4);
        Result r = run("kernel spectrum " + flat + " --out " + dir.resolve("o"));
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains("RESPONSES").contains("dimensions");
        Path oneTrial = dir.resolve("one.npy");
        Npy.write(oneTrial, new float[8 * 1 * 5], 8, 1, 5);
        Result cv = run("kernel spectrum " + oneTrial + " --cvpca --out " + dir.resolve("o2"));
        assertThat(cv.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(cv.err()).contains("trials");
        Path ints = dir.resolve("text.npy");
        Files.writeString(ints, "not an npy file");
        Result bad = run("kernel learning-curve " + ints + " --out " + dir.resolve("o3"));
        assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err()).contains("RESPONSES");
    }

    private static Path writeTemp(String content) throws Exception {
        Path p = Files.createTempFile("kernel-theory", ".json");
        Files.writeString(p, content);
        p.toFile().deleteOnExit();
        return p;
    }
}
