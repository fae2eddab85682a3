package org.chaoslab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chaoslab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same spec through {@code chaoslab sweep} on both engines: the local one and Spark ({@code local[2]}) give the same
 * table value for value — every parameter, seed, status, message and result — except the columns that hold timings.
 */
class SparkSweepCommandTest {

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /** The table's lines without the timing columns (wallSeconds, result_wallSeconds, msPerStep). */
    private static List<String> withoutTimings(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.getFirst().split(",", -1);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < head.length; i++) {
                String h = head[i].toLowerCase(Locale.ROOT);
                if (!h.contains("wall") && !h.contains("perstep")) {
                    b.append(f[i]).append(',');
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void localAndSparkEnginesGiveTheSameTable() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, """
                command: simulate rate
                fixed: {n: 60, t: 20, transient: 5, dt: 0.1, acf-max-lag: 2}
                sweep: {g: [0.5, 1.5, 2.5], phi: [tanh, linear]}
                realizations: 2
                seed: 3
                """);
        String[] local = run("sweep", spec.toString(), "--out", tmp.resolve("local").toString());
        assertThat(local[0]).as(local[2]).isIn("0", "3");
        String[] spark = run("sweep", spec.toString(), "--out", tmp.resolve("spark").toString(), "--engine", "spark",
                "--master", "local[2]", "--conf", "spark.task.maxFailures=2");
        assertThat(spark[0]).as(spark[2]).isEqualTo(local[0]);
        assertThat(spark[2]).contains("12 runs, 1 thread(s) each");
        List<String> a = withoutTimings(tmp.resolve("local/results.csv"));
        assertThat(a).hasSize(13);
        assertThat(withoutTimings(tmp.resolve("spark/results.csv"))).isEqualTo(a);
        assertThat(tmp.resolve("spark/results.parquet")).isNotEmptyFile();
        String[] bad = run("sweep", spec.toString(), "--out", tmp.resolve("x").toString(), "--conf", "a=b");
        assertThat(bad[2].strip()).endsWith("chaoslab: error: --conf is for --engine spark (got --engine local)");
    }
}
