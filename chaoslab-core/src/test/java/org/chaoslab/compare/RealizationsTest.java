package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.analysis.CovarianceStatistics;
import org.chaoslab.sim.Divergence;
import org.chaoslab.theory.covariance.CovarianceTheory;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.junit.jupiter.api.Test;

/**
 * The realization loop shared by the comparisons: seeds seed + r, progress scaled to the R realizations, and the one
 * divergence policy (a diverged realization is recorded as failed and the loop goes on); and a pure compare that
 * reports the failures it was given.
 */
class RealizationsTest {

    @Test
    void realizationRHasSeedPlusRAndTheLoopGoesOnAfterADivergence() {
        List<long[]> calls = new ArrayList<>();
        Realizations.Recordings<String> runs = Realizations.run(4, 100, (d, t) -> { }, (r, seed, p) -> {
            calls.add(new long[] {r, seed});
            return r == 1 ? Realizations.Outcome.diverged(new Divergence(37, 3.7)) : Realizations.Outcome.recorded("run " + r);
        });
        assertThat(calls).containsExactly(new long[] {0, 100}, new long[] {1, 101}, new long[] {2, 102}, new long[] {3, 103});
        assertThat(runs.recordings()).containsExactly("run 0", "run 2", "run 3");
        assertThat(runs.completed()).isEqualTo(3);
        assertThat(runs.failed()).isEqualTo(1);
        assertThat(runs.total()).isEqualTo(4);
        Realizations.Failure f = runs.failures().getFirst();
        assertThat(f.index()).isEqualTo(1);
        assertThat(f.seed()).isEqualTo(101);
        assertThat(f.step()).isEqualTo(37);
        assertThat(f.reason()).isEqualTo(new Divergence(37, 3.7).message());
        assertThat(f.line()).isEqualTo("realization 1 (seed 101): " + new Divergence(37, 3.7).message());
    }

    @Test
    void progressIsScaledToTheRealizationCount() {
        List<double[]> reported = new ArrayList<>();
        Realizations.run(3, 0, (d, t) -> reported.add(new double[] {d, t}), (r, seed, p) -> {
            for (int step = 1; step <= 10; step++) {
                p.progress(step, 10);
            }
            return Realizations.Outcome.recorded(r);
        });
        // in realization 1, step 4 of 10 is 14 of 30; the end of each realization is r + 1 of 3
        assertThat(reported).anySatisfy(x -> assertThat(x).containsExactly(14, 30));
        assertThat(reported).anySatisfy(x -> assertThat(x).containsExactly(2, 3));
        double last = 0;
        for (double[] x : reported) {
            double fraction = x[0] / x[1];
            assertThat(fraction).isBetween(last, 1.0);
            last = fraction;
        }
        assertThat(last).isEqualTo(1.0);
    }

    @Test
    void anOutcomeIsARecordingOrADivergence() {
        assertThatThrownBy(() -> new Realizations.Outcome<>("x", new Divergence(1, 0.1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Realizations.Outcome<>(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Realizations.Outcome.diverged(new Divergence(5, 0.5)).orElseThrow())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at step 5");
        assertThat(Realizations.Outcome.recorded("x").orElseThrow()).isEqualTo("x");
        assertThat(Realizations.Recordings.of(List.of("a", "b")).failed()).isZero();
        assertThatThrownBy(() -> Realizations.run(0, 1, (d, t) -> { }, (r, s, p) -> Realizations.Outcome.recorded(r)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The correlation comparison's compare is pure: it lays given recordings beside the theory and reports the failures. */
    @Test
    void correlationCompareUsesTheCompletedRealizationsAndReportsTheFailed() {
        int n = 2;
        CovarianceTheory theory = new CovarianceTheory("linear", 0.5, 1.0, LinearCovariance.zeroFrequency(0.5, 1.0, n),
                LinearCovariance.equalTime(0.5, 1.0, n), Double.NaN, 0.0);
        double[] c = {2.0, 0.5, 0.5, 1.0};
        CovarianceStatistics s = CovarianceStatistics.of(c, n);
        Realizations.Failure failed = new Realizations.Failure(0, 7, 12, "diverged");
        Realizations.Recordings<CorrelationComparison.Realization> runs = new Realizations.Recordings<>(List.of(
                new CorrelationComparison.Realization(s, s, c), new CorrelationComparison.Realization(s, s, null)), List.of(failed));
        CorrelationComparisonResult r = CorrelationComparison.compare(n, theory, runs);
        assertThat(r.realizations()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures()).containsExactly(failed);
        assertThat(r.crossCovariances()).containsExactly(0.5);
        assertThat(r.eigenvalues()).hasSize(2);
        assertThat(r.meanAutoCov().simulation()).isEqualTo(1.5);
        assertThatThrownBy(() -> CorrelationComparison.compare(n, theory, new Realizations.Recordings<>(
                List.of(new CorrelationComparison.Realization(s, s, c)), List.of(failed))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2 realizations diverged");
    }
}
