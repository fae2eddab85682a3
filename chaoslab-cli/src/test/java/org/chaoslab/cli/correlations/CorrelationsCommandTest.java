package org.chaoslab.cli.correlations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationsCommandTest {

    static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void theoryJsonHasTheContractKeys() throws Exception {
        CliRunner.Result r = run("correlations", "theory", "--g", "0.6", "--phi", "linear", "--noise", "white:1.0", "--n", "200",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        // Dahmen et al. 2019 / Hu & Sompolinsky 2022 at R = 0.6, D = 1: ā = 1/0.64, PR/N = 0.64²
        assertThat(j.get("meanAutoCov").asDouble()).isCloseTo(1 / 0.64, offset(1e-12));
        assertThat(j.get("meanCrossCov").asDouble()).isZero();
        assertThat(j.get("varCrossCov").asDouble()).isCloseTo((1 / 0.64 / 0.64) * (1 / 0.4096 - 1) / 200, offset(1e-12));
        assertThat(j.get("participationRatioPerN").asDouble()).isCloseTo(0.4096, offset(1e-12));
        assertThat(j.get("participationRatio").asDouble()).isCloseTo(0.4096 * 200, offset(1e-9));
        // derived 1/N corrections (docs/finite-size-covariance.md), s = 0.36, q = 0.64, N = 200: ā(1 + 2s/(Nq²)),
        // N Var c + s²(s² − 8s + 20)/(N q⁶), PR/N − s(7s + 2)/N
        double s = 0.36;
        double q = 0.64;
        assertThat(j.get("meanAutoCovFiniteN").asDouble()).isCloseTo((1 + 2 * s / (200 * q * q)) / q, offset(1e-12));
        assertThat(j.get("meanCrossCovFiniteN").asDouble()).isZero();
        assertThat(j.get("varCrossCovFiniteN").asDouble()).isCloseTo(((1 / Math.pow(q, 4) - 1 / (q * q))
                + s * s * (s * s - 8 * s + 20) / (200 * Math.pow(q, 6))) / 200, offset(1e-12));
        assertThat(j.get("participationRatioPerNFiniteN").asDouble()).isCloseTo(q * q - s * (7 * s + 2) / 200, offset(1e-12));
        assertThat(j.get("participationRatioFiniteN").asDouble()).isCloseTo(200 * q * q - s * (7 * s + 2), offset(1e-9));
        // equal time (docs/finite-size-covariance.md, R = 0.6, D = 1): ā 0.625 + 0.24414/N, N Var 0.123749 + 0.38548/N,
        // PR/N 0.759419 − 0.60908/N
        assertThat(j.get("equalTimeMeanAutoCovFiniteN").asDouble()).isCloseTo(0.625 + 0.244140625 / 200, offset(1e-9));
        assertThat(200 * j.get("equalTimeVarCrossCovFiniteN").asDouble()).isCloseTo(0.12374877929 + 0.385477066 / 200,
                offset(1e-8));
        assertThat(j.get("equalTimeParticipationRatioPerNFiniteN").asDouble()).isCloseTo(0.7594185702 - 0.6090822475 / 200,
                offset(1e-9));
        // zero diagonal, D = 4: ā(1 + s(3s − 1)/(Nq²)), variance ∝ D²
        JsonNode zd = new ObjectMapper().readTree(run("correlations", "theory", "--g", "0.6", "--phi", "linear", "--noise",
                "white:2.0", "--n", "200", "--zero-diagonal", "--json").out());
        assertThat(zd.get("meanAutoCovFiniteN").asDouble()).isCloseTo(4 * (1 + s * (3 * s - 1) / (200 * q * q)) / q,
                offset(1e-12));
        assertThat(zd.get("varCrossCovFiniteN").asDouble()).isCloseTo(16 * ((1 / Math.pow(q, 4) - 1 / (q * q))
                + s * s * (((4 * s - 21) * s + 36) * s - 6) / (200 * Math.pow(q, 6))) / 200, offset(1e-12));
        assertThat(zd.get("participationRatioPerNFiniteN").asDouble()).isCloseTo(q * q - s * ((2 * s + 9) * s - 2) / 200,
                offset(1e-12));
        CliRunner.Result tanh = run("correlations", "theory", "--g", "0.8", "--phi", "tanh", "--noise", "white:0.5", "--n", "200",
                "--json");
        assertThat(tanh.code()).as(tanh.err()).isZero();
        JsonNode t = new ObjectMapper().readTree(tanh.out());
        // the derived corrections are for the linear network only
        assertThat(t.get("meanAutoCovFiniteN").isNull()).isTrue();
        assertThat(t.get("equalTimeParticipationRatioPerNFiniteN").isNull()).isTrue();
        // nonlinear units: the cavity theory by default (its ā is the DMFT variance), the old mapping on request
        assertThat(t.get("mapping").asText()).isEqualTo("cavity");
        assertThat(t.get("spectralRadius").asDouble()).isLessThan(0.8).isGreaterThan(0.5);
        assertThat(t.get("equalTimeMeanAutoCov").asDouble()).isEqualTo(t.get("dmftVariance").asDouble(), offset(1e-12));
        JsonNode eg = new ObjectMapper().readTree(run("correlations", "theory", "--g", "0.8", "--phi", "tanh", "--noise",
                "white:0.5", "--n", "200", "--mapping", "effective-gain", "--json").out());
        assertThat(eg.get("mapping").asText()).isEqualTo("effective-gain");
        double rEff = eg.get("spectralRadius").asDouble();
        assertThat(rEff).isEqualTo(t.get("spectralRadius").asDouble(), offset(1e-12));
        assertThat(eg.get("equalTimeMeanAutoCov").asDouble()).isCloseTo(0.25 / (2 * Math.sqrt(1 - rEff * rEff)), offset(1e-12));
        // OU noise on linear units: zero frequency as with white noise of the same sigma, equal-time ā = σ²/(2a(1 + aτ_n))
        JsonNode ou = new ObjectMapper().readTree(run("correlations", "theory", "--g", "0.6", "--phi", "linear", "--noise",
                "ou:1.0:0.5", "--n", "200", "--json").out());
        assertThat(ou.get("mapping").asText()).isEqualTo("linear");
        assertThat(ou.get("meanAutoCov").asDouble()).isCloseTo(1 / (q), offset(3e-5 / q));
        double a = Math.sqrt(q);
        assertThat(ou.get("equalTimeMeanAutoCov").asDouble()).isCloseTo(1 / (2 * a * (1 + 0.5 * a)), offset(1e-5));
        assertThat(ou.get("eigenUpper").isNumber()).isTrue();
        assertThat(run("correlations", "theory", "--g", "0.6", "--phi", "tanh", "--noise", "white:1", "--mapping", "exact")
                .err()).contains("--mapping").contains("auto, cavity, effective-gain");
        CliRunner.Result bad = run("correlations", "theory", "--g", "1.2", "--phi", "linear", "--noise", "white:1");
        assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err()).contains("spectral radius must be < 1");
        CliRunner.Result noNoise = run("correlations", "theory", "--g", "0.5", "--phi", "linear");
        assertThat(noNoise.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(noNoise.err()).contains("white:SIGMA");
    }

    @Test
    void theoryWithASchemeGivesWhatTheSchemeRecords() throws Exception {
        // --integrator euler --dt 0.2: the scheme's own DMFT and cavity (SteppedCavityCovariance, checked against the
        // closed forms and simulations in chaoslab-core); here the CLI against the library, and the one-line refusals
        JsonNode j = new ObjectMapper().readTree(run("correlations", "theory", "--g", "2", "--phi", "tanh", "--noise", "white:2",
                "--n", "200", "--integrator", "euler", "--dt", "0.2", "--json").out());
        org.chaoslab.model.RateNetwork net = org.chaoslab.model.RateNetwork.scs(200, 2.0, new org.chaoslab.model.TransferFunctions.Tanh())
                .withInput(org.chaoslab.model.ExternalInput.NONE.withNoise(new org.chaoslab.model.Noise.White(2.0)));
        var st = org.chaoslab.theory.covariance.SteppedCavityCovariance.of(net, org.chaoslab.theory.dmft.OneStepScheme.euler(0.2),
                org.chaoslab.theory.dmft.DmftOptions.defaults()).equalTime();
        JsonNode s = j.get("scheme");
        assertThat(s.get("integrator").asText()).isEqualTo("euler");
        assertThat(s.get("equalTimeMeanAutoCov").asDouble()).isCloseTo(st.meanAutoCov(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.get("equalTimeParticipationRatioPerN").asDouble())
                .isCloseTo(st.participationRatioPerN(), org.assertj.core.api.Assertions.within(1e-9));
        // the ODE's values stay where they were (euler at dt = 0.2 raises a by 0.23)
        assertThat(j.get("equalTimeMeanAutoCov").asDouble()).isLessThan(st.meanAutoCov() - 0.2);
        CliRunner.Result quenched = run("correlations", "theory", "--g", "1.5", "--phi", "tanh", "--noise", "quenched:2", "--dt", "0.1");
        assertThat(quenched.code()).isEqualTo(2);
        assertThat(quenched.err()).contains("--dt: the recorded statistics of a scheme are for annealed noise");
        CliRunner.Result euler = run("correlations", "theory", "--g", "2", "--phi", "tanh", "--noise", "white:2", "--integrator",
                "euler", "--dt", "1.5");
        assertThat(euler.code()).isEqualTo(2);
        assertThat(euler.err()).contains("--dt must be finite and > 0 (and < 1 for euler) (got 1.5)");
    }

    @Test
    void simulateWritesSummaryArraysAndPlots(@TempDir Path dir) throws Exception {
        CliRunner.Result r = run("correlations", "simulate", "--g", "0.5", "--phi", "linear", "--noise", "white:1.0", "--n", "60",
                "--t", "800", "--transient", "20", "--realizations", "3", "--window", "25", "--seed", "2", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = CliRunner.summary(dir, "correlations simulate");
        assertThat(summary.get("verdicts").size()).isEqualTo(7);
        assertThat(summary.get("seeds").get("master").asLong()).isEqualTo(2);
        assertThat(summary.get("seeds").get("realizations").asText()).isEqualTo("2 .. 4");
        JsonNode s = summary.get("results");
        assertThat(s.get("theory").get("participationRatioPerN").asDouble()).isCloseTo(0.5625, offset(1e-12));
        // one realization-mean with 3 realizations: within 5 SE (loose: a smoke test; CorrelationStatisticsTest is the check)
        JsonNode a = s.get("meanAutoCov");
        assertThat(Math.abs(a.get("zScore").asDouble())).isLessThan(5);
        for (String f : new String[] {"eigenvalues.npy", "cross_covariances.npy", "pr_vs_g.png", "pr_vs_g.svg",
                "cross_covariances.png", "eigenvalues.svg"}) {
            assertThat(dir.resolve(f)).exists();
        }
        CliRunner.Result c = run("compare", "correlations", "--g", "0.5", "--phi", "linear", "--noise", "white:1.0", "--n", "40",
                "--t", "400", "--realizations", "2", "--window", "25", "--out", dir.resolve("cmp").toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(CliRunner.results(dir.resolve("cmp"), "compare correlations").get("agrees").isBoolean()).isTrue();
        // OU noise and nonlinear units: the cavity theory by default, the effective gain on request
        CliRunner.Result ou = run("compare", "correlations", "--g", "0.8", "--phi", "tanh", "--noise", "ou:1.0:0.5", "--n", "40",
                "--t", "400", "--realizations", "2", "--window", "25", "--out", dir.resolve("ou").toString());
        assertThat(ou.code()).as(ou.err()).isZero();
        JsonNode ouResults = CliRunner.results(dir.resolve("ou"), "compare correlations");
        assertThat(ouResults.get("mapping").asText()).isEqualTo("cavity");
        assertThat(ouResults.get("theory").get("mapping").asText()).isEqualTo("cavity");
        assertThat(ouResults.get("failedRealizations").asInt()).isZero();
        CliRunner.Result eg = run("compare", "correlations", "--g", "0.8", "--phi", "tanh", "--noise", "ou:1.0:0.5", "--n", "40",
                "--t", "400", "--realizations", "2", "--window", "25", "--mapping", "effective-gain", "--out",
                dir.resolve("eg").toString());
        assertThat(eg.code()).as(eg.err()).isZero();
        assertThat(CliRunner.results(dir.resolve("eg"), "compare correlations").get("mapping").asText()).isEqualTo("effective-gain");
    }

    @Test
    void quenchedNoiseTheoryAndComparison(@TempDir Path dir) throws Exception {
        // the static mean field of tanh at g = 1.5 with a frozen input of sigma = 2 (independent check: the fixed point
        // of Delta = 4 + 2.25 <tanh^2>_Delta by 120-node Gauss-Hermite in numpy gives 5.5365, <phi'> 0.3171)
        JsonNode q = new ObjectMapper().readTree(run("correlations", "theory", "--g", "1.5", "--phi", "tanh", "--noise",
                "quenched:2", "--n", "200", "--json").out());
        assertThat(q.get("mapping").asText()).isEqualTo("cavity");
        assertThat(q.get("meanAutoCov").asDouble()).isCloseTo(5.5365, offset(1e-3));
        assertThat(q.get("meanSlope").asDouble()).isCloseTo(0.3171, offset(1e-3));
        assertThat(q.get("participationRatioPerN").asDouble()).isCloseTo(0.58357, offset(1e-4));
        assertThat(q.get("meanAutoCovFiniteN").isNull()).isTrue();
        JsonNode eg = new ObjectMapper().readTree(run("correlations", "theory", "--g", "1.5", "--phi", "tanh", "--noise",
                "quenched:2", "--n", "200", "--mapping", "effective-gain", "--json").out());
        assertThat(eg.get("meanAutoCov").asDouble()).isCloseTo(5.16985, offset(1e-4));
        // linear units: the zero-frequency closed forms of white noise, sigma^2/(1 - R^2), with the 1/N terms
        JsonNode lin = new ObjectMapper().readTree(run("correlations", "theory", "--g", "0.6", "--phi", "linear", "--noise",
                "quenched:1", "--n", "200", "--json").out());
        assertThat(lin.get("meanAutoCov").asDouble()).isCloseTo(1.5625, offset(1e-9));
        assertThat(lin.get("participationRatioPerN").asDouble()).isCloseTo(0.4096, offset(1e-9));
        assertThat(lin.get("meanAutoCovFiniteN").asDouble()).isGreaterThan(1.5625);
        CliRunner.Result chaotic = run("correlations", "theory", "--g", "3", "--phi", "tanh", "--noise", "quenched:0.1");
        assertThat(chaotic.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(chaotic.err()).contains("g^2<phi'^2>");

        CliRunner.Result c = run("compare", "correlations", "--g", "1.5", "--phi", "tanh", "--noise", "quenched:2", "--n", "60",
                "--trials", "120", "--realizations", "3", "--seed", "4", "--out", dir.resolve("q").toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode r = CliRunner.results(dir.resolve("q"), "compare correlations");
        assertThat(r.get("trials").asInt()).isEqualTo(120);
        assertThat(r.get("mapping").asText()).isEqualTo("cavity");
        // 3 realizations of N = 60: a smoke test of the command (QuenchedCorrelationComparisonTest is the check)
        assertThat(Math.abs(r.get("meanAutoCov").get("zScore").asDouble())).isLessThan(6);
        assertThat(dir.resolve("q").resolve("eigenvalues.npy")).exists();
        CliRunner.Result odd = run("compare", "correlations", "--g", "1.5", "--phi", "tanh", "--noise", "quenched:2", "--n", "60",
                "--trials", "121", "--out", dir.resolve("odd").toString());
        assertThat(odd.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(odd.err()).contains("--trials");
        assertThat(dir.resolve("odd")).doesNotExist();
    }

    @Test
    void quenchedNoiseWithAStaticPart(@TempDir Path dir) throws Exception {
        // sigmoid (non-odd): each unit at its own offset; the cavity's a is the trial variance q, not Delta
        // (QuenchedCovarianceTest, QuenchedCorrelationComparisonTest check the numbers)
        JsonNode s = new ObjectMapper().readTree(run("correlations", "theory", "--g", "4", "--phi", "sigmoid", "--noise",
                "quenched:1", "--n", "200", "--json").out());
        assertThat(s.get("mapping").asText()).isEqualTo("cavity");
        assertThat(s.get("frozenVariance").asDouble()).isCloseTo(5.4798, offset(1e-3));
        assertThat(s.get("meanAutoCov").asDouble()).isCloseTo(s.get("trialVariance").asDouble(), offset(1e-12));
        assertThat(s.get("staticVariance").asDouble()).isCloseTo(
                s.get("trialVariance").asDouble() + s.get("frozenVariance").asDouble(), offset(1e-12));
        assertThat(s.get("spectralRadius").asDouble()).isCloseTo(0.5550, offset(1e-3));
        assertThat(s.get("eigenLower").isNull()).isTrue();
        JsonNode e = new ObjectMapper().readTree(run("correlations", "theory", "--g", "4", "--phi", "sigmoid", "--noise",
                "quenched:1", "--n", "200", "--mapping", "effective-gain", "--json").out());
        assertThat(e.get("spectralRadius").asDouble()).isCloseTo(0.5043, offset(1e-3));
        // linear units with an input: the closed forms (the input drops out of the covariance)
        JsonNode lin = new ObjectMapper().readTree(run("correlations", "theory", "--g", "0.6", "--phi", "linear", "--noise",
                "quenched:1", "--input", "0.5", "--n", "200", "--json").out());
        assertThat(lin.get("meanAutoCov").asDouble()).isCloseTo(1.5625, offset(1e-9));
        assertThat(lin.get("participationRatioPerN").asDouble()).isCloseTo(0.4096, offset(1e-9));
        // no stable fixed point (sigmoid at g = 12: g^2<phi'^2> > 1): one line naming the flags
        CliRunner.Result unstable = run("correlations", "theory", "--g", "12", "--phi", "sigmoid", "--noise", "quenched:0.5");
        assertThat(unstable.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(unstable.err()).contains("--g/--noise").contains("g^2<phi'^2>");
        assertThat(unstable.err().strip().lines().count()).isEqualTo(1);

        CliRunner.Result c = run("compare", "correlations", "--g", "4", "--phi", "sigmoid", "--noise", "quenched:1", "--input",
                "0.5", "--n", "60", "--trials", "120", "--realizations", "3", "--seed", "4", "--out", dir.resolve("q").toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode r = CliRunner.results(dir.resolve("q"), "compare correlations");
        assertThat(r.get("theory").get("frozenVariance").asDouble()).isPositive();
        // 3 realizations of N = 60: a smoke test (QuenchedCorrelationComparisonTest is the check)
        assertThat(Math.abs(r.get("meanAutoCov").get("zScore").asDouble())).isLessThan(6);
    }

    @Test
    void theoryWithoutNoiseReportsTheCavityDimension() throws Exception {
        CliRunner.Result r = run("correlations", "theory", "--g", "3", "--phi", "tanh", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        // published (Clark, Abbott & Litwin-Kumar 2023): 0.0313720 and 0.0446510, to the last digit (ChaoticDimensionTest)
        assertThat(j.get("participationRatioPerN").asDouble()).isCloseTo(0.0313720, offset(1e-7));
        assertThat(j.get("participationRatioPhiPerN").asDouble()).isCloseTo(0.0446510, offset(1e-7));
        assertThat(j.get("participationRatio").isNull()).isTrue();     // no --n: no N-dependent value
        CliRunner.Result withN = run("correlations", "theory", "--g", "3", "--phi", "tanh", "--n", "1000", "--json");
        assertThat(withN.code()).as(withN.err()).isZero();
        JsonNode k = new ObjectMapper().readTree(withN.out());
        assertThat(k.get("participationRatio").asDouble()).isCloseTo(1000 * k.get("participationRatioPerN").asDouble(),
                offset(1e-9));
        CliRunner.Result fixedPoint = run("correlations", "theory", "--g", "0.5", "--phi", "tanh");
        assertThat(fixedPoint.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(fixedPoint.err()).contains("--g").contains("chaotic");
        CliRunner.Result sweep = run("correlations", "theory", "--phi", "tanh", "--g-values", "2,3", "--json");
        assertThat(sweep.code()).as(sweep.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(sweep.out()).get("points");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(1).get("participationRatioPerN").asDouble()).isCloseTo(0.0313720, offset(1e-7));
        // the dimension grows with g (cavity: 0.0159 at g = 2, 0.0314 at g = 3)
        assertThat(rows.get(0).get("participationRatioPerN").asDouble()).isLessThan(rows.get(1).get("participationRatioPerN").asDouble());
        CliRunner.Result sweepNoise = run("correlations", "theory", "--phi", "tanh", "--g-values", "2,3", "--noise", "white:1");
        assertThat(sweepNoise.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(sweepNoise.err()).contains("--g-values");
    }

    @Test
    void theoryJsonHasTheEqualTimeKeys() throws Exception {
        CliRunner.Result r = run("correlations", "theory", "--g", "0.6", "--phi", "linear", "--noise", "white:1.0", "--n", "200",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        // R = 0.6, D = 1: a = 0.8, PR/N = 8a³/(a⁴ + 2a³ + 4a² − 2a + 3) = 2560/3371, N Var = (1 − a)(3 + a + 5a² − a³)/(32a⁵)
        assertThat(j.get("equalTimeMeanAutoCov").asDouble()).isCloseTo(0.625, offset(1e-12));
        assertThat(j.get("equalTimeParticipationRatioPerN").asDouble()).isCloseTo(2560.0 / 3371.0, offset(1e-12));
        assertThat(j.get("equalTimeVarCrossCov").asDouble()).isCloseTo(4055.0 / 32768.0 / 200, offset(1e-12));
    }

    @Test
    void compareWithoutNoiseWritesTheChaoticDimension(@TempDir Path dir) throws Exception {
        CliRunner.Result c = run("compare", "correlations", "--g", "3", "--phi", "tanh", "--n", "100", "--t", "200",
                "--transient", "50", "--realizations", "2", "--seed", "4", "--threads", "1", "--out", dir.toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode s = CliRunner.results(dir, "compare correlations");
        assertThat(s.get("theory").get("participationRatioPerN").asDouble()).isCloseTo(0.0313720, offset(1e-7));
        assertThat(s.get("theory").get("participationRatio").asDouble()).isCloseTo(3.13720, offset(1e-5));
        // a smoke test (N = 100, 2 short runs): a positive PR of a few dimensions; ChaoticDimensionVsSimulationTest checks
        assertThat(s.get("participationRatioPerN").get("simulation").asDouble()).isGreaterThan(0.0).isLessThan(0.2);
        assertThat(s.get("perRealizationX").size()).isEqualTo(2);
        assertThat(dir.resolve("pr_vs_g.png")).exists();
    }
}
