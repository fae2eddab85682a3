package org.chaoslab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StreamingAutocorrelationTest {

    @Test
    void equalsTheDirectEstimatorOnTheSameStartTimes() {
        int channels = 7;
        int lags = 16;
        int samples = 16 * 9 + 5;   // 9 complete segments and a partial one
        double[][] s = ar1(samples, channels, 0.8, 0.3, 3);
        StreamingAutocorrelation acf = new StreamingAutocorrelation(channels, lags);
        for (double[] row : s) {
            acf.add(row, 0);
        }
        double[] got = acf.result();
        int starts = (9 - 1) * lags;   // start times t < (segments − 1)·L
        assertThat(acf.pairsPerLag()).isEqualTo(starts);
        for (int k = 0; k < lags; k++) {
            double direct = direct(s, starts, k);
            // FFT round-off only: ~1e-15 relative per operation, log2(32) stages
            assertThat(got[k]).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-11 * Math.abs(direct) + 1e-12));
        }
    }

    @Test
    void equalsTheDirectEstimatorWithTheDefaultLagsWhereTheTransformRunsInBlocks() {
        // 301 lags (the rate recording's default): FFT size 1024, larger than the transform's depth-first block (64 or
        // 256 points with 8 or 4 lanes), so the samples are loaded block by block at a stride of P/block (the smaller
        // lag counts above fit one block); 11 channels (a block of 8 and a partial one), three chunks of 724 and a tail
        int channels = 11;
        int lags = 301;
        int samples = 301 * 10 + 17;
        double[][] s = ar1(samples, channels, 0.97, 0.1, 5);
        StreamingAutocorrelation acf = new StreamingAutocorrelation(channels, lags);
        for (double[] row : s) {
            acf.add(row, 0);
        }
        double[] got = acf.result();
        int starts = (10 - 1) * lags;
        assertThat(acf.pairsPerLag()).isEqualTo(starts);
        for (int k = 0; k < lags; k++) {
            double direct = direct(s, starts, k);
            // FFT round-off only (10 stages, ~1e-15 relative each); a sample loaded into the wrong point is O(1) off
            assertThat(got[k]).as("lag %d", k).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-11 * Math.abs(direct)));
        }
    }

    @Test
    void equalsTheDirectEstimatorAcrossChunksAndAfterEveryBoundary() {
        // 21 channels (two blocks of 8 and a partial one), 37 lags: FFT size 128, chunks of 92 start times, so the
        // chunk ends and the segment ends never coincide; the result is checked at many lengths, mid-run
        int channels = 21;
        int lags = 37;
        int samples = 37 * 23 + 11;
        double[][] s = ar1(samples, channels, 0.9, -0.2, 11);
        StreamingAutocorrelation acf = new StreamingAutocorrelation(channels, lags);
        for (int n = 1; n <= samples; n++) {
            acf.add(s[n - 1], 0);
            int starts = (n / lags - 1) * lags;
            if (starts <= 0 || (n % 13 != 0 && n != samples)) {
                continue;
            }
            double[] got = acf.result();
            assertThat(acf.pairsPerLag()).isEqualTo(starts);
            assertThat(acf.result()).containsExactly(got);   // result() leaves the sums as they were
            for (int k = 0; k < lags; k++) {
                double direct = direct(s, starts, k);
                assertThat(got[k]).as("lag %d after %d samples", k, n)
                        .isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-11 * Math.abs(direct) + 1e-12));
            }
        }
    }

    @Test
    void theBackgroundModeGivesTheSameBits() {
        int channels = 29;
        int lags = 40;
        SplittableRandom rnd = new SplittableRandom(5);
        StreamingAutocorrelation sync = new StreamingAutocorrelation(channels, lags);
        try (StreamingAutocorrelation bg = new StreamingAutocorrelation(channels, lags, true)) {
            double[] row = new double[channels];
            for (int t = 0; t < 40 * 57 + 17; t++) {
                for (int c = 0; c < channels; c++) {
                    row[c] = 0.7 * row[c] + rnd.nextGaussian();
                }
                sync.add(row, 0);
                bg.add(row, 0);
                if (t % 500 == 499) {
                    assertThat(bg.result()).containsExactly(sync.result());
                }
            }
            assertThat(bg.result()).containsExactly(sync.result());
            bg.close();
            // after close, further chunks are summed in the caller, still the same
            for (int t = 0; t < 300; t++) {
                for (int c = 0; c < channels; c++) {
                    row[c] = 0.7 * row[c] + rnd.nextGaussian();
                }
                sync.add(row, 0);
                bg.add(row, 0);
            }
            assertThat(bg.result()).containsExactly(sync.result());
        }
    }

    /**
     * addDeferred hands the chunks out instead of summing them; run on another thread (as the recorder runs φ's beside
     * x's), they give the sums of add to the bit, at every boundary and for lags with one or several chunks per segment.
     */
    @Test
    void deferredChunksRunElsewhereGiveTheSameBits() throws Exception {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (int lags : new int[] {1, 2, 7, 40}) {
                int channels = 13;
                SplittableRandom rnd = new SplittableRandom(lags);
                StreamingAutocorrelation direct = new StreamingAutocorrelation(channels, lags);
                StreamingAutocorrelation deferred = new StreamingAutocorrelation(channels, lags);
                double[] row = new double[channels];
                int handed = 0;
                for (int t = 0; t < 40 * 23 + 11; t++) {
                    for (int c = 0; c < channels; c++) {
                        row[c] = 0.6 * row[c] + rnd.nextGaussian();
                    }
                    direct.add(row, 0);
                    Runnable work = deferred.addDeferred(row, 0);
                    if (work != null) {
                        other.submit(work).get();
                        handed++;
                    }
                    if (t % 97 == 96 && direct.pairsPerLag() > 0) {
                        assertThat(deferred.result()).as("lags %d, t %d", lags, t).containsExactly(direct.result());
                    }
                }
                assertThat(handed).as("chunks handed out, lags %d", lags).isPositive();
                assertThat(deferred.result()).as("lags %d", lags).containsExactly(direct.result());
            }
        } finally {
            other.shutdown();
        }
        try (StreamingAutocorrelation bg = new StreamingAutocorrelation(3, 4, true)) {
            assertThatThrownBy(() -> bg.addDeferred(new double[3], 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void oneLagIsTheMeanSquare() {
        StreamingAutocorrelation acf = new StreamingAutocorrelation(3, 1);
        double sum = 0;
        for (int t = 0; t < 10; t++) {
            double[] row = {t, -2.0 * t, 0.5};
            acf.add(row, 0);
            if (t < 9) {   // start times t < (10 − 1)·1
                sum += t * t + 4.0 * t * t + 0.25;
            }
        }
        assertThat(acf.result()[0]).isCloseTo(sum / (9 * 3), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void refusesTooShortRuns() {
        StreamingAutocorrelation acf = new StreamingAutocorrelation(1, 10);
        for (int t = 0; t < 15; t++) {
            acf.add(new double[] {t}, 0);
        }
        assertThatThrownBy(acf::result).isInstanceOf(IllegalStateException.class).hasMessageContaining("at least");
    }

    /** An AR(1) signal per channel, s(t) = φ·s(t−1) + ξ + drift (so that the correlation is not trivial), [t][channel]. */
    private static double[][] ar1(int samples, int channels, double phi, double drift, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] s = new double[samples][channels];
        for (int c = 0; c < channels; c++) {
            double v = 0;
            for (int t = 0; t < samples; t++) {
                v = phi * v + rnd.nextGaussian() + drift;
                s[t][c] = v;
            }
        }
        return s;
    }

    /** The direct estimator: Σ over start times t &lt; starts and channels of s(t)·s(t+k), over their number. */
    private static double direct(double[][] s, int starts, int k) {
        int channels = s[0].length;
        double sum = 0;
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < starts; t++) {
                sum += s[t][c] * s[t + k][c];
            }
        }
        return sum / ((double) starts * channels);
    }
}
