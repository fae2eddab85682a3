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

/** The batched g-sweep of {@code lyapunov --method two-replica} against the command itself, point by point. */
class LyapunovBatchTest {

    private static final List<String> COMMAND = List.of("lyapunov");
    private static final List<String> TWO_REPLICA = List.of("--method", "two-replica");

    /**
     * Below the transition each point's results are the command's to rounding: the two differ in the couplings'
     * rounding (g·(z/√N) against (g/√N)·z) and in nothing else — the unbatched command runs the same estimator on one
     * pair (TwoReplicaBatch.single), whose every product entry is the same fma chain as the batch's. The dynamics
     * contracts at g &lt; 1, so those ~1e-16 relative errors are damped; λ differs by what they are against the
     * replica's separation of 1e-8 per unit (≲ 1e-8 per renormalization, averaged over 60): asserted 1e-8 (the analyzer
     * comparison in TwoReplicaBatchTest measured ≤ 1.5e-9), its half-width 1e-7. The parameters as run are the
     * command's exactly, the DMFT value too (the same solver on the same network).
     */
    @Test
    void belowTheTransitionEachPointIsTheCommandsRunToRounding(@TempDir Path dir) {
        List<String> args = with(TWO_REPLICA, "--n", "150", "--t", "60", "--warmup", "20:10", "--seed", "7", "--threads", "1",
                "--noise", "white:0.2");
        double[] gains = {0.3, 0.6, 0.9};
        assertThat(LyapunovBatch.canBatch(args)).isTrue();
        List<Map<String, Object>> batched = LyapunovBatch.run(args, gains);
        assertThat(batched).hasSize(3);
        for (int k = 0; k < gains.length; k++) {
            Map<String, Object> b = batched.get(k);
            Map<String, Object> single = commandResults(COMMAND, args, gains[k], dir, b);
            assertThat(b.get(SimulateRateBatch.STATUS)).isEqualTo(RunSummary.COMPLETED);
            for (String key : List.of("network", "run", "lambdaMaxDmft", "renormalizations", "accumulationTime", "batches")) {
                assertThat(b.get(key)).as(key).isEqualTo(single.get(key));
            }
            double d = number(b, "lambdaMaxTwoReplica") - number(single, "lambdaMaxTwoReplica");
            System.out.printf(Locale.ROOT, "lyapunov --method two-replica --g %.1f: batched %.12f, unbatched %.12f, difference %.1e%n",
                    gains[k], number(b, "lambdaMaxTwoReplica"), number(single, "lambdaMaxTwoReplica"), d);
            assertThat(number(b, "lambdaMaxTwoReplica")).isNegative();
            assertThat(Math.abs(d)).isLessThan(1e-8);
            assertThat(Math.abs(number(b, "lambdaMaxTwoReplicaCi") - number(single, "lambdaMaxTwoReplicaCi"))).isLessThan(1e-7);
        }
    }

    /**
     * In the chaotic phase the rounding grows like e^{λt} until the batched and unbatched trajectories are two
     * different trajectories of the same realization: their λ estimates then differ by their statistical errors. Each
     * comes with a 95% batch-means half-width h (Student t, 19 degrees of freedom: h ≈ 2.09 SE); treating the two as
     * independent estimates, the difference has SE √(h₁² + h₂²)/2.09, and |Δ| &lt; 1.5·√(h₁² + h₂²) (≈ 3.1 SE) fails by
     * chance with probability ~0.2% per point for a Gaussian difference; the two start from the same state and stay
     * close for the first ~200 time units (λ ≈ 0.15: e^{λt}·1e-16 reaches O(1) at t ≈ 250), which correlates them and
     * makes the check conservative (measured 0.02 and 0.41 of the bound: pure-Java products, the same bits on every
     * run).
     */
    @Test
    void inTheChaoticPhaseEachPointAgreesWithinItsInterval(@TempDir Path dir) {
        List<String> args = with(TWO_REPLICA, "--n", "200", "--t", "400", "--warmup", "50:20", "--seed", "3");
        double[] gains = {2.5, 3.0};
        List<Map<String, Object>> batched = LyapunovBatch.run(args, gains);
        for (int k = 0; k < gains.length; k++) {
            Map<String, Object> b = batched.get(k);
            Map<String, Object> single = commandResults(COMMAND, args, gains[k], dir, b);
            double delta = number(b, "lambdaMaxTwoReplica") - number(single, "lambdaMaxTwoReplica");
            double bound = 1.5 * Math.hypot(number(b, "lambdaMaxTwoReplicaCi"), number(single, "lambdaMaxTwoReplicaCi"));
            System.out.printf(Locale.ROOT, "lyapunov --method two-replica --g %.1f: batched %.5f +- %.5f, unbatched %.5f +- %.5f, "
                    + "|diff| = %.2f of the bound%n", gains[k], number(b, "lambdaMaxTwoReplica"), number(b, "lambdaMaxTwoReplicaCi"),
                    number(single, "lambdaMaxTwoReplica"), number(single, "lambdaMaxTwoReplicaCi"), Math.abs(delta) / bound);
            assertThat(number(b, "lambdaMaxTwoReplica")).isPositive();
            assertThat(Math.abs(delta)).isLessThan(bound);
        }
    }

    /** The same bits on one thread and on two. */
    @Test
    void sameResultsForAnyThreadCount() {
        List<String> base = with(TWO_REPLICA, "--n", "150", "--t", "40", "--warmup", "10", "--seed", "5", "--noise", "white:0.3");
        double[] gains = {0.8, 1.7, 2.5};
        List<Map<String, Object>> one = LyapunovBatch.run(with(base, "--threads", "1"), gains);
        List<Map<String, Object>> two = LyapunovBatch.run(with(base, "--threads", "2"), gains);
        for (int k = 0; k < gains.length; k++) {
            for (String key : List.of("lambdaMaxTwoReplica", "lambdaMaxTwoReplicaCi", "renormalizations")) {
                assertThat(two.get(k).get(key)).as("g %s %s", gains[k], key).isEqualTo(one.get(k).get(key));
            }
        }
    }

    /**
     * A diverging point is reported as the command reports it — status diverged, the message, no estimate — and the
     * others complete. Linear φ at g = 3: x grows like e^{2t}, until x′ rounds to x and the replica's distance cannot
     * be renormalized (TwoReplicaBatchTest); the unbatched pair follows the same trajectory up to the couplings'
     * rounding, which the growth does not amplify (one dominant mode), so both stop at the same renormalization.
     */
    @Test
    void aDivergingPointIsReportedAsTheCommandReportsItAndTheOthersComplete(@TempDir Path dir) {
        List<String> args = with(TWO_REPLICA, "--n", "100", "--phi", "linear", "--t", "40", "--warmup", "20:10", "--seed", "2");
        double[] gains = {0.5, 3.0, 0.9};
        List<Map<String, Object>> batched = LyapunovBatch.run(args, gains);
        Chaoslab.Outcome o = unbatched(COMMAND, args, 3.0, dir);
        assertThat(o.exitCode()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.summary().orElseThrow().status()).isEqualTo(RunSummary.DIVERGED);
        assertThat(o.err()).contains("diverged");
        Map<String, Object> single = o.results();
        Map<String, Object> diverged = batched.get(1);
        assertSameSchema(diverged, single);
        assertThat(diverged.get(SimulateRateBatch.STATUS)).isEqualTo(RunSummary.DIVERGED);
        assertThat(diverged).doesNotContainKey("lambdaMaxTwoReplica");
        assertThat(diverged.get("message")).isEqualTo(single.get("message"));
        for (int k : new int[] {0, 2}) {
            assertThat(batched.get(k).get(SimulateRateBatch.STATUS)).isEqualTo(RunSummary.COMPLETED);
            assertThat(batched.get(k)).doesNotContainKey("message");
            assertThat(number(batched.get(k), "lambdaMaxTwoReplica")).isNegative();
        }
    }

    /** What can be batched, and bad input refused with the command's own one-line message. */
    @Test
    void canBatchAndTheCommandsMessages(@TempDir Path dir) {
        List<String> ok = with(TWO_REPLICA, "--n", "500", "--t", "100", "--seed", "7", "--threads", "1");
        assertThat(LyapunovBatch.canBatch(ok)).isTrue();
        assertThat(LyapunovBatch.canBatch(with(ok, "--noise", "ou:0.5:2", "--integrator", "euler", "--eta", "0.3", "--float32")))
                .isTrue();
        assertThat(LyapunovBatch.canBatch(List.of("--n", "500", "--t", "100"))).isFalse();   // the QR method, per point
        assertThat(LyapunovBatch.canBatch(with(ok, "--j0", "0.5"))).isFalse();
        assertThat(LyapunovBatch.canBatch(with(ok, "--g", "2"))).isFalse();
        assertThat(LyapunovBatch.canBatch(with(ok, "--out", "x"))).isFalse();
        assertThat(LyapunovBatch.canBatch(with(ok, "--ons", "0.01"))).isFalse();

        assertThatThrownBy(() -> LyapunovBatch.run(List.of("--n", "50"), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("only --method two-replica is batched")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> LyapunovBatch.run(with(ok, "--j0", "0.5"), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--j0 must be 0 for a batched gain sweep (got 0.5)").hasMessageNotContaining("\n");
        for (String[] bad : new String[][] {{"--n", "0"}, {"--dt", "-0.1"}, {"--t", "1"}, {"--batches", "1"}, {"--bogus", "1"},
            {"--method", "lanczos"}}) {
            List<String> args = with(TWO_REPLICA, bad);
            String expected = commandError(COMMAND, args, 1.0, dir);
            assertThatThrownBy(() -> LyapunovBatch.run(args, new double[] {1.0}))
                    .as(String.join(" ", bad)).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
        }
    }
}
