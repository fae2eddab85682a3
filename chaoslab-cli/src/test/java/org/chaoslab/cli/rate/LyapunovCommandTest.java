package org.chaoslab.cli.rate;

import org.chaoslab.cli.CliRunner.Result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.chaoslab.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LyapunovCommandTest {

    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");


    /** Runs {@code chaoslab lyapunov ...}. */
    static Result run(String... args) {
        NETLIB_LOG.setLevel(Level.WARNING);
        String[] full = new String[args.length + 1];
        full[0] = "lyapunov";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRunner.run(full);
    }

    @Test
    void writesSummaryArraysAndPlots(@TempDir Path dir) throws Exception {
        Result r = run("--n", "120", "--g", "3", "--k", "40", "--t", "60", "--dt", "0.1", "--ons", "1", "--warmup", "30:10",
                "--seed", "2", "--integrator", "rk4", "--threads", "2", "--batches", "10", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lambda_max = ");
        JsonNode summary = CliRunner.summary(dir, "lyapunov");
        assertThat(summary.get("status").asText()).isEqualTo("completed");
        assertThat(summary.get("seeds").get("master").asLong()).isEqualTo(2);
        assertThat(summary.get("seeds").get("network").asLong()).isEqualTo(2);
        assertThat(summary.get("seeds").get("ons").asText()).isEqualTo("2/ons");
        assertThat(summary.get("metadata").get("extra").get("blas").asText()).startsWith("blas=");
        JsonNode s = summary.get("results");
        // g = 3: chaotic (DMFT λ_max = 0.235; N = 120 and T = 60 give a rough estimate)
        assertThat(s.get("lambdaMax").asDouble()).isBetween(0.1, 0.4);
        // one trajectory, two estimators: they agree within their (wide, T = 60) intervals
        assertThat(Math.abs(s.get("lambdaMax").asDouble() - s.get("lambdaMaxTwoReplica").asDouble()))
                .isLessThan(s.get("lambdaMaxCi").asDouble() + s.get("lambdaMaxTwoReplicaCi").asDouble());
        for (String key : new String[] {"lambdaMaxCi", "kaplanYorke", "kaplanYorkePerN", "entropyRate", "entropyRatePerN",
                "meanJacobianTrace", "sumOfExponents"}) {
            assertThat(s.get(key).isNumber()).as(key).isTrue();
        }
        assertThat(s.get("kaplanYorkePerN").asDouble()).isCloseTo(s.get("kaplanYorke").asDouble() / 120, org.assertj.core.data.Offset.offset(1e-12));
        // the DMFT value beside it (published 0.2354606 for g = 3)
        assertThat(s.get("lambdaMaxDmft").asDouble()).isCloseTo(0.2354606, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(s.get("k").asInt()).isEqualTo(40);
        assertThat(s.get("network").get("n").asInt()).isEqualTo(120);
        assertThat(s.get("run").get("seed").asLong()).isEqualTo(2);
        assertThat(s.get("run").get("networkSeed").asLong()).isEqualTo(2);
        assertThat(s.get("run").get("onsStream").asText()).isEqualTo("2/ons");
        assertThat(s.get("run").get("warmupOns").asDouble()).isEqualTo(10.0);
        assertThat(s.get("run").get("tangentPrecision").asText()).isEqualTo("float64");
        // the random initial system is ill-conditioned (Householder); after it, Cholesky QR does every step here
        assertThat(s.get("householderFallbacks").asLong()).isBetween(0L, 1L);
        assertThat(s.get("choleskySecondPasses").isNumber()).isTrue();
        assertThat(Npy.readDoubles(dir.resolve("spectrum.npy")).shape()).containsExactly(40);
        assertThat(Npy.readDoubles(dir.resolve("spectrum_ci.npy")).shape()).containsExactly(40);
        assertThat(Npy.readDoubles(dir.resolve("convergence.npy")).shape()).containsExactly(60, 40);
        assertThat(Npy.readDoubles(dir.resolve("convergence_times.npy")).shape()).containsExactly(60);
        assertThat(Npy.readDoubles(dir.resolve("spectrum.npy")).data()[0]).isEqualTo(s.get("lambdaMax").asDouble());
        for (String f : new String[] {"spectrum.png", "spectrum.svg", "convergence.png", "convergence.svg"}) {
            assertThat(dir.resolve(f)).exists();
            assertThat(summary.get("files").toString()).contains(f);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--k|0|--k must be in [1, n = 50]",
            "--k|51|--k must be in [1, n = 50]",
            "--warmup|-1|--warmup must be STATE or STATE:ONS",
            "--warmup|10:x|--warmup must be STATE or STATE:ONS",
            "--ons|0.01|t-ons must be >= dt",
            "--t|1|t (accumulation time) must span at least 2",
            "--integrator|leapfrog|integrator must be one of",
            "--batches|1|batches must be >= 2",
            "--tangent-precision|float16|--tangent-precision must be float64 or float32"})
    void badInputGivesOneLineAndExitCode2(String option, String value, String expected, @TempDir Path dir) {
        Result r = run("--n", "50", option, value, "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void divergenceGivesExitCode3AndASummary(@TempDir Path dir) throws Exception {
        // linear φ with g = 3: x grows like e^{2t} and overflows during the transient
        Result r = run("--n", "40", "--g", "3", "--phi", "linear", "--k", "2", "--warmup", "500:0", "--t", "10",
                "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(r.err()).contains("diverged");
        JsonNode s = CliRunner.summary(dir, "lyapunov");
        assertThat(s.get("status").asText()).isEqualTo("diverged");
        assertThat(s.get("results").has("lambdaMax")).isFalse();
        assertThat(s.get("results").get("message").asText()).contains("diverged");
        assertThat(s.get("results").get("k").asInt()).isEqualTo(2);
    }

    /**
     * {@code --method two-replica}: the two-replica estimate alone, summary.json only, with the QR method's keys for
     * that estimate. Along one trajectory (same seeds) it is the QR run's two-replica value up to the rounding of the
     * state's step (the analyzer folds the integrator's update into its product's α and β; TwoReplicaBatchTest):
     * at g = 3 over 20 + 10 + 60 time units that rounding grows by e^{λt} ≈ e^{0.2·90} ≈ 7e7 at most, to ~1e-8 of the
     * state at the end, so the two agree to far better than 1e-5 (asserted).
     */
    @Test
    void twoReplicaMethodWritesItsEstimateAlone(@TempDir Path dir) throws Exception {
        String[] common = {"--n", "120", "--g", "3", "--t", "60", "--dt", "0.1", "--warmup", "20:10", "--seed", "2",
            "--threads", "2", "--batches", "10"};
        Path qrDir = dir.resolve("qr");
        Path twoDir = dir.resolve("two");
        Result qr = run(concat(common, "--k", "2", "--out", qrDir.toString()));
        Result two = run(concat(common, "--method", "two-replica", "--k", "9999", "--out", twoDir.toString()));
        assertThat(qr.code()).as(qr.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        assertThat(two.out()).contains("lambda_max = ").contains("(two replicas)").contains("DMFT 0.23546");
        JsonNode s = CliRunner.summary(twoDir, "lyapunov").get("results");
        JsonNode q = CliRunner.summary(qrDir, "lyapunov").get("results");
        assertThat(s.get("lambdaMaxTwoReplica").asDouble()).isCloseTo(q.get("lambdaMaxTwoReplica").asDouble(),
                org.assertj.core.data.Offset.offset(1e-5));
        assertThat(s.get("lambdaMaxTwoReplicaCi").asDouble()).isPositive();
        assertThat(s.get("lambdaMaxDmft").asDouble()).isEqualTo(q.get("lambdaMaxDmft").asDouble());
        assertThat(s.get("renormalizations").asLong()).isEqualTo(60);
        assertThat(s.get("batches").asInt()).isEqualTo(10);
        assertThat(s.has("lambdaMax")).isFalse();
        assertThat(s.has("k")).isFalse();
        assertThat(s.get("run").get("method").asText()).isEqualTo("two-replica");
        assertThat(s.get("run").get("d0").asDouble()).isEqualTo(q.get("run").get("d0").asDouble());
        assertThat(s.get("run").get("replicaStream").asText()).isEqualTo("2/replica");
        JsonNode seeds = CliRunner.summary(twoDir, "lyapunov").get("seeds");
        assertThat(seeds.has("ons")).isFalse();
        assertThat(seeds.get("replica").asText()).isEqualTo("2/replica");
        assertThat(twoDir.resolve("spectrum.npy")).doesNotExist();
        // a diverging pair: exit code 3 and a summary, as the QR method
        Path bad = dir.resolve("bad");
        Result d = run("--n", "40", "--g", "3", "--phi", "linear", "--method", "two-replica", "--warmup", "50:0", "--t", "10",
                "--out", bad.toString());
        assertThat(d.code()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(d.err()).contains("diverged");
        assertThat(CliRunner.summary(bad, "lyapunov").get("status").asText()).isEqualTo("diverged");
        assertThat(CliRunner.summary(bad, "lyapunov").get("results").get("message").asText()).contains("diverged");
        // a bad method: one line, exit code 2
        Result m = run("--n", "50", "--method", "lanczos", "--out", dir.resolve("m").toString());
        assertThat(m.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(m.err().strip()).contains("--method must be qr or two-replica (got 'lanczos')").doesNotContain("\n");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void hasHelp() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage:").contains("--warmup").contains("--k").contains("--method");
    }
}
