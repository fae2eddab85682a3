package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads files written by this module with numpy itself. Skipped where {@code python3} or numpy is
 * not installed.
 */
class NumpyInteropTest {

    private static final long TIMEOUT_SECONDS = 60;
    /** Probed once per test class: is {@code python3} with numpy on the PATH? */
    private static final boolean NUMPY_AVAILABLE = run(List.of("python3", "-c", "import numpy")).ok();

    @TempDir
    Path dir;

    @BeforeEach
    void requireNumpy() {
        assumeTrue(NUMPY_AVAILABLE, "python3 with numpy not available");
    }

    @Test
    void numpyLoadsOneDimensionalFloat64() throws IOException {
        Path file = dir.resolve("a.npy");
        Npy.write(file, new double[] {0.1, -2.5, 1e-300, Double.NaN});

        Result r = python("""
                import numpy as np, sys
                a = np.load(sys.argv[1])
                assert a.dtype == np.float64 and a.shape == (4,), (a.dtype, a.shape)
                assert a[0] == 0.1 and a[1] == -2.5 and a[2] == 1e-300 and np.isnan(a[3])
                print("ok")
                """, file);
        assertThat(r.output()).isEqualTo("ok");
    }

    @Test
    void numpyLoadsTwoDimensionalFloat32InRowMajorOrder() throws IOException {
        Path file = dir.resolve("m.npy");
        Npy.write(file, new float[] {0, 1, 2, 3, 4, 5}, 2, 3);

        Result r = python("""
                import numpy as np, sys
                m = np.load(sys.argv[1])
                assert m.dtype == np.float32 and m.shape == (2, 3), (m.dtype, m.shape)
                assert (m == np.arange(6, dtype=np.float32).reshape(2, 3)).all()
                print("ok")
                """, file);
        assertThat(r.output()).isEqualTo("ok");
    }

    @Test
    void numpyLoadsNpzArchivesAndWritesFilesWeRead() throws IOException {
        Path npz = dir.resolve("run.npz");
        Npz.builder()
                .add("t", new double[] {0, 0.5, 1})
                .add("x", new double[] {1, 2, 3, 4, 5, 6}, 3, 2)
                .add("ids", new int[] {7, 8, 9})
                .add("seed", new long[] {1L << 40})
                .compressed(true)
                .write(npz);
        Path back = dir.resolve("from_numpy.npy");

        Result r = python("""
                import numpy as np, sys
                z = np.load(sys.argv[1])
                assert sorted(z.files) == ["ids", "seed", "t", "x"], z.files
                assert z["x"].shape == (3, 2) and z["x"][2, 1] == 6.0
                assert z["ids"].dtype == np.int32 and list(z["ids"]) == [7, 8, 9]
                assert z["seed"].dtype == np.int64 and z["seed"][0] == 2**40
                assert list(z["t"]) == [0, 0.5, 1]
                np.save(sys.argv[2], np.asfortranarray(np.arange(6.0).reshape(2, 3)).astype('>f8'))
                print("ok")
                """, npz, back);
        assertThat(r.output()).isEqualTo("ok");
        NpyDoubles read = Npy.readDoubles(back);
        assertThat(read.shape()).containsExactly(2, 3);
        assertThat(read.data()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    private static Result python(String script, Path... args) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        for (Path a : args) {
            command.add(a.toString());
        }
        Result r = run(command);
        assertThat(r.ok()).as("python failed:%n%s", r.output()).isTrue();
        return r;
    }

    private record Result(boolean ok, String output) {
    }

    private static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(false, "timed out");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return new Result(p.exitValue() == 0, out);
        } catch (IOException e) {
            return new Result(false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, e.toString());
        }
    }
}
