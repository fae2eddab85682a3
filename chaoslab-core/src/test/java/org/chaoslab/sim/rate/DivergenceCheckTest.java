package org.chaoslab.sim.rate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.chaoslab.sim.Divergence;
import org.junit.jupiter.api.Test;

/** The divergence check's SIMD shortcut gives the answer of the ordered sum of |x| against the limit, always. */
class DivergenceCheckTest {

    private static boolean ordered(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s <= Divergence.STATE_LIMIT;
    }

    @Test
    void agreesWithTheOrderedSumFromOrdinaryStatesToTheLimit() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int n : new int[] {1, 3, 7, 8, 9, 17, 500, 1001}) {
            double[] x = new double[n];
            for (double scale : new double[] {1.0, 1e90, 1e99 / n, 0.49e100 / n, 0.5e100 / n, 0.99e100 / n, 1e100 / n,
                    1.01e100 / n, 1e101, Double.MAX_VALUE / n}) {
                for (int i = 0; i < n; i++) {
                    x[i] = (rnd.nextBoolean() ? 1 : -1) * scale * (0.5 + rnd.nextDouble());
                }
                assertThat(RateSimulator.allFinite(x)).as("n %d, scale %g", n, scale).isEqualTo(ordered(x));
                Arrays.fill(x, scale);   // the ordered sum right at the limit
                assertThat(RateSimulator.allFinite(x)).as("n %d, flat %g", n, scale).isEqualTo(ordered(x));
            }
        }
    }

    @Test
    void nanAndInfinityAreCaughtWherever() {
        for (int n : new int[] {1, 5, 8, 13, 64}) {
            for (int at = 0; at < n; at++) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    double[] x = new double[n];
                    Arrays.fill(x, 0.5);
                    x[at] = bad;
                    assertThat(RateSimulator.allFinite(x)).as("n %d, %s at %d", n, bad, at).isFalse();
                }
            }
        }
    }
}
