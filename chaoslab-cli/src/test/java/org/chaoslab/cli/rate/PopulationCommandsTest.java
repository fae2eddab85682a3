package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedPopulationNetwork;
import org.chaoslab.sim.record.PopulationRecording;
import org.chaoslab.sim.record.PopulationStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate populations}, {@code compare populations} and network description files. */
class PopulationCommandsTest {

    /** E tanh, I threshold-linear (docs/populations.md); rows = receiving population. */
    static final String NET = """
            # E/I network with its own phi per population
            fractions: [0.8, 0.2]
            j-mean:   [[1.0, -3.0], [1.0, -2.5]]
            g-matrix: [[0.9, 1.6], [0.6, 1.0]]
            input:    [0.5, 0.2]
            phi:      [tanh, relu]
            """;

    @Test
    void simulateFromAFileWritesTheRunsPerPopulationStatistics(@TempDir Path base) throws Exception {
        Path file = base.resolve("net.yaml");
        Files.writeString(file, NET);
        Path out = base.resolve("sim");
        CliRunner.Result r = CliRunner.run("simulate", "populations", "--network", file.toString(), "--n", "250", "--t", "20",
                "--transient", "10", "--dt", "0.05", "--acf-max-lag", "4", "--seed", "7", "--threads", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = CliRunner.summary(out, "simulate populations");
        assertThat(s.get("seeds").get("master").asLong()).isEqualTo(7);
        assertThat(s.get("results").get("network").get("phi").toString()).isEqualTo("[\"tanh\",\"relu\"]");
        assertThat(s.get("metadata").get("chaoslabVersion").asText()).isNotBlank();
        for (String f : List.of("populations.csv", "population_means.csv", "autocorrelation.csv", "population_means.png",
                "autocorrelation.svg", "final_state.npy")) {
            assertThat(out.resolve(f)).exists();
        }
        // the command runs exactly what the library runs for the same description and seed (Euler at dt = 0.05)
        PopulationNetwork net = new PopulationNetwork(250, new double[] {0.8, 0.2}, new double[][] {{1.0, -3.0}, {1.0, -2.5}},
                new double[][] {{0.9, 1.6}, {0.6, 1.0}}, new double[] {0.5, 0.2},
                List.of(new TransferFunctions.Tanh(), new TransferFunctions.Relu()));
        PopulationStatistics rec = new PopulationStatistics(new int[] {200, 50}, 10, 81, 1024);
        RateSimulator.run(RealizedPopulationNetwork.draw(net, 7, 1).realized(),
                new RateSimulation(0.05, 20, 10, IntegratorKind.EULER, 1, 7, 1.0, 1), List.of(rec), ProgressListener.NONE);
        PopulationRecording expected = rec.result();
        for (int k = 0; k < 2; k++) {
            assertThat(s.get("results").get("mean").get(k).asDouble()).isEqualTo(expected.mean()[k]);
            assertThat(s.get("results").get("varianceAcrossUnits").get(k).asDouble()).isEqualTo(expected.varianceAcrossUnits()[k]);
        }
        List<String> csv = Files.readAllLines(out.resolve("populations.csv"));
        assertThat(csv.getFirst()).startsWith("population,phi,fraction,size,input,mean,variance_across_units,temporal_variance");
        assertThat(csv).hasSize(3);
        // the same network from the options instead of the file: the same results
        Path out2 = base.resolve("sim2");
        CliRunner.Result r2 = CliRunner.run("simulate", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                "--g-matrix", "0.9,1.6;0.6,1.0", "--input", "0.5,0.2", "--phi", "tanh,relu", "--n", "250", "--t", "20",
                "--transient", "10", "--dt", "0.05", "--acf-max-lag", "4", "--seed", "7", "--threads", "1", "--out", out2.toString());
        assertThat(r2.code()).as(r2.err()).isZero();
        assertThat(CliRunner.summary(out2, "simulate populations").get("results").get("mean"))
                .isEqualTo(s.get("results").get("mean"));
    }

    @Test
    void compareAtTheFixedPointAndAboveTheTransition(@TempDir Path base) throws Exception {
        Path file = base.resolve("net.yaml");
        Files.writeString(file, NET);
        Path out = base.resolve("cmp");
        CliRunner.Result r = CliRunner.run("compare", "populations", "--network", file.toString(), "--n", "300", "--t", "5",
                "--transient", "60", "--realizations", "3", "--threads", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = CliRunner.summary(out, "compare populations");
        assertThat(s.get("results").get("theory").get("phase").asText()).isEqualTo("fixed-point");
        assertThat(s.get("results").get("observedPhase").asText()).isEqualTo("fixed-point");
        assertThat(s.get("results").get("phaseAgrees").asBoolean()).isTrue();
        // three verdicts per population; each deviation carries its SE and z
        assertThat(s.get("verdicts")).hasSize(6);
        assertThat(s.get("results").get("mean").get(0).get("standardError").asDouble()).isPositive();
        assertThat(Files.readAllLines(out.resolve("comparison.csv"))).hasSize(1 + 5 * 2);
        assertThat(out.resolve("comparison.png")).exists();
        assertThat(r.out()).contains("predicted fixed-point").contains("observed fixed-point");

        // the tanh E/I network of docs/populations.md at 1.25 x its gCritical 1.79979: chaotic, and the runs fluctuate
        Path chaos = base.resolve("chaos");
        CliRunner.Result c = CliRunner.run("compare", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                "--g-matrix", "0.7,1.4;0.7,1.4", "--input", "0.5,0.2", "--gain-scale", "2.25", "--n", "300", "--t", "20",
                "--transient", "20", "--realizations", "2", "--threads", "1", "--out", chaos.toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode cs = CliRunner.summary(chaos, "compare populations");
        assertThat(cs.get("results").get("theory").get("phase").asText()).isEqualTo("chaotic");
        assertThat(cs.get("results").get("observedPhase").asText()).isEqualTo("fluctuating");
        assertThat(cs.get("results").get("phaseAgrees").asBoolean()).isTrue();
        // above the transition the theory is the time-dependent population DMFT: four verdicts per population (mean,
        // variance across units, temporal variance, spread of the time averages), Delta_k(tau) beside the simulation
        assertThat(cs.get("verdicts")).hasSize(8);
        assertThat(cs.get("results").get("theory").get("chaotic").get("delta0")).hasSize(2);
        assertThat(cs.get("results").get("temporalVariance").get(0).get("theory").asDouble()).isPositive();
        assertThat(c.err()).doesNotContain("warning");
        assertThat(Files.readAllLines(chaos.resolve("autocorrelation.csv")).getFirst())
                .isEqualTo("tau,delta_1_theory,delta_1_simulation,delta_2_theory,delta_2_simulation");
        assertThat(chaos.resolve("autocorrelation.png")).exists();

        // the sparse form (--k-in): recorded in the summary; an in-degree a population cannot give is one line, exit 2
        Path sparse = base.resolve("sparse");
        CliRunner.Result sp = CliRunner.run("compare", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                "--g-matrix", "0.7,1.4;0.7,1.4", "--input", "0.5,0.2", "--gain-scale", "2.25", "--n", "300", "--k-in", "100",
                "--t", "20", "--transient", "20", "--realizations", "2", "--threads", "1", "--out", sparse.toString());
        assertThat(sp.code()).as(sp.err()).isZero();
        assertThat(CliRunner.summary(sparse, "compare populations").get("results").get("kIn").asInt()).isEqualTo(100);
        CliRunner.Result bad = CliRunner.run("simulate", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                "--g-matrix", "0.7,1.4;0.7,1.4", "--n", "100", "--k-in", "100", "--out", base.resolve("bad").toString());
        assertThat(bad.code()).isEqualTo(org.chaoslab.cli.Main.EXIT_USAGE);
        assertThat(bad.err().strip()).isEqualTo("chaoslab: error: --k-in must be in [1, 97] for these population sizes (K_l = "
                + "round(K N_l/N) distinct units of population l other than the unit itself; got 100)");
        assertThat(base.resolve("bad")).doesNotExist();
        // in-degrees per block (--k-matrix): recorded as resolved; bad matrices and both options are one line, exit 2
        Path blocks = base.resolve("blocks");
        CliRunner.Result bl = CliRunner.run("simulate", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                "--g-matrix", "0.7,1.4;0.7,1.4", "--n", "300", "--k-matrix", "80,20;40,30", "--t", "5", "--threads", "1",
                "--out", blocks.toString());
        assertThat(bl.code()).as(bl.err()).isZero();
        var results = CliRunner.summary(blocks, "simulate populations").get("results");
        assertThat(results.get("kIn").isNull()).isTrue();
        assertThat(results.get("kMatrix").toString()).isEqualTo("[[80,20],[40,30]]");
        for (String[] kc : new String[][] {{"--k-matrix", "80,20;40", "--k-matrix must be square"},
                {"--k-matrix", "80,x;4,3", "--k-matrix must be rows of integers"},
                {"--k-matrix", "300,20;40,30", "--k-matrix entry (1, 1) = 300 exceeds the 239 distinct units"}}) {
            CliRunner.Result b = CliRunner.run("simulate", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                    "--g-matrix", "0.7,1.4;0.7,1.4", "--n", "300", kc[0], kc[1], "--out", base.resolve("badk").toString());
            assertThat(b.code()).as(kc[1]).isEqualTo(org.chaoslab.cli.Main.EXIT_USAGE);
            assertThat(b.err().strip()).startsWith("chaoslab: error: " + kc[2]).doesNotContain("\n");
        }
        CliRunner.Result both = CliRunner.run("simulate", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                "--g-matrix", "0.7,1.4;0.7,1.4", "--n", "300", "--k-in", "50", "--k-matrix", "40,10;40,10", "--out",
                base.resolve("badk").toString());
        assertThat(both.err()).contains("--k-in and --k-matrix exclude each other");
        assertThat(base.resolve("badk")).doesNotExist();
    }

    @Test
    void badDescriptionsAreOneLineWithTheFilesLineAndWriteNothing(@TempDir Path base) throws Exception {
        Path dir = Files.createDirectory(base.resolve("files"));
        bad(dir, "fractions: [0.8, 0.2]\nj-mean: [[1, -3], [1, -2.5]]\ng-matrix: [[0.7, 1.4], [0.7, -1.4]]\n",
                "net.yaml:3: g-matrix[2,2] must be");
        bad(dir, "fractions: [0.8, 0.2]\nj-mean:\n  - [1, -3]\n  - [1]\ng-matrix: \"1,1;1,1\"\n",
                "net.yaml:4: j-mean row 2 must have 2 values (got 1)");
        bad(dir, "fractions: [0.8, 0.3]\nj-mean: \"1,-3;1,-2.5\"\ng-matrix: \"1,1;1,1\"\n",
                "net.yaml:1: fractions must sum to 1");
        bad(dir, "fractions: [0.8, 0.2]\nj-mean: \"1,-3;1,-2.5\"\ng-matrix: \"1,1;1,1\"\ngain: 2\n",
                "net.yaml:4: unknown key 'gain'");
        bad(dir, "fractions: [0.8, 0.2]\nj-mean: \"1,-3;1,-2.5\"\ng-matrix: \"1,1;1,1\"\nphi: [tanh, bogus]\n",
                "net.yaml:4: phi must be one of");
        bad(dir, "fractions: [0.8, 0.2]\ng-matrix: \"1,1;1,1\"\n", "'j-mean' is missing");
        // sparse in-degrees: whole numbers >= 1, no more than a population can give (N = 1000 by default: 800 + 200)
        bad(dir, "fractions: [0.8, 0.2]\nj-mean: \"1,-3;1,-2.5\"\ng-matrix: \"1,1;1,1\"\nk-matrix:\n  - [80, 20]\n  - [80, 2.5]\n",
                "net.yaml:6: k-matrix entries must be whole numbers >= 1");
        bad(dir, "fractions: [0.8, 0.2]\nj-mean: \"1,-3;1,-2.5\"\ng-matrix: \"1,1;1,1\"\nk-matrix:\n  - [80, 300]\n  - [80, 20]\n",
                "net.yaml:5: in-degrees[1,2] must be in [1, 200]");
        bad(dir, "fractions: [0.8, 0.2\nj-mean: x\n", "net.yaml:");
        Path out = base.resolve("never");
        CliRunner.Result both = CliRunner.run("simulate", "populations", "--network", dir.resolve("net.yaml").toString(),
                "--fractions", "1", "--out", out.toString());
        check(both, "--network");
        check(CliRunner.run("simulate", "populations", "--network", base.resolve("absent.yaml").toString(), "--out",
                out.toString()), "--network");
        Files.writeString(dir.resolve("sparse.yaml"), "fractions: [0.8, 0.2]\nj-mean: \"1,-3;1,-2.5\"\ng-matrix: \"1,1;1,1\"\n"
                + "k-matrix: \"80,20;80,20\"\n");
        check(CliRunner.run("simulate", "populations", "--network", dir.resolve("sparse.yaml").toString(), "--k-in", "100",
                "--out", out.toString()), "--k-in");
        check(CliRunner.run("compare", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5", "--g-matrix",
                "1,1;1,1", "--realizations", "1", "--out", out.toString()), "--realizations");
        check(CliRunner.run("simulate", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5", "--g-matrix",
                "1,1;1,1", "--gain-scale", "-1", "--out", out.toString()), "gain-scale");
        check(CliRunner.run("simulate", "populations", "--fractions", "0.5,0.5", "--j-mean", "1,-3;1,-2.5", "--g-matrix",
                "1,1;1,1", "--n", "1", "--out", out.toString()), "n must be");
        assertThat(out).doesNotExist();
        assertThat(list(base)).noneMatch(p -> p.contains("never"));
    }

    @Test
    void aFilesKMatrixIsTheOptionsKMatrix(@TempDir Path base) throws Exception {
        Path file = base.resolve("sparse.yaml");
        Files.writeString(file, "fractions: [0.8, 0.2]\nj-mean: \"2,-12;4,-10\"\ng-matrix: \"0.5,0.5;0.5,0.5\"\n"
                + "input: [0.5, 0.2]\nk-matrix: [[160, 20], [40, 10]]\n");
        CliRunner.Result fromFile = CliRunner.run("dmft", "populations", "--network", file.toString(), "--n", "2000", "--json");
        CliRunner.Result fromOptions = CliRunner.run("dmft", "populations", "--fractions", "0.8,0.2", "--j-mean", "2,-12;4,-10",
                "--g-matrix", "0.5,0.5;0.5,0.5", "--input", "0.5,0.2", "--k-matrix", "160,20;40,10", "--n", "2000", "--json");
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).isEqualTo(fromOptions.out()).contains("\"dilutionVariance\"");
        Path out = base.resolve("sim");
        CliRunner.Result sim = CliRunner.run("simulate", "populations", "--network", file.toString(), "--n", "400", "--t", "2",
                "--transient", "0", "--out", out.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"kMatrix\"");
    }

    @Test
    void aDivergingNetworkIsExit3WithWhatWasRecorded(@TempDir Path base) {
        // one linear population at g = 3 grows like e^{2t}
        Path out = base.resolve("out");
        CliRunner.Result r = CliRunner.run("simulate", "populations", "--fractions", "1", "--j-mean", "0", "--g-matrix", "3",
                "--phi", "linear", "--n", "50", "--dt", "0.1", "--t", "400", "--transient", "0", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(r.err()).contains("at step");
        assertThat(out.resolve("summary.json")).exists();
    }

    private static void bad(Path dir, String yaml, String expected) throws Exception {
        Path file = dir.resolve("net.yaml");
        Files.writeString(file, yaml);
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("simulate", "populations", "--network", file.toString(), "--out", out.toString());
        String err = r.err().strip();
        assertThat(r.code()).as(err).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).startsWith("chaoslab: error: " + file.getParent() + "/").contains(expected).doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    private static void check(CliRunner.Result r, String parameter) {
        String err = r.err().strip();
        assertThat(r.code()).as(err).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).startsWith("chaoslab: error:").contains(parameter).doesNotContain("Exception");
    }

    private static List<String> list(Path base) throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(base)) {
            s.forEach(p -> names.add(base.relativize(p).toString()));
        }
        return names;
    }
}
