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
}
