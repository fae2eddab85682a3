package org.chaoslab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    static final String SPEC = """
            command: simulate rate
            fixed: {n: 40, t: 10, transient: 5, dt: 0.1, acf-max-lag: 2}
            sweep: {g: [0.5, 1.8]}
            realizations: 2
            seed: 5
            """;

    @TempDir
    Path tmp;

    private Path spec(String text) throws Exception {
        Path p = tmp.resolve("spec-" + Math.abs(text.hashCode()) + ".yaml");
        Files.writeString(p, text);
        return p;
    }

    /** The table without the columns that hold timings (the only ones that differ between equal runs). */
    static List<String> withoutTimings(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] head = lines.getFirst().split(",", -1);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            String h = head[i].toLowerCase(java.util.Locale.ROOT);
            if (!h.contains("wall") && !h.contains("perstep")) {
                keep.add(i);
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            StringBuilder b = new StringBuilder();
            for (int i : keep) {
                b.append(f[i]).append(',');
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void runsEveryTaskIntoOneTableAndResumesWithoutRedoingWork() throws Exception {
        Path spec = spec(SPEC);
        Path dir = tmp.resolve("sweep");
        CliRunner.Result r = CliRunner.run("sweep", spec.toString(), "--out", dir.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 runs: 4 completed, 0 failed, 0 diverged");
        List<String> csv = Files.readAllLines(dir.resolve(SweepTable.CSV));
        assertThat(csv).hasSize(5);
        assertThat(csv.getFirst()).startsWith("id,point,realization,n,t,transient,dt,acf-max-lag,g,seed,status,message,wallSeconds,meanSquare,");
        assertThat(csv.get(1)).startsWith("p0000-r00,0,0,40,10,5,0.1,2,0.5,");      // the spec's values as written
        assertThat(dir.resolve(SweepTable.PARQUET)).isNotEmptyFile();
        assertThat(dir.resolve("points/p0001-r01/summary.json")).isNotEmptyFile();
        // the runs of the table are the command's own: same seed, same numbers
        SweepRow row = SweepJournal.read(dir).get("p0001-r01");
        CliRunner.Result single = CliRunner.run("simulate", "rate", "--n", "40", "--t", "10", "--transient", "5", "--dt", "0.1",
                "--acf-max-lag", "2", "--g", "1.8", "--seed", Long.toString(row.task().seed()), "--out", tmp.resolve("one").toString());
        assertThat(single.code()).isZero();
        assertThat(CliRunner.results(tmp.resolve("one"), "simulate rate").get("meanSquare").asDouble())
                .isEqualTo((Double) row.results().get("meanSquare"));
        List<String> first = withoutTimings(dir.resolve(SweepTable.CSV));

        // rerun: nothing to do
        CliRunner.Result again = CliRunner.run("sweep", spec.toString(), "--out", dir.toString());
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("resuming").contains("4 runs done, 0 to run");

        // a kill while the last row was being written: the partial line is dropped and that run redone
        Path journal = dir.resolve(SweepJournal.FILE);
        List<String> lines = Files.readAllLines(journal);
        String last = lines.getLast();
        Files.writeString(journal, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + last.substring(0, last.length() / 2));
        CliRunner.Result resumed = CliRunner.run("sweep", spec.toString(), "--out", dir.toString(), "--threads", "1");
        assertThat(resumed.code()).isZero();
        assertThat(resumed.err()).contains("3 runs done, 1 to run");
        assertThat(withoutTimings(dir.resolve(SweepTable.CSV))).isEqualTo(first);      // and the thread count changed
    }

    @Test
    void anotherSpecInTheSameDirectoryIsRefusedUnlessForced() throws Exception {
        Path dir = tmp.resolve("sweep");
        assertThat(CliRunner.run("sweep", spec(SPEC).toString(), "--out", dir.toString()).code()).isZero();
        Path changed = spec(SPEC.replace("seed: 5", "seed: 6"));
        CliRunner.Result r = CliRunner.run("sweep", changed.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).endsWith("\nchaoslab: error: --out " + dir + " holds a sweep of another spec (its spec.yaml "
                + "differs in what it computes): add --force to replace it, or choose another directory");
        // comments and layout are not what a spec computes
        Path reformatted = spec("# same sweep, other layout\n" + SPEC.replace("{g: [0.5, 1.8]}", "\n  g: [0.5, 1.8]"));
        assertThat(CliRunner.run("sweep", reformatted.toString(), "--out", dir.toString()).err()).contains("4 runs done, 0 to run");
        assertThat(CliRunner.run("sweep", changed.toString(), "--out", dir.toString(), "--force").code()).isZero();
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThat(CliRunner.run("sweep", changed.toString(), "--out", foreign.toString(), "--force").code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aDivergingPointIsRecordedWithItsMessageAndTheOthersComplete() throws Exception {
        // linear units at g = 3 grow like exp((g - 1) t): past the divergence bound (sum |x| > 1e100) near t = 115
        Path spec = spec("""
                command: simulate rate
                fixed: {n: 30, phi: linear, t: 200, transient: 0, dt: 0.1, acf-max-lag: 2}
                sweep: {g: [0.5, 3]}
                """);
        Path dir = tmp.resolve("div");
        CliRunner.Result r = CliRunner.run("sweep", spec.toString(), "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(r.out()).contains("2 runs: 1 completed, 0 failed, 1 diverged");
        assertThat(r.err()).contains("p0001-r00 (g=3) diverged:");
        Map<String, SweepRow> rows = SweepJournal.read(dir);
        assertThat(rows.get("p0000-r00").status()).isEqualTo(SweepRow.COMPLETED);
        assertThat(rows.get("p0001-r00").status()).isEqualTo(SweepRow.DIVERGED);
        assertThat(rows.get("p0001-r00").message()).containsIgnoringCase("diverged");
    }

    @Test
    void aggregateAndPlotWithTheTheoryCurve() throws Exception {
        Path dir = tmp.resolve("sweep");
        assertThat(CliRunner.run("sweep", spec(SPEC).toString(), "--out", dir.toString()).code()).isZero();
        CliRunner.Result agg = CliRunner.run("sweep", "aggregate", dir.toString(), "--y", "meanSquare");
        assertThat(agg.code()).as(agg.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve(SweepAggregate.CSV));
        assertThat(csv).hasSize(3);
        assertThat(csv.getFirst()).startsWith("point,n,t,transient,dt,acf-max-lag,g,runs,completed,");
        // the mean of the two realizations, from the journal independently
        Map<String, SweepRow> rows = SweepJournal.read(dir);
        double m = ((Double) rows.get("p0001-r00").results().get("meanSquare") + (Double) rows.get("p0001-r01").results().get("meanSquare")) / 2;
        SweepAggregate a = SweepAggregate.of(SweepDirectory.spec(dir), new ArrayList<>(rows.values()));
        assertThat((Double) a.points().get(1).get("meanSquare_mean")).isEqualTo(m);
        assertThat((Long) a.points().get(1).get("meanSquare_n")).isEqualTo(2L);

        CliRunner.Result plot = CliRunner.run("sweep", "plot", dir.toString(), "--x", "g", "--y", "meanSquare", "--theory");
        assertThat(plot.code()).as(plot.err()).isZero();
        assertThat(dir.resolve("plot-meanSquare-vs-g.png")).isNotEmptyFile();
        assertThat(dir.resolve("plot-meanSquare-vs-g.svg")).isNotEmptyFile();
        List<String> data = Files.readAllLines(dir.resolve("plot-meanSquare-vs-g.csv"));
        assertThat(data).hasSize(1 + 2 + SweepPlotCommand.THEORY_POINTS);
        // the theory at g = 0.5 is the silent fixed point, Delta0 = 0 (SCS: g < 1)
        assertThat(data).contains("simulation,theory,0.5,0.0,");
        CliRunner.Result none = CliRunner.run("sweep", "plot", dir.toString(), "--x", "g", "--y", "meanRate", "--theory");
        assertThat(none.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(none.err()).contains("--theory: no theory of meanRate for 'simulate rate'");
        assertThat(CliRunner.run("sweep", "plot", dir.toString(), "--x", "n", "--y", "meanSquare").err())
                .contains("--x n is not a swept parameter of this sweep (swept: [g])");
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNothingWritten() throws Exception {
        Path dir = tmp.resolve("never");
        CliRunner.Result r = CliRunner.run("sweep", spec("command: simulate rate\nfixed: {n: 40}\nsweep: {g: [1, x]}\n").toString(),
                "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).matches("chaoslab: error: \\S+spec-\\d+\\.yaml:3: g: Invalid value for option '--g': 'x' is not a double");
        assertThat(dir).doesNotExist();
        assertThat(CliRunner.run("sweep", tmp.resolve("missing.yaml").toString()).err()).contains("is not a readable file");
        assertThat(CliRunner.run("sweep", spec(SPEC).toString(), "--engine", "dask").err().strip())
                .isEqualTo("chaoslab: error: --engine must be local or spark (got dask)");
    }
}
