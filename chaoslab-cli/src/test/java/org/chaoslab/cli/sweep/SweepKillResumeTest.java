package org.chaoslab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL at random moments (after random progress, plus a random delay), then resumed, ends with the table of an uninterrupted run: no
 * completed run lost or run twice into the table, no half-written file left. The sweep runs in a child JVM (the same
 * class path as this test), killed by {@link Process#destroyForcibly()} (SIGKILL on Linux: no shutdown hook runs).
 */
class SweepKillResumeTest {

    static final String SPEC = """
            command: simulate rate
            fixed: {n: 120, t: 150, transient: 10, dt: 0.1, acf-max-lag: 5}
            sweep: {g: [0.6, 1.4, 2.2]}
            realizations: 4
            seed: 11
            """;

    @TempDir
    Path tmp;

    private Process start(Path spec, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), "org.chaoslab.cli.Main", "sweep", spec.toString(), "--out",
                dir.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    @Test
    void killedAtRandomMomentsThenResumedGivesTheUninterruptedTable() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path reference = tmp.resolve("reference");
        Process whole = start(spec, reference);
        assertThat(whole.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).isZero();
        List<String> expected = SweepCommandTest.withoutTimings(reference.resolve(SweepTable.CSV));
        assertThat(expected).hasSize(13);

        Path dir = tmp.resolve("killed");
        Random random = new Random(20261206L);
        int kills = 0;
        List<Integer> doneAfterKill = new ArrayList<>();
        for (int attempt = 0; attempt < 12; attempt++) {
            int before = SweepJournal.read(dir).size();
            Process p = start(spec, dir);
            // kill by progress, not by the clock (a fast machine finished the whole sweep between two clock-timed kills):
            // once the child has journaled 1-2 more runs, wait 0-400 ms more — inside the next run (each takes
            // ~0.1-1 s) or between runs — and kill it, as long as at least 3 runs are left for the next attempt
            int target = before + 1 + random.nextInt(2);
            boolean finished = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(finished = p.waitFor(20, TimeUnit.MILLISECONDS)) && SweepJournal.read(dir).size() < target
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (!finished && SweepJournal.read(dir).size() <= 12 - 3) {
                finished = p.waitFor(random.nextInt(400), TimeUnit.MILLISECONDS);
            } else if (!finished) {
                // too little left to interrupt meaningfully: let it finish
                finished = p.waitFor(240, TimeUnit.SECONDS);
            }
            if (finished) {
                assertThat(p.exitValue()).isZero();
                break;
            }
            p.destroyForcibly().waitFor();
            kills++;
            // every row in the journal is whole (a last line cut by the kill is ignored) and appears once
            List<String> ids = SweepJournal.read(dir).keySet().stream().toList();
            assertThat(ids).doesNotHaveDuplicates();
            doneAfterKill.add(ids.size());
            if (Files.exists(dir.resolve(SweepTable.CSV))) {
                // a table is only ever there whole (it is written atomically at the end of a run)
                assertThat(Files.readAllLines(dir.resolve(SweepTable.CSV))).hasSize(13);
            }
        }
        assertThat(kills).as("the sweep was interrupted at least twice").isGreaterThanOrEqualTo(2);
        if (!Files.exists(dir.resolve(SweepTable.CSV)) || SweepJournal.read(dir).size() < 12) {
            Process last = start(spec, dir);
            assertThat(last.waitFor(240, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).isZero();
        }
        assertThat(SweepCommandTest.withoutTimings(dir.resolve(SweepTable.CSV))).isEqualTo(expected);
        // nothing half-written is left: no temporary files, no staging directories of runs
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.contains(".partial")))
                    .isEmpty();
        }
        System.out.println("SweepKillResumeTest: " + kills + " kills; rows journaled after each: " + doneAfterKill);
    }
}
