package org.chaoslab.cli.rate;

import org.chaoslab.cli.CliRunner.Result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateRateCommandTest {


    static Result run(String... args) {
        return CliRunner.run(args);
    }

    /** {@code args} followed by {@code more}. */
    private static String[] concat(String[] args, String... more) {
        return Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
    }

    /** Bad input: exit code 2 and one line on stderr that contains {@code expected}. */
    private static void assertOneLineUsageError(Result r, String expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    /**
     * {@code ARGS} again on one thread (into {@code dir/one}): the same seed must give the same network and the same
     * trajectory, final_state.npy to the bit, as the run of {@code ARGS} that wrote {@code dir}.
     */
    private static void assertOneThreadRunsTheSameTrajectory(String[] args, Path dir) throws IOException {
        Path one = dir.resolve("one");
        Result r1 = run(concat(args, "--threads", "1", "--out", one.toString()));
        assertThat(r1.code()).as(r1.err()).isZero();
        assertThat(Npy.readDoubles(one.resolve("final_state.npy")).data())
                .isEqualTo(Npy.readDoubles(dir.resolve("final_state.npy")).data());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"simulate", "--help"}, {"simulate", "rate", "--help"}}) {
            Result r = run(cmd);
            assertThat(r.code()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--n|0|--n must be >= 1",
            "--n|-5|--n must be >= 1",
            "--dt|0|dt must be finite and > 0",
            "--dt|-0.1|dt must be finite and > 0",
            "--g|NaN|--g must be finite",
            "--g|Infinity|--g must be finite",
            "--phi|softsign|phi must be one of",
            "--eta|1.5|eta (coupling symmetry) must be in [-1, 1]",
            "--replicas|0|replicas must be >= 1",
            "--integrator|leapfrog|integrator must be one of",
            "--t|abc|'abc' is not a double",
            "--record|traces|record must be one of all, moments (got 'traces')"})
    void badInputGivesOneLineAndExitCode2(String option, String value, String expected, @TempDir Path dir) {
        assertOneLineUsageError(run("simulate", "rate", option, value, "--out", dir.toString()), expected);
    }

    @Test
    void simulateWritesSummaryArraysAndPlots(@TempDir Path dir) throws Exception {
        Result r = run("simulate", "rate", "--n", "300", "--g", "2", "--phi", "tanh", "--dt", "0.1", "--t", "80",
                "--transient", "20", "--seed", "3", "--replicas", "2", "--acf-max-lag", "10", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JsonOutput.read(dir.resolve("summary.json"));
        assertThat(s.get("status").asText()).isEqualTo("completed");
        assertThat(s.get("results").get("meanSquare").asDouble()).isBetween(1.0, 3.0);
        assertThat(s.get("results").get("network").get("phi").asText()).isEqualTo("tanh");
        assertThat(s.get("seeds").get("master").asLong()).isEqualTo(3);
        assertThat(s.get("metadata").get("chaoslabVersion").asText()).isNotBlank();
        assertThat(s.get("metadata").get("extra").get("blas").asText()).startsWith("blas=");
        for (String f : new String[] {"traces.npy", "autocorrelation_x.npy", "autocorrelation_lags.npy", "final_state.npy",
                "traces.png", "traces.svg", "autocorrelation.png", "autocorrelation.svg"}) {
            assertThat(dir.resolve(f)).exists();
        }
        assertThat(Npy.readDoubles(dir.resolve("final_state.npy")).shape()).containsExactly(2, 300);
        // no temporary files left behind
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("tmp"));
        }
    }

    /**
     * {@code --record moments}: the moments alone. They come from the same pass over the state whatever else is recorded,
     * so they must equal the full run's to the bit (and the trajectory too: recording never feeds back into it).
     */
    @Test
    void recordMomentsWritesTheMomentsAloneWithTheSameValues(@TempDir Path dir) throws Exception {
        String[] args = {"simulate", "rate", "--n", "200", "--g", "2", "--dt", "0.1", "--t", "80", "--transient", "10",
                "--seed", "5", "--acf-max-lag", "10"};
        Path all = dir.resolve("all");
        Path moments = dir.resolve("moments");
        Result full = run(concat(args, "--out", all.toString()));
        assertThat(full.code()).as(full.err()).isZero();
        Result lean = run(concat(args, "--record", "moments", "--out", moments.toString()));
        assertThat(lean.code()).as(lean.err()).isZero();
        assertThat(lean.err()).doesNotContain("warning");
        JsonNode a = JsonOutput.read(all.resolve("summary.json")).get("results");
        JsonNode m = JsonOutput.read(moments.resolve("summary.json")).get("results");
        for (String key : new String[] {"meanSquare", "meanSquareTimeError", "mean", "meanRate", "meanSquareRate"}) {
            assertThat(m.get(key).asDouble()).as(key).isEqualTo(a.get(key).asDouble());
        }
        for (String f : new String[] {"population_mean.npy", "population_variance.npy", "final_state.npy"}) {
            assertThat(Npy.readDoubles(moments.resolve(f)).data()).as(f).isEqualTo(Npy.readDoubles(all.resolve(f)).data());
        }
        try (var files = Files.list(moments)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("summary.json",
                    "population_times.npy", "population_mean.npy", "population_variance.npy", "final_state.npy");
        }
    }

    @Test
    void sparseNetworkRunsAndIsRecorded(@TempDir Path dir) throws Exception {
        String[] args = {"simulate", "rate", "--n", "400", "--k-in", "60", "--g", "2", "--dt", "0.1", "--t", "60",
            "--transient", "20", "--seed", "4", "--acf-max-lag", "10"};
        Result r = run(concat(args, "--out", dir.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JsonOutput.read(dir.resolve("summary.json"));
        JsonNode net = s.get("results").get("network");
        assertThat(net.get("inDegree").asInt()).isEqualTo(60);
        assertThat(net.get("precision").asText()).isEqualTo("float32");
        assertThat(net.get("zeroDiagonal").asBoolean()).isTrue();
        // chaotic at g = 2 (the DMFT's Delta0 = 1.92; a short run of a small network, so only the range)
        assertThat(s.get("results").get("meanSquare").asDouble()).isBetween(1.0, 3.0);
        // the same seed with 1 thread: the same network and the same trajectory
        assertOneThreadRunsTheSameTrajectory(args, dir);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--n 100 --k-in 100|--k-in must be in [1, N - 1] = [1, 99]",
            "--n 100 --k-in 0|--k-in must be in [1, N - 1] = [1, 99]",
            "--n 100 --k-in 10 --eta 0.5|--eta must be 0 with --k-in (sparse couplings pair no reciprocal entries; got 0.5)",
            "--n 10000000 --k-in 100000|--n 10000000 with --k-in 100000 needs about 8.0 TB of memory for the sparse couplings"})
    void badSparseInputGivesOneLineAndExitCode2(String args, String expected, @TempDir Path dir) {
        assertOneLineUsageError(run(("simulate rate " + args + " --out " + dir).split(" ")), expected);
    }

    /** --precision bf16: recorded in the summary; the same seed gives the same network as f64 up to rounding. */
    @Test
    void bfloat16NetworkRunsAndIsRecorded(@TempDir Path dir) throws Exception {
        String[] args = {"simulate", "rate", "--n", "300", "--precision", "bf16", "--g", "2", "--dt", "0.1", "--t", "60",
            "--transient", "20", "--seed", "4", "--acf-max-lag", "10"};
        Result r = run(concat(args, "--out", dir.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JsonOutput.read(dir.resolve("summary.json"));
        assertThat(s.get("results").get("network").get("precision").asText()).isEqualTo("bfloat16");
        assertThat(s.get("parameters").get("precision").asText()).isEqualTo("bf16");
        assertThat(s.get("results").get("meanSquare").asDouble()).isBetween(1.0, 3.0);
        // one thread: the same product bits, the same trajectory
        assertOneThreadRunsTheSameTrajectory(args, dir);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--n 100 --precision bf8|--precision must be f64, f32 or bf16 (got 'bf8')",
            "--n 100 --precision bf16 --float32|--precision must be f32 when --float32 is given (got 'bf16')",
            "--n 100 --precision bf16 --k-in 10|--precision must be f32 or f64 with --k-in",
            "--n 50000|--n must be in [1, 46340] with --precision f64",
            "--n 400000 --precision bf16|--n 400000 with --precision bf16 needs about 320.2 GB of memory for the couplings (N^2 x 2 bytes",
            "--n 400000 --precision f32|or reduce --n: the largest that fits is"})
    void badPrecisionGivesOneLineExitCode2AndNoOutput(String args, String expected, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertOneLineUsageError(run(("simulate rate " + args + " --out " + out).split(" ")), expected);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();                    // no staging directory either
        }
    }

    @Test
    void divergenceExitsWith3AndKeepsOutputs(@TempDir Path dir) throws Exception {
        // linear phi with g = 3 grows like e^{2t}: overflow near t = 355
        Result r = run("simulate", "rate", "--n", "100", "--g", "3", "--phi", "linear", "--dt", "0.1", "--t", "1000",
                "--transient", "0", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(r.err()).contains("diverged").contains("at step");
        JsonNode s = JsonOutput.read(dir.resolve("summary.json"));
        assertThat(s.get("status").asText()).isEqualTo("diverged");
        assertThat(dir.resolve("population_mean.npy")).exists();
    }
}
