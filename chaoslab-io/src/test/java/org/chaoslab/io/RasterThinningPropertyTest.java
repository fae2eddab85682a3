package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LinePlotLayout#perColumn} on random pieces: what it keeps is a subsequence of the piece (the same points, in
 * order, the two ends included), and every sub-column keeps its lowest, highest, first and last y; pieces it must not
 * touch (too few points per sub-column) come back as they are.
 */
class RasterThinningPropertyTest {

    @Property(tries = 200)
    void keepsASubsequenceWithEachSubColumnsExtremesAndEnds(@ForAll @IntRange(min = 2, max = 60_000) int n,
                                                            @ForAll @DoubleRange(min = 1, max = 900) double width,
                                                            @ForAll @IntRange(min = 1, max = 4) int buckets,
                                                            @ForAll long seed) {
        double[] p = RasterFixtures.timeSeries(n, width, 1e3, seed);
        double[] q = LinePlotLayout.perColumn(p, buckets);
        if (n < 64 || n < 8 * buckets * (p[2 * n - 2] - p[0] + 1)) {
            assertThat(q).isSameAs(p);
            return;
        }
        // a subsequence, ends included
        int j = 0;
        for (int i = 0; i < n && j < q.length / 2; i++) {
            if (p[2 * i] == q[2 * j] && p[2 * i + 1] == q[2 * j + 1]) {
                j++;
            }
        }
        assertThat(j).as("every kept point is a point of the piece, in order").isEqualTo(q.length / 2);
        assertThat(new double[] {q[0], q[1], q[q.length - 2], q[q.length - 1]})
                .containsExactly(p[0], p[1], p[2 * n - 2], p[2 * n - 1]);
        // per sub-column: the same lowest, highest, first and last y
        int a = 0;
        int b = 0;
        while (a < n) {
            double col = Math.floor(p[2 * a] * buckets);
            int end = a;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            while (end < n && Math.floor(p[2 * end] * buckets) == col) {
                lo = Math.min(lo, p[2 * end + 1]);
                hi = Math.max(hi, p[2 * end + 1]);
                end++;
            }
            int bEnd = b;
            double qlo = Double.POSITIVE_INFINITY;
            double qhi = Double.NEGATIVE_INFINITY;
            while (bEnd < q.length / 2 && Math.floor(q[2 * bEnd] * buckets) == col) {
                qlo = Math.min(qlo, q[2 * bEnd + 1]);
                qhi = Math.max(qhi, q[2 * bEnd + 1]);
                bEnd++;
            }
            assertThat(bEnd - b).as("at most four points per sub-column").isBetween(1, 4);
            assertThat(new double[] {qlo, qhi, q[2 * b + 1], q[2 * bEnd - 1]})
                    .containsExactly(lo, hi, p[2 * a + 1], p[2 * end - 1]);
            a = end;
            b = bEnd;
        }
        assertThat(b).isEqualTo(q.length / 2);
    }
}
