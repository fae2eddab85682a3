package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.chaoslab.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numpy.load reads every .npy the CLI writes. Skipped when python3 with numpy is absent. */
class NumpyLoadsOutputsTest {

    private static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void everyNpyOfSimulateAndCompareLoads(@TempDir Path dir) throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy not available");
        Path sim = dir.resolve("sim");
        Path cmp = dir.resolve("cmp");
        assertThat(CliRunner.run("simulate", "rate", "--n", "200", "--t", "40", "--transient", "5", "--replicas", "2",
                "--acf-max-lag", "5", "--out", sim.toString()).code()).isZero();
        assertThat(CliRunner.run("compare", "scs", "--n", "200", "--t", "70", "--transient", "5", "--realizations", "2",
                "--out", cmp.toString()).code()).isZero();
        String script = String.join("\n",
                "import glob, json, sys, numpy as np",
                "n = 0",
                "for d in sys.argv[1:]:",
                "    for f in sorted(glob.glob(d + '/*.npy')):",
                "        a = np.load(f)",
                "        assert a.size > 0 and np.all(np.isfinite(a)), f",
                "        n += 1",
                "s = json.load(open(sys.argv[1] + '/summary.json'))",
                "tr = np.load(sys.argv[1] + '/traces.npy')",
                "assert tr.ndim == 2 and tr.shape[1] == 10, tr.shape",
                "assert np.load(sys.argv[1] + '/final_state.npy').shape == (2, 200)",
                "print(n)");
        Process p = new ProcessBuilder("python3", "-c", script, sim.toString(), cmp.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Integer.parseInt(out.strip())).isGreaterThanOrEqualTo(15);
    }
}
