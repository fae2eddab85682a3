package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chaoslab.cli.Chaoslab;
import org.chaoslab.cli.Main;

/**
 * What the tests of the batched g-sweeps ({@link SimulateRateBatchTest}, {@link LyapunovBatchTest}) share: each batched
 * point is checked against the unbatched command run in process at the same gain, so both need that run, its one-line
 * error, and the check that a point's results have the command's schema.
 */
final class BatchFixture {

    private BatchFixture() {
    }

    /** The unbatched run: {@code COMMAND ARGS --g g --out DIR/g<g> --force}, in process. */
    static Chaoslab.Outcome unbatched(List<String> command, List<String> args, double g, Path dir) {
        List<String> line = new ArrayList<>(command);
        line.addAll(args);
        line.addAll(List.of("--g", Double.toString(g), "--out", dir.resolve("g" + g).toString(), "--force"));
        return Chaoslab.run(line.toArray(new String[0]));
    }

    /** The one-line error of {@code COMMAND ARGS --g g}, without "chaoslab: error: " (asserted to be a usage error). */
    static String commandError(List<String> command, List<String> args, double g, Path dir) {
        Chaoslab.Outcome o = unbatched(command, args, g, dir);
        assertThat(o.exitCode()).isEqualTo(Main.EXIT_USAGE);
        String line = o.err().strip();
        assertThat(line).startsWith("chaoslab: error: ").doesNotContain("\n");
        return line.substring("chaoslab: error: ".length());
    }

    /**
     * The results of the unbatched command at gain {@code g}, which must complete (exit code 0), checked to have the
     * schema of the batched point {@code point} ({@link #assertSameSchema}).
     */
    static Map<String, Object> commandResults(List<String> command, List<String> args, double g, Path dir,
                                              Map<String, Object> point) {
        Chaoslab.Outcome o = unbatched(command, args, g, dir);
        assertThat(o.exitCode()).as(o.err()).isZero();
        Map<String, Object> single = o.results();
        assertSameSchema(point, single);
        return single;
    }

    /** A numeric result as a double. */
    static double number(Map<String, Object> results, String key) {
        return ((Number) results.get(key)).doubleValue();
    }

    /**
     * The same keys as the command's results plus status and batched, each value of the same type as the command's
     * (where the command's value is null, e.g. lyapunov's absent estimate, only the key is compared).
     */
    static void assertSameSchema(Map<String, Object> batched, Map<String, Object> single) {
        Set<String> expected = new HashSet<>(single.keySet());
        expected.add(SimulateRateBatch.STATUS);
        expected.add(SimulateRateBatch.BATCHED);
        assertThat(batched.keySet()).isEqualTo(expected);
        for (String key : single.keySet()) {
            if (single.get(key) != null) {
                assertThat(batched.get(key)).as(key).hasSameClassAs(single.get(key));
            }
        }
        assertThat(batched.get(SimulateRateBatch.BATCHED)).isEqualTo(true);
    }

    /** {@code base} followed by {@code more}. */
    static List<String> with(List<String> base, String... more) {
        List<String> l = new ArrayList<>(base);
        l.addAll(List.of(more));
        return l;
    }
}
