package org.chaoslab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The option reading the bench modes share: what each mode accepted and rejected before it was shared, it still does. */
class BenchArgsTest {

    @Test
    void sharedOptionsHaveTheirDefaultsAndAreReadOnlyWhereTheModeTakesThem() {
        BenchArgs none = read(new String[] {}, "--threads", "--no-numpy", "--python", "--wait-idle", "--out");
        assertThat(none.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(none.numpy()).isTrue();
        assertThat(none.python()).isEqualTo("python3");
        assertThat(none.waitIdle()).isZero();
        assertThat(none.out()).isEqualTo(Path.of("results", "bench"));

        BenchArgs all = read(new String[] {"--threads", "1", "--no-numpy", "--python", "py", "--wait-idle", "7", "--out", "d"},
                "--threads", "--no-numpy", "--python", "--wait-idle", "--out");
        assertThat(all.threads()).isEqualTo(1);
        assertThat(all.numpy()).isFalse();
        assertThat(all.python()).isEqualTo("py");
        assertThat(all.waitIdle()).isEqualTo(7);
        assertThat(all.out()).isEqualTo(Path.of("d"));

        assertThatThrownBy(() -> read(new String[] {"--wait-idle", "3"}, "--threads", "--out"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option '--wait-idle'");
    }

    @Test
    void helpStopsTheReadingWhereItStands() {
        BenchArgs a = read(new String[] {"--help", "--bogus"}, "--out");
        assertThat(a.help()).isTrue();
        assertThat(read(new String[] {"-h"}).help()).isTrue();
        assertThatThrownBy(() -> read(new String[] {"--bogus", "--help"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option '--bogus'");
        // an option's value is never an option, --help included
        assertThatThrownBy(() -> read(new String[] {"--out", "--help"}, "--out"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--out needs a value");
    }

    @Test
    void valuesAreCheckedWithTheOptionsName() {
        BenchArgs a = new BenchArgs(new String[] {"--n", "0"});
        assertThat(a.next()).isTrue();
        assertThatThrownBy(a::positive).hasMessage("--n must be a positive integer (got '0')");
        BenchArgs g = new BenchArgs(new String[] {"--g-min", "NaN", "--g-max", "-1.5"});
        assertThat(g.next()).isTrue();
        assertThatThrownBy(g::number).hasMessage("--g-min must be a finite number (got 'NaN')");
        assertThat(g.next()).isTrue();
        assertThat(g.number()).isEqualTo(-1.5);
        assertThat(g.next()).isFalse();
        assertThatThrownBy(() -> BenchArgs.gainRange(2, 1))
                .hasMessage("--g-min and --g-max must satisfy 0 <= g-min <= g-max (got 2.0, 1.0)");
        assertThatThrownBy(() -> BenchArgs.size(1)).hasMessage("--n must be >= 2 (got 1)");
        BenchArgs t = read(new String[] {"--threads", Integer.toString(Runtime.getRuntime().availableProcessors() + 1)},
                "--threads");
        assertThatThrownBy(t::threadsWithinCores).hasMessageStartingWith("--threads must be in [1, ");
    }

    @Test
    void linspaceIncludesBothEndsAndOnePointIsTheFirst() {
        assertThat(BenchArgs.linspace(0.5, 3.5, 4)).containsExactly(0.5, 1.5, 2.5, 3.5);
        assertThat(BenchArgs.linspace(1.5, 3.5, 1)).containsExactly(1.5);
    }

    @Test
    void aModePrintsItsUsageForHelpAndRunsNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchCommand.main(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "usage\n",
                args -> {
                    BenchArgs a = read(args);
                    return a.help() ? null : a;
                }, (o, log) -> {
                    throw new AssertionError("ran");
                }, (r, o) -> {
                    throw new AssertionError("printed");
                }, (o, r, w) -> {
                    throw new AssertionError("saved");
                });
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("usage\n");
    }

    /** Reads all of {@code args} as a mode without options of its own would. */
    private static BenchArgs read(String[] args, String... shared) {
        BenchArgs a = new BenchArgs(args, shared);
        while (a.next()) {
            a.shared();
        }
        return a;
    }
}
