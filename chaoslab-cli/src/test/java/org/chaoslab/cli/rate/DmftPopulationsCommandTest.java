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
