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

    /**
     * {@code --same-network --method two-replica}: every g on one realization, all in one batch, two-replica columns
     * only. On the same realization and seeds the QR method's two-replica column (the analyzer's pair along its
     * trajectory, one run per g) is the same estimate up to rounding — of the couplings (J_g drawn at g against g·J₁)
     * and of the state's step —, which over these 30 + 30 + 80 time units grows at most like e^{λt} ≈ e^{0.2·140} at
     * g = 2.5 from 1e-16 to ~1e-4 of the state at the very end and far less on average (TwoReplicaBatchTest measured
     * 6e-10 over 130 units at g = 3): asserted 1e-4 on λ above the transition, 1e-8 below it (contracting).
     */
    @Test
    void sameNetworkTwoReplicaSweepIsOneBatchAndMatchesTheQrRunsPair(@TempDir Path dir) throws Exception {
        Path two = dir.resolve("two");
        Path qr = dir.resolve("qr");
        String[] common = {"lyapunov-sweep", "--g-values", "0.7,2.5", "--n", "150", "--t", "80", "--warmup", "30",
            "--same-network", "--seed", "4"};
        CliRunner.Result r = CliRunner.run(concat(common, "--method", "two-replica", "--out", two.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        CliRunner.Result q = CliRunner.run(concat(common, "--out", qr.toString()));
        assertThat(q.code()).as(q.err()).isZero();
        JsonNode summary = CliRunner.summary(two, "lyapunov-sweep");
        assertThat(summary.get("seeds").get("networks").asText()).startsWith("4 (one realization for every g");
        JsonNode s = summary.get("results");
        assertThat(s.get("method").asText()).isEqualTo("two-replica");
        assertThat(s.get("batched").asBoolean()).isTrue();
        JsonNode qrPoints = CliRunner.summary(qr, "lyapunov-sweep").get("results").get("points");
        for (int i = 0; i < 2; i++) {
            JsonNode p = s.get("points").get(i);
            assertThat(p.get("status").asText()).isEqualTo("completed");
            assertThat(p.get("seed").asLong()).isEqualTo(4);
            assertThat(p.has("lambdaMax")).isFalse();
            double tolerance = i == 0 ? 1e-8 : 1e-4;
            System.out.printf(java.util.Locale.ROOT, "lyapunov-sweep --same-network, g index %d: batched two replicas %.12f, "
                    + "QR run's pair %.12f%n", i, p.get("lambdaMaxTwoReplica").asDouble(),
                    qrPoints.get(i).get("lambdaMaxTwoReplica").asDouble());
            assertThat(p.get("lambdaMaxTwoReplica").asDouble())
                    .isCloseTo(qrPoints.get(i).get("lambdaMaxTwoReplica").asDouble(), org.assertj.core.data.Offset.offset(tolerance));
        }
        assertThat(s.get("points").get(0).get("lambdaMaxTwoReplica").asDouble()).isNegative();
        assertThat(Files.readAllLines(two.resolve("lambda_max_vs_g.csv")).getFirst())
                .isEqualTo("g,lambdaMaxDmft,lambdaMaxTwoReplica,lambdaMaxTwoReplicaCi95");
        assertThat(two.resolve("lambda_max_vs_g.svg")).exists();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
