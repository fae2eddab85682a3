package org.chaoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.chaoslab.cli.common.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad, extreme and hostile inputs across every command (issue 17): each must end in one line on stderr starting
 * "chaoslab: error:" that names the parameter, exit code 2, no stack trace, nothing left in the output directory, and
 * quickly (nothing is computed before the check). {@code OUT} in the arguments is replaced by a fresh directory path.
 */
class BadInputTest {

    /** Each case: the arguments (space-separated, OUT = the output directory), a word the message must contain. */
    static Stream<Arguments> cases() {
        String huge = Long.toString(Resources.MAX_DENSE_N + 1L);
        return Stream.of(
                // simulate rate
                Arguments.of("simulate rate --n 0 --out OUT", "--n"),
                Arguments.of("simulate rate --n " + huge + " --out OUT", "--n"),
                Arguments.of("simulate rate --n 46000 --t 1 --out OUT", "--n"),              // 17 GB: beyond the test heap
                Arguments.of("simulate rate --g NaN --out OUT", "--g"),
                Arguments.of("simulate rate --g -1 --out OUT", "--g"),
                Arguments.of("simulate rate --dt 0 --out OUT", "dt"),
                Arguments.of("simulate rate --t -1 --out OUT", "t"),
                Arguments.of("simulate rate --transient -5 --out OUT", "transient"),
                Arguments.of("simulate rate --replicas 0 --out OUT", "replicas"),
                Arguments.of("simulate rate --n 2000 --replicas 1000000 --out OUT", "--replicas"),
                Arguments.of("simulate rate --acf-max-lag 1e9 --t 1 --out OUT", "acf-max-lag"),
                Arguments.of("simulate rate --n 100 --acf-max-lag 1e6 --t 1 --out OUT", "acf-max-lag"),
                Arguments.of("simulate rate --acf-max-lag 0 --out OUT", "acf-max-lag"),
                Arguments.of("simulate rate --threads 1000 --out OUT", "--threads"),
                Arguments.of("simulate rate --threads 0 --out OUT", "--threads"),
                Arguments.of("simulate rate --phi softsign --out OUT", "phi"),
                Arguments.of("simulate rate --eta 1.5 --out OUT", "eta"),
                Arguments.of("simulate rate --integrator leapfrog --out OUT", "integrator"),
                Arguments.of("simulate rate --noise white:-1 --out OUT", "noise"),
                Arguments.of("simulate rate --noise pink:1 --out OUT", "noise"),
                Arguments.of("simulate rate --t abc --out OUT", "--t"),
                Arguments.of("simulate rate --bogus 1 --out OUT", "--bogus"),
                // compare scs, demo
                Arguments.of("compare scs --realizations 1 --out OUT", "--realizations"),
                Arguments.of("compare scs --eta 0.5 --out OUT", "--eta"),
                Arguments.of("compare scs --g 1e300 --out OUT", "--g"),
                Arguments.of("compare scs --n " + huge + " --out OUT", "--n"),
                Arguments.of("compare scs --threads 100000 --out OUT", "--threads"),
                Arguments.of("demo --realizations 1 --out OUT", "--realizations"),
                Arguments.of("demo --g 1e300 --out OUT", "--g"),
                // dmft
                Arguments.of("dmft scs --tau-max 0.001 --dtau 0.01", "--tau-max"),
                Arguments.of("dmft scs --dtau 0", "--dtau"),
                Arguments.of("dmft scs --g 1e300", "--g"),
                Arguments.of("dmft scs --g 1000 --phi tanh", "--g"),
                Arguments.of("dmft scs --noise white:1e4", "--noise"),
                Arguments.of("dmft scs --eta 0.5", "--eta"),
                Arguments.of("dmft scs --g 2 --out OUT --tau-max 0", "--tau-max"),
                Arguments.of("dmft transition --eta -0.5", "--eta"),
                // lyapunov
                Arguments.of("lyapunov --n 60000 --out OUT", "--n"),
                Arguments.of("lyapunov --n 30000 --out OUT", "--"),
                Arguments.of("lyapunov --n 100 --k 101 --out OUT", "--k"),
                Arguments.of("lyapunov --n 100 --threads 1000 --out OUT", "--threads"),
                Arguments.of("lyapunov --n 100 --warmup x --out OUT", "--warmup"),
                Arguments.of("lyapunov-sweep --g-values 1,2 --threads 1000 --out OUT", "--threads"),
                // correlations
                Arguments.of("correlations theory --noise white:1 --g 1.5 --phi linear", "--g"),
                Arguments.of("correlations theory --noise white:1 --g 1e300", "--g"),
                Arguments.of("correlations simulate --noise white:1 --realizations 1 --out OUT", "--realizations"),
                Arguments.of("compare correlations --noise white:1 --n " + huge + " --out OUT", "--n"),
                Arguments.of("compare correlations --noise white:1 --n 40000 --out OUT", "--n"),
                // balanced, glauber
                Arguments.of("simulate balanced --ne 0 --out OUT", "--ne"),
                Arguments.of("simulate balanced --k 5000 --out OUT", "--k"),
                Arguments.of("simulate balanced --ne 10000000 --ni 2500000 --k 200 --out OUT", "--k"),
                Arguments.of("simulate balanced --t 5 --fano-window 10 --out OUT", "--fano-window"),
                Arguments.of("simulate balanced --m0 2 --out OUT", "m0"),
                Arguments.of("compare balanced --t 5 --fano-window 10 --out OUT", "--fano-window"),
                Arguments.of("meanfield balanced --m0 -1 --out OUT", "m0"),
                Arguments.of("simulate glauber --t -1 --out OUT", "--t"),
                Arguments.of("simulate glauber --sample-interval 0 --out OUT", "--sample-interval"),
                Arguments.of("compare glauber --realizations 0 --out OUT", "realizations"),
                // deep networks
                Arguments.of("deepnet maps --c0 2", "c0"),
                Arguments.of("deepnet maps --q0 0", "q0"),
                Arguments.of("deepnet maps --circle-points 5", "circle-points"),
                Arguments.of("deepnet maps --sigma-w2 -1", "sigma-w2"),
                Arguments.of("deepnet simulate --width 100000 --out OUT", "--width"),
                Arguments.of("deepnet simulate --depth 0 --out OUT", "depth"),
                Arguments.of("deepnet simulate --threads 1000 --out OUT", "--threads"),
                Arguments.of("deepnet compare --width 100000 --out OUT", "--width"),
                Arguments.of("deepnet compare --keep 0 --out OUT", "keep"),
                Arguments.of("deepnet boundary --keep 2 --out OUT", "keep"),
                Arguments.of("deepnet phase-diagram --threads 1000 --out OUT", "--threads"),
                Arguments.of("deepnet phase-diagram --resolution 1 --out OUT", "resolution"),
                // --out itself
                Arguments.of("simulate rate --n 10 --t 1 --out /dev/null", "--out"),
                Arguments.of("compare scs --n 10 --t 1 --out /dev/null", "--out"),
                Arguments.of("dmft scs --out /dev/null", "--out"),
                Arguments.of("deepnet maps --out /dev/null", "--out"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesOneLineNamingTheParameterAndExit2(String args, String parameter, @TempDir Path base) throws Exception {
        Path out = base.resolve("out");
        assertBad(args.replace("OUT", out.toString()), parameter, base);
    }

    @Test
    void outThatIsAFileIsRefusedBeforeWork(@TempDir Path base) throws Exception {
        Path file = Files.writeString(base.resolve("file"), "x");
        assertBad("simulate rate --n 10 --t 1 --out " + file, "--out", base);
        assertBad("lyapunov --n 10 --t 5 --out " + file, "--out", base);
        assertBad("correlations theory --g 0.5 --phi linear --noise white:1 --out " + file, "--out", base);
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void outUnderAFileIsRefused(@TempDir Path base) throws Exception {
        Path file = Files.writeString(base.resolve("file"), "x");
        assertBad("simulate glauber --n 10 --t 1 --out " + file.resolve("sub"), "--out", base);
        assertBad("meanfield balanced --out " + file.resolve("a/b"), "--out", base);
    }

    @Test
    void emptyOutIsRefused(@TempDir Path base) throws Exception {
        CliRunner.Result r = CliRunner.run("simulate", "rate", "--n", "10", "--t", "1", "--out", "");
        check(r, "--out", Main.EXIT_USAGE);
        CliRunner.Result d = CliRunner.run("dmft", "scs", "--out", "");
        check(d, "--out", Main.EXIT_USAGE);
    }

    @Test
    void nonEmptyOutWithoutForceIsRefusedAndKept(@TempDir Path base) throws Exception {
        Path dir = Files.createDirectories(base.resolve("run"));
        Files.writeString(dir.resolve("summary.json"), "{}");
        assertBad("simulate rate --n 10 --t 1 --out " + dir, "--force", base);
        assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo("{}");
        Path foreign = Files.createDirectories(base.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertBad("simulate rate --n 10 --t 1 --force --out " + foreign, "--out", base);
        assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void forceReplacesAnEarlierRunAsOneSet(@TempDir Path base) throws Exception {
        Path dir = Files.createDirectories(base.resolve("run"));
        Files.writeString(dir.resolve("summary.json"), "{}");
        Files.writeString(dir.resolve("stale.npy"), "old");
        CliRunner.Result r = CliRunner.run("simulate", "rate", "--n", "20", "--t", "2", "--transient", "0", "--force", "--out",
                dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("stale.npy")).doesNotExist();
        assertThat(dir.resolve("final_state.npy")).exists();
        try (Stream<Path> s = Files.list(base)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("run");
        }
    }

    @Test
    void unwritableOutIsRefused(@TempDir Path base) throws Exception {
        // root ignores file permissions: the check cannot be exercised there
        assumeFalse("root".equals(System.getProperty("user.name")), "running as root: permissions do not apply");
        Path locked = Files.createDirectories(base.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertBad("simulate rate --n 10 --t 1 --out " + locked.resolve("out"), "--out", base);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void divergenceIsExit3WithStatusDivergedAndTheStepNamed(@TempDir Path base) throws Exception {
        // linear phi at g = 3 grows like e^{2t}: the state passes 1e100 near t = 115, before the squares overflow
        Path out = base.resolve("out");
        CliRunner.Result r = CliRunner.run("simulate", "rate", "--n", "50", "--g", "3", "--phi", "linear", "--dt", "0.1", "--t",
                "400", "--transient", "0", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(r.err()).contains("at step");
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"diverged\"").doesNotContain("Infinity");
        CliRunner.Result d = CliRunner.run("deepnet", "simulate", "--phi", "linear", "--sigma-w2", "1e60", "--depth", "10",
                "--width", "30", "--realizations", "2", "--circle-points", "0", "--out", base.resolve("deep").toString());
        assertThat(d.code()).as(d.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(d.err()).contains("layer");
    }

    private static void assertBad(String args, String parameter, Path base) throws Exception {
        List<String> before = list(base);
        long t0 = System.nanoTime();
        CliRunner.Result r = CliRunner.run(args.split(" "));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        check(r, parameter, Main.EXIT_USAGE);
        assertThat(seconds).as("runtime of " + args).isLessThan(20.0);
        assertThat(list(base)).as("files left in " + base + " by " + args).isEqualTo(before);
    }

    private static void check(CliRunner.Result r, String parameter, int code) {
        String err = r.err().strip();
        assertThat(r.code()).as(err).isEqualTo(code);
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).startsWith("chaoslab: error:").contains(parameter).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> list(Path base) throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(base)) {
            s.forEach(p -> names.add(base.relativize(p).toString()));
        }
        names.sort(null);
        return names;
    }
}
