package org.chaoslab.cli.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chaoslab.cli.rate.BatchFixture.assertSameSchema;
import static org.chaoslab.cli.rate.BatchFixture.commandError;
import static org.chaoslab.cli.rate.BatchFixture.commandResults;
import static org.chaoslab.cli.rate.BatchFixture.number;
import static org.chaoslab.cli.rate.BatchFixture.unbatched;
import static org.chaoslab.cli.rate.BatchFixture.with;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chaoslab.cli.Chaoslab;
import org.chaoslab.cli.Main;
import org.chaoslab.cli.common.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batched g-sweep of {@code simulate rate} against the command itself, point by point. */
class SimulateRateBatchTest {

    private static final List<String> COMMAND = List.of("simulate", "rate");

    /**
     * Below the transition each point's results are the command's to rounding. The two runs differ only in the
     * couplings' rounding (g·(z/√N) against (g/√N)·z) and the product's summation order; the dynamics contracts at
     * g &lt; 1 (every Jacobian eigenvalue has real part ≈ −(1 − g) or less), so these ~1e-16 relative errors are damped,
     * not amplified: asserted 1e-10 relative (1e-8 for the time SE, a spread of batch means, which loses a few digits).
     * The parameters as run (network, run) are the command's exactly.
     */
    @Test
    void belowTheTransitionEachPointIsTheCommandsRunToRounding(@TempDir Path dir) {
        List<String> args = List.of("--n", "300", "--t", "20", "--transient", "5", "--seed", "7", "--threads", "1");
        double[] gains = {0.3, 0.6, 0.9};
        assertThat(SimulateRateBatch.canBatch(args)).isTrue();
        List<Map<String, Object>> batched = SimulateRateBatch.run(args, gains);
        assertThat(batched).hasSize(3);
        for (int k = 0; k < gains.length; k++) {
            Map<String, Object> b = batched.get(k);
            Map<String, Object> single = commandResults(COMMAND, args, gains[k], dir, b);
            assertThat(b.get(SimulateRateBatch.STATUS)).isEqualTo(RunSummary.COMPLETED);
            assertThat(b.get("network")).isEqualTo(single.get("network"));
            assertThat(b.get("run")).isEqualTo(single.get("run"));
            assertThat(b.get("recordedSteps")).isEqualTo(single.get("recordedSteps"));
            double ms = number(single, "meanSquare");
            double dms = Math.abs(number(b, "meanSquare") - ms) / ms;
            double dse = Math.abs(number(b, "meanSquareTimeError") - number(single, "meanSquareTimeError"))
                    / number(single, "meanSquareTimeError");
            double dmean = Math.max(Math.abs(number(b, "mean") - number(single, "mean")),
                    Math.abs(number(b, "meanRate") - number(single, "meanRate"))) / Math.sqrt(ms);   // ⟨x⟩ ≈ 0: vs the spread
            double dc0 = Math.abs(number(b, "meanSquareRate") - number(single, "meanSquareRate")) / number(single, "meanSquareRate");
            System.out.printf(Locale.ROOT, "simulate rate --g %.1f, batched vs unbatched (relative): <x^2> %.2e, SE %.2e, "
                    + "<x>,<phi> %.2e, <phi^2> %.2e%n", gains[k], dms, dse, dmean, dc0);
            assertThat(dms).isLessThan(1e-10);
            assertThat(dse).isLessThan(1e-8);
            assertThat(dmean).isLessThan(1e-10);
            assertThat(dc0).isLessThan(1e-10);
        }
    }

    /**
     * In the chaotic phase the rounding differences grow like e^{λt} (λ > 0, the largest Lyapunov exponent) until the
     * batched and the unbatched trajectory are two different trajectories of the same realization's attractor; their
     * time averages then differ by their statistical errors. Each ⟨x²⟩ comes with the standard error of its time average
     * (batch means): treating the two as independent estimates of the same stationary ⟨x²⟩ of this realization, the
     * difference has standard deviation √(se₁² + se₂²), and |Δ| &lt; 4√(se₁² + se₂²) fails by chance with probability
     * ~6e-5 for a Gaussian difference. The two runs start from the same state and stay equal for the first Lyapunov
     * times, which makes them positively correlated and the test conservative. t = 300 after a transient of 50 gives
     * 20 batches of 15 time units, longer than the correlation time of x at these gains (a few units at g ≥ 1.5).
     */
    @Test
    void inTheChaoticPhaseEachPointAgreesWithinItsStatisticalError(@TempDir Path dir) {
        List<String> args = List.of("--n", "400", "--t", "300", "--transient", "50", "--dt", "0.1", "--seed", "3",
                "--acf-max-lag", "10");
        double[] gains = {1.5, 2.0, 3.0};
        List<Map<String, Object>> batched = SimulateRateBatch.run(args, gains);
        for (int k = 0; k < gains.length; k++) {
            Map<String, Object> b = batched.get(k);
            Map<String, Object> single = commandResults(COMMAND, args, gains[k], dir, b);
            double delta = number(b, "meanSquare") - number(single, "meanSquare");
            double se = Math.hypot(number(b, "meanSquareTimeError"), number(single, "meanSquareTimeError"));
            System.out.printf(Locale.ROOT, "simulate rate --g %.1f: <x^2> batched %.4f +- %.4f, unbatched %.4f +- %.4f, "
                    + "|diff| = %.2f combined SE; <phi^2> %.4f vs %.4f%n", gains[k], number(b, "meanSquare"),
                    number(b, "meanSquareTimeError"), number(single, "meanSquare"), number(single, "meanSquareTimeError"),
                    Math.abs(delta) / se, number(b, "meanSquareRate"), number(single, "meanSquareRate"));
            assertThat(se).isPositive();
            assertThat(Math.abs(delta)).isLessThan(4 * se);
        }
    }

    /** The same bits on one thread and on two (the project's rule; the scalar results compared exactly). */
    @Test
    void sameResultsForAnyThreadCount() {
        List<String> base = List.of("--n", "250", "--t", "30", "--transient", "5", "--seed", "5", "--noise", "white:0.3");
        double[] gains = {0.8, 1.7, 2.5};
        List<Map<String, Object>> one = SimulateRateBatch.run(with(base, "--threads", "1"), gains);
        List<Map<String, Object>> two = SimulateRateBatch.run(with(base, "--threads", "2"), gains);
        for (int k = 0; k < gains.length; k++) {
            for (String key : List.of("meanSquare", "meanSquareTimeError", "mean", "meanRate", "meanSquareRate", "recordedSteps")) {
                assertThat(two.get(k).get(key)).as("g %s %s", gains[k], key).isEqualTo(one.get(k).get(key));
            }
        }
    }

    /**
     * A diverging point is reported as the command reports it, and the others complete. Linear φ at g = 3 grows like
     * e^{2t} and passes the divergence limit (Σ|x| > 1e100) near t ≈ 110; the batched column follows the unbatched
     * trajectory up to a relative rounding that the growth does not amplify, so both diverge at the same step, ±1
     * where the crossing falls within that rounding.
     */
    @Test
    void aDivergingPointIsReportedAsTheCommandReportsItAndTheOthersComplete(@TempDir Path dir) {
        List<String> args = List.of("--n", "200", "--phi", "linear", "--t", "150", "--transient", "0", "--dt", "0.1",
                "--seed", "2", "--threads", "2");
        double[] gains = {0.5, 3.0, 0.9};
        List<Map<String, Object>> batched = SimulateRateBatch.run(args, gains);
        Chaoslab.Outcome o = unbatched(COMMAND, args, 3.0, dir);
        assertThat(o.exitCode()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.summary().orElseThrow().status()).isEqualTo(RunSummary.DIVERGED);
        Map<String, Object> single = o.results();
        Map<String, Object> diverged = batched.get(1);
        assertSameSchema(diverged, single);
        assertThat(diverged.get(SimulateRateBatch.STATUS)).isEqualTo(RunSummary.DIVERGED);
        long step = (Long) diverged.get("recordedSteps") + 1;   // transient 0: the steps before the diverged one
        long singleStep = (Long) single.get("recordedSteps") + 1;
        assertThat(step).isBetween(singleStep - 1, singleStep + 1);
        assertThat((String) diverged.get("divergence")).startsWith("simulation diverged").contains("at step " + step + " ");
        if (step == singleStep) {
            assertThat(diverged.get("divergence")).isEqualTo(single.get("divergence"));
        }
        // what it recorded before: finite moments
        assertThat(number(diverged, "meanSquare")).isFinite().isPositive();
        for (int k : new int[] {0, 2}) {
            assertThat(batched.get(k).get(SimulateRateBatch.STATUS)).isEqualTo(RunSummary.COMPLETED);
            assertThat(batched.get(k)).doesNotContainKey("divergence");
            assertThat(batched.get(k).get("recordedSteps")).isEqualTo(1500L);
        }
    }

    /** What can be batched, and bad input refused with the command's own one-line message. */
    @Test
    void canBatchAndTheCommandsMessages(@TempDir Path dir) {
        List<String> ok = List.of("--n", "2000", "--t", "100", "--seed", "7", "--threads", "1");
        assertThat(SimulateRateBatch.canBatch(ok)).isTrue();
        assertThat(SimulateRateBatch.canBatch(with(ok, "--replicas", "4"))).isTrue();   // a group of 4 columns per point
        assertThat(SimulateRateBatch.canBatch(with(ok, "--noise", "ou:0.5:2", "--integrator", "rk4", "--eta", "0.3"))).isTrue();
        assertThat(SimulateRateBatch.canBatch(with(ok, "--j0", "0.5"))).isFalse();
        assertThat(SimulateRateBatch.canBatch(with(ok, "--g", "2"))).isFalse();
        assertThat(SimulateRateBatch.canBatch(with(ok, "--out", "x"))).isFalse();
        assertThat(SimulateRateBatch.canBatch(List.of("--n", "0"))).isFalse();

        assertThatThrownBy(() -> SimulateRateBatch.run(with(ok, "--j0", "0.5"), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--j0 must be 0 for a batched gain sweep (got 0.5)")
                .hasMessageContaining("does not scale with g").hasMessageNotContaining("\n");
        // bad input: the message `simulate rate` prints after "chaoslab: error: "
        for (String[] bad : new String[][] {{"--n", "0"}, {"--dt", "-0.1"}, {"--phi", "softsign"}, {"--t", "abc"}, {"--bogus", "1"},
            {"--acf-max-lag", "0"}}) {
            List<String> args = List.of(bad);
            String expected = commandError(COMMAND, args, 1.0, dir);
            assertThatThrownBy(() -> SimulateRateBatch.run(args, new double[] {1.0}))
                    .as(String.join(" ", bad)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
        }
        String badGain = commandError(COMMAND, List.of("--n", "10"), Double.NaN, dir);
        assertThat(badGain).startsWith("--g must be finite");
        assertThatThrownBy(() -> SimulateRateBatch.run(List.of("--n", "10"), new double[] {1.0, Double.NaN}))
                .hasMessage(badGain);
    }
}
