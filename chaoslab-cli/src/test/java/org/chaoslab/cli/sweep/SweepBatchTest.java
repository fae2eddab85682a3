package org.chaoslab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.chaoslab.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A g-sweep whose points share their realizations runs as batches (one matrix product per step for all gains of a
 * realization) and gives the unbatched runs' statistics: to rounding below the transition (the couplings g·J₁ and
 * J_g differ in the last bits; contracting dynamics does not amplify that), within the statistical error above it
 * (chaos amplifies the rounding, so trajectories part and only the time averages agree).
 */
class SweepBatchTest {

    @TempDir
    Path tmp;

    @Test
    void batchedAndUnbatchedSweepsAgree() throws Exception {
        Path spec = tmp.resolve("g.yaml");
        Files.writeString(spec, """
                command: simulate rate
                fixed: {n: 150, t: 150, transient: 20, dt: 0.1, input: 0.3, acf-max-lag: 2}
                sweep: {g: [0.3, 0.6, 0.9, 1.8, 2.6]}
                realizations: 2
                seed: 4
                same-realization-across: [g]
                """);
        CliRunner.Result batched = CliRunner.run("sweep", spec.toString(), "--out", tmp.resolve("b").toString());
        assertThat(batched.code()).as(batched.err()).isZero();
        CliRunner.Result single = CliRunner.run("sweep", spec.toString(), "--out", tmp.resolve("s").toString(), "--no-batch");
        assertThat(single.code()).as(single.err()).isZero();
        Map<String, SweepRow> b = SweepJournal.read(tmp.resolve("b"));
        Map<String, SweepRow> s = SweepJournal.read(tmp.resolve("s"));
        assertThat(b).hasSize(10);
        int chaotic = 0;
        for (String id : s.keySet()) {
            SweepRow rb = b.get(id);
            SweepRow rs = s.get(id);
            assertThat(rb.task().seed()).isEqualTo(rs.task().seed());
            assertThat(rb.results()).containsEntry("batched", true);
            assertThat(rs.results()).doesNotContainKey("batched");
            double g = ((Number) rs.task().parameters().get("g")).doubleValue();
            double mb = (Double) rb.results().get("meanSquare");
            double ms = (Double) rs.results().get("meanSquare");
            if (g < 1) {
                assertThat(Math.abs(mb - ms)).as("g = %s", g).isLessThanOrEqualTo(1e-10 * Math.abs(ms));
            } else {
                double se = Math.hypot((Double) rb.results().get("meanSquareTimeError"), (Double) rs.results().get("meanSquareTimeError"));
                assertThat(Math.abs(mb - ms)).as("g = %s", g).isLessThan(4 * se);
                chaotic++;
            }
            assertThat(rb.results().get("recordedSteps")).isEqualTo(rs.results().get("recordedSteps"));
        }
        assertThat(chaotic).isEqualTo(4);
        // the batched points share their realization: realization r has one seed for every g
        assertThat(b.get("p0000-r01").task().seed()).isEqualTo(b.get("p0004-r01").task().seed());
    }

    /**
     * A g-sweep of {@code lyapunov --method two-replica} with shared realizations runs as batches (every point a
     * trajectory pair of one product per stage) and gives the unbatched runs' estimates: to rounding below the transition
     * (asserted 1e-8: the replica's log growths carry the state's roundings against its separation of 1e-8 per unit;
     * LyapunovBatchTest), within the combined 95% half-widths above it (the trajectories part once the rounding has
     * grown like e^{λt}; 1.5·√(h₁² + h₂²) ≈ 3 SE). The QR method of the same sweep is not batched.
     */
    @Test
    void batchedAndUnbatchedTwoReplicaSweepsAgree() throws Exception {
        Path spec = tmp.resolve("lyap.yaml");
        Files.writeString(spec, """
                command: lyapunov
                fixed: {n: 120, t: 150, warmup: "30:10", dt: 0.1, method: two-replica, batches: 10}
                sweep: {g: [0.5, 0.9, 2.5, 3.5]}
                realizations: 2
                seed: 6
                same-realization-across: [g]
                """);
        CliRunner.Result batched = CliRunner.run("sweep", spec.toString(), "--out", tmp.resolve("lb").toString());
        assertThat(batched.code()).as(batched.err()).isZero();
        CliRunner.Result single = CliRunner.run("sweep", spec.toString(), "--out", tmp.resolve("ls").toString(), "--no-batch");
        assertThat(single.code()).as(single.err()).isZero();
        Map<String, SweepRow> b = SweepJournal.read(tmp.resolve("lb"));
        Map<String, SweepRow> s = SweepJournal.read(tmp.resolve("ls"));
        assertThat(b).hasSize(8);
        for (String id : s.keySet()) {
            SweepRow rb = b.get(id);
            SweepRow rs = s.get(id);
            assertThat(rb.status()).isEqualTo(SweepRow.COMPLETED);
            assertThat(rb.task().seed()).isEqualTo(rs.task().seed());
            assertThat(rb.results()).containsEntry("batched", true);
            assertThat(rs.results()).doesNotContainKey("batched");
            // the command's own keys (plus batched), named as in its summary
            assertThat(rb.results().keySet()).containsAll(rs.results().keySet());
            assertThat(rb.results().get("run_method")).isEqualTo("two-replica");
            double g = ((Number) rs.task().parameters().get("g")).doubleValue();
            double lb = (Double) rb.results().get("lambdaMaxTwoReplica");
            double ls = (Double) rs.results().get("lambdaMaxTwoReplica");
            assertThat(rb.results().get("lambdaMaxDmft")).isEqualTo(rs.results().get("lambdaMaxDmft"));
            System.out.printf(java.util.Locale.ROOT, "sweep of lyapunov --method two-replica, %s (g = %s): batched %.10f +- %.5f, "
                    + "unbatched %.10f +- %.5f%n", id, g, lb, rb.results().get("lambdaMaxTwoReplicaCi"), ls,
                    rs.results().get("lambdaMaxTwoReplicaCi"));
            if (g < 1) {
                assertThat(Math.abs(lb - ls)).as("g = %s", g).isLessThan(1e-8);
            } else {
                double h = Math.hypot((Double) rb.results().get("lambdaMaxTwoReplicaCi"),
                        (Double) rs.results().get("lambdaMaxTwoReplicaCi"));
                assertThat(Math.abs(lb - ls)).as("g = %s", g).isLessThan(1.5 * h);
            }
        }
        // every point has its directory: a batched one holds its summary (command line, seed, results, batched), an
        // unbatched one the command's own outputs
        var point = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                tmp.resolve("lb").resolve("points").resolve("p0000-r00").resolve("summary.json").toFile());
        assertThat(point.get("batched").asBoolean()).isTrue();
        assertThat(point.get("seed").asLong()).isEqualTo(b.get("p0000-r00").task().seed());
        assertThat(point.get("command").asText()).startsWith("chaoslab lyapunov").contains("--method two-replica")
                .contains("--seed " + b.get("p0000-r00").task().seed()).doesNotContain("--out");
        assertThat(point.get("results").get("lambdaMaxTwoReplica").asDouble())
                .isEqualTo((Double) b.get("p0000-r00").results().get("lambdaMaxTwoReplica"));
        assertThat(tmp.resolve("ls").resolve("points").resolve("p0000-r00").resolve("summary.json")).exists();
    }
}
