package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Rounding to bfloat16: nearest, ties to even, directly from float64, against an exact (BigDecimal) reference. */
class BFloat16Test {

    /**
     * The exact reference: the two bfloat16 neighbours of v (by truncating the float32 bits toward zero, and the next
     * one up in magnitude), the nearer one by exact decimal arithmetic, on a tie the one with an even last bit.
     */
    private static int reference(double v) {
        if (Double.isNaN(v)) {
            return 0x7FC0;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? 0x7F80 : 0xFF80;
        }
        int sign = (Double.doubleToRawLongBits(v) < 0) ? 0x8000 : 0;
        BigDecimal a = new BigDecimal(Math.abs(v));
        // largest bfloat16 magnitude at or below |v|: scan down from the float32 neighbourhood
        int lo = 0;
        int hiBits = 0x7F80;            // +∞ as the upper candidate when |v| is beyond the largest finite value
        for (int b = Math.min(0x7F7F, truncated(Math.abs(v)) + 1); b >= 0; b--) {
            if (value(b).compareTo(a) <= 0) {
                lo = b;
                hiBits = b + 1;
                break;
            }
        }
        if (value(lo).compareTo(a) == 0) {
            return sign | lo;
        }
        if (hiBits == 0x7F80) {
            // beyond the largest finite: rounds to ∞ from half an ulp above it (the ulp of the top binade, 2^120)
            BigDecimal half = value(0x7F7F).add(new BigDecimal(Math.scalb(1.0, 119)));
            return sign | (a.compareTo(half) >= 0 ? 0x7F80 : 0x7F7F);
        }
        int c = a.subtract(value(lo)).compareTo(value(hiBits).subtract(a));
        int r = c < 0 ? lo : c > 0 ? hiBits : ((lo & 1) == 0 ? lo : hiBits);
        return sign | r;
    }

    /** The bfloat16 magnitude bits at or just below |v| by its float32 truncation (a starting point for the scan). */
    private static int truncated(double a) {
        float f = (float) a;
        return Math.min(0x7F7F, Float.floatToRawIntBits(f) >>> 16);
    }

    private static BigDecimal value(int bits) {
        return new BigDecimal((double) Float.intBitsToFloat(bits << 16));
    }

    @Test
    void roundsToNearestEvenLikeTheExactReference() {
        SplittableRandom rng = new SplittableRandom(7);
        int checked = 0;
        for (int t = 0; t < 200_000; t++) {
            // Gaussian-like couplings, then all exponents (normal and subnormal ranges of bfloat16, and beyond)
            double v = t % 2 == 0 ? rng.nextGaussian() * 0.01 : Math.scalb(rng.nextDouble() * 2 - 1, rng.nextInt(-140, 129));
            assertThat(BFloat16.round(v)).as("v = %s", v).isEqualTo(reference(v));
            checked++;
        }
        assertThat(checked).isEqualTo(200_000);
    }

    /**
     * Ties: the midpoint of two neighbours rounds to the even one; one float64 ulp above or below the midpoint rounds
     * away from it. The last cases are the ones rounding through float32 (nearest) would get wrong: the midpoint ± one
     * float64 ulp rounds to the midpoint in float32, which then ties to even.
     */
    @Test
    void tiesGoToEvenAndNearTiesAreNotDoubleRounded() {
        for (int b : new int[] {0x3F80, 0x3F81, 0x4049, 0x0001, 0x0080, 0x007F, 0x7F7E, 0x3C23}) {
            for (int sign : new int[] {0, 0x8000}) {
                double lo = Float.intBitsToFloat((sign | b) << 16);
                double hi = Float.intBitsToFloat((sign | b + 1) << 16);
                double mid = (lo + hi) / 2;                         // exact in float64
                int even = (b & 1) == 0 ? b : b + 1;
                assertThat(BFloat16.round(mid)).as("tie at %x", b).isEqualTo(sign | even);
                assertThat(BFloat16.round(Math.nextUp(Math.abs(mid)) * Math.signum(mid))).isEqualTo(sign | (b + 1));
                assertThat(BFloat16.round(Math.nextDown(Math.abs(mid)) * Math.signum(mid))).isEqualTo(sign | b);
                // the float32 of the near tie is the tie itself: rounding float32 → bfloat16 would go to even
                assertThat((double) (float) Math.nextUp(Math.abs(mid))).isEqualTo(Math.abs(mid));
            }
        }
        // float32 input: the same rule on its own bits
        assertThat(BFloat16.round(Float.intBitsToFloat(0x3F808000))).isEqualTo(0x3F80);
        assertThat(BFloat16.round(Float.intBitsToFloat(0x3F818000))).isEqualTo(0x3F82);
        assertThat(BFloat16.round(Float.intBitsToFloat(0x3F808001))).isEqualTo(0x3F81);
    }

    @Test
    void subnormalsZerosInfinitiesAndNan() {
        // the smallest bfloat16 subnormal 2^-133 and half of it (a tie to 0, even), below it to a signed zero
        assertThat(BFloat16.round(0x1p-133)).isEqualTo(0x0001);
        assertThat(BFloat16.round(0x1p-134)).isEqualTo(0x0000);
        assertThat(BFloat16.round(Math.nextUp(0x1p-134))).isEqualTo(0x0001);
        assertThat(BFloat16.round(-0x1p-140)).isEqualTo(0x8000);
        assertThat(BFloat16.round(1e-300)).isEqualTo(0x0000);
        assertThat(BFloat16.round(-0.0)).isEqualTo(0x8000);
        assertThat(BFloat16.round(0.0)).isEqualTo(0x0000);
        // float32 subnormals (they are not all bfloat16 subnormals): 3·2^-140 is 0x0000 0x... in bf16 terms 2^-133·(3/128)
        assertThat(BFloat16.toFloat(BFloat16.round(0x1.8p-130))).isEqualTo(0x1.8p-130f);
        assertThat(BFloat16.round(Double.POSITIVE_INFINITY)).isEqualTo(0x7F80);
        assertThat(BFloat16.round(Double.NEGATIVE_INFINITY)).isEqualTo(0xFF80);
        assertThat(BFloat16.round(1e39)).isEqualTo(0x7F80);                   // beyond float32 too
        assertThat(BFloat16.round(3.39e38)).isEqualTo(0x7F7F);                // the largest finite bfloat16 ≈ 3.3895e38
        int nan = BFloat16.round(Double.NaN);
        assertThat(Float.isNaN(BFloat16.toFloat(nan))).isTrue();
        assertThat(Float.isNaN(BFloat16.toFloat(BFloat16.round(Float.NaN)))).isTrue();
        // no finite value rounds to a NaN; the relative error of normal values is at most 2^-9
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 100_000; t++) {
            double v = Math.scalb(rng.nextDouble() * 2 - 1, rng.nextInt(-126, 127));
            float r = BFloat16.toFloat(BFloat16.round(v));
            assertThat(Float.isNaN(r)).isFalse();
            if (Math.abs(v) >= 0x1p-126) {
                assertThat(Math.abs(r - v)).isLessThanOrEqualTo(BFloat16.UNIT_ROUNDOFF * Math.abs(v));
            }
        }
    }
}
