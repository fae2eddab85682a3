package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.chaoslab.io.JsonOutput;
import org.junit.jupiter.api.Test;

class DmftPopulationsCommandTest {

    @Test
    void theIssuesExamplePrintsPerPopulationArraysAndTheTransition() throws Exception {
        CliRunner.Result r = CliRunner.run("dmft", "populations", "--fractions", "0.8,0.2", "--j-mean", "2,-8;2,-6",
                "--g-matrix", "4,8;4,6", "--input", "0.5,0", "--phi", "sigmoid", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        for (String key : new String[] {"mean", "std", "rate", "variance", "meanSquareSlope"}) {
            assertThat(j.get(key).size()).as(key).isEqualTo(2);
        }
        assertThat(j.get("phase").asText()).isEqualTo("fixed-point");
        assertThat(j.get("spectralRadius").asDouble()).isBetween(0.0, 1.0);
        // at gCritical x g the spectral radius is 1: the same command at the scaled gains says so
        double c = j.get("gCritical").asDouble();
        String g = String.format(java.util.Locale.ROOT, "%.12f,%.12f;%.12f,%.12f", 4 * c, 8 * c, 4 * c, 6 * c);
        JsonNode at = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRunner.run("dmft", "populations", "--fractions", "0.8,0.2", "--j-mean",
                "2,-8;2,-6", "--g-matrix", g, "--input", "0.5,0", "--phi", "sigmoid", "--json").out());
        assertThat(at.get("spectralRadius").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aboveTheTransitionTheTimeDependentSolutionIsReportedAndWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // the tanh E/I network of docs/populations.md at 2 x its gCritical (rho(M) = 1.92 at the static point)
        java.nio.file.Path out = dir.resolve("dmft");
        CliRunner.Result r = CliRunner.run("dmft", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-3;1,-2.5",
                "--g-matrix", "0.7,1.4;0.7,1.4", "--input", "0.5,0.2", "--gain-scale", "3.6", "--json", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(j.get("phase").asText()).isEqualTo("chaotic");
        JsonNode c = j.get("chaotic");
        for (int k = 0; k < 2; k++) {
            double d0 = c.get("delta0").get(k).asDouble();
            double dInf = c.get("deltaInf").get(k).asDouble();
            assertThat(c.get("temporalVariance").get(k).asDouble()).isCloseTo(d0 - dInf, org.assertj.core.data.Offset.offset(1e-12));
            // the chaotic state lowers the variance below the unstable static one (6.50 vs 7.36) and has a temporal part
            assertThat(d0).isLessThan(j.get("variance").get(k).asDouble()).isGreaterThan(dInf);
        }
        assertThat(c.get("decayRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("noChaoticSolution").isNull()).isTrue();
        assertThat(java.nio.file.Files.readAllLines(out.resolve("autocorrelation.csv")).getFirst())
                .isEqualTo("tau,delta_1,delta_2,rate_correlation_1,rate_correlation_2");
        assertThat(out.resolve("autocorrelation.svg")).exists();
    }

    @Test
    void sparseInDegreesAddTheDilutionOfTheMeans() throws Exception {
        // one inhibitory population, J0 = -10, g = 0.5, K = 400 of N = 2000: d = 100/400 x 1599/1998 (dilutionVariance)
        CliRunner.Result r = CliRunner.run("dmft", "populations", "--fractions", "1", "--j-mean=-10", "--g-matrix", "0.5",
                "--input", "2", "--n", "2000", "--k-in", "400", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(j.get("inDegrees").get(0).get(0).asInt()).isEqualTo(400);
        assertThat(j.get("dilutionVariance").get(0).get(0).asDouble())
                .isCloseTo(100.0 / 400 * 1599 / 1998, org.assertj.core.data.Offset.offset(1e-12));
        // SparseDilutionVsSimulationTest: 0.013952 against the dense 0.010680, simulated 0.0145 +- 0.0004
        assertThat(j.get("variance").get(0).asDouble()).isCloseTo(0.013952, org.assertj.core.data.Offset.offset(2e-6));
        JsonNode dense = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRunner.run("dmft", "populations",
                "--fractions", "1", "--j-mean=-10", "--g-matrix", "0.5", "--input", "2", "--json").out());
        assertThat(dense.get("dilutionVariance").isNull()).isTrue();
        assertThat(dense.get("variance").get(0).asDouble()).isCloseTo(0.010680, org.assertj.core.data.Offset.offset(2e-6));
        CliRunner.Result tooMany = CliRunner.run("dmft", "populations", "--fractions", "1", "--j-mean=-10", "--g-matrix",
                "0.5", "--n", "100", "--k-in", "100");
        assertThat(tooMany.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(tooMany.err().strip()).contains("--k-in must be in [1, 99]").doesNotContain("\n");
    }

    @Test
    void badInputNamesTheOption() {
        CliRunner.Result r = CliRunner.run("dmft", "populations", "--fractions", "0.8,0.3", "--j-mean", "1,-4;1,-4", "--g-matrix", "1,1;1,1");
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).isEqualTo("chaoslab: error: --fractions must be positive and sum to 1 (got [0.8,0.3], sum 1.1)");
        r = CliRunner.run("dmft", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-4", "--g-matrix", "1,1;1,1");
        assertThat(r.err().strip()).isEqualTo("chaoslab: error: --j-mean must have 2 rows separated by ';' (one per population, as --fractions; got 1)");
        r = CliRunner.run("dmft", "populations", "--fractions", "0.8,0.2", "--j-mean", "1,-4;1,-4", "--g-matrix", "1,-1;1,1");
        assertThat(r.err().strip()).startsWith("chaoslab: error: g-matrix[1,2] must be");
    }
}
