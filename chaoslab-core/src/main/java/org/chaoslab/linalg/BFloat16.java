package org.chaoslab.linalg;

/**
 * bfloat16 numbers as the upper 16 bits of a float32 (sign, 8 exponent bits, 7 stored significand bits), held in the
 * low 16 bits of an int or a short: widening to float32 is exact ({@code bits << 16}), so a product can convert in the
 * kernel with one shift.
 *
 * <p>Rounding is to nearest, ties to even, directly from float64 (not through float32, whose own rounding could move
 * a value onto a bfloat16 tie and round it the wrong way): the float64 is first rounded to float32 <em>to odd</em>
 * (truncated, and the last bit set when inexact), which keeps every bit the final rounding needs (float32 has 16 bits
 * more than bfloat16, round-to-odd needs 2; Boldo &amp; Melquiond, IEEE Trans. Comput. 57:462 (2008)), then rounded to
 * nearest-even in the float32 bits. The relative error is at most 2⁻⁸ for normal values; values below the smallest
 * bfloat16 subnormal's half round to a signed zero, values beyond the largest finite bfloat16 (≈ 3.39e38) by more than
 * half an ulp to ±∞, NaN to a quiet NaN.
 */
public final class BFloat16 {

    /** The relative rounding bound of bfloat16: u = 2⁻⁸ (8 significant bits, half an ulp). */
    public static final double UNIT_ROUNDOFF = 0x1p-8;

    private BFloat16() {
    }

    /** The bfloat16 nearest to {@code v} (ties to even), in the low 16 bits. */
    public static int round(double v) {
        if (Double.isNaN(v)) {
            return 0x7FC0;
        }
        return round(toFloatRoundToOdd(v));
    }

    /** The bfloat16 nearest to {@code f} (ties to even), in the low 16 bits. */
    public static int round(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return 0x7FC0 | (bits >>> 16 & 0x8000);
        }
        // add half an ulp less one, plus the last kept bit: a tie rounds up exactly when the kept part is odd
        return (bits + 0x7FFF + (bits >>> 16 & 1)) >>> 16;
    }

    /** The float32 value of a bfloat16 (exact). */
    public static float toFloat(int bf16) {
        return Float.intBitsToFloat(bf16 << 16);
    }

    /** {@code v} rounded to float32 to odd: truncated toward zero, the last significand bit set when inexact. */
    static float toFloatRoundToOdd(double v) {
        float f = (float) v;                       // nearest; one step toward zero if it rounded away from zero
        if (f == v || Double.isInfinite(v)) {
            return f;
        }
        int bits = Float.floatToRawIntBits(f);
        if (Math.abs((double) f) > Math.abs(v)) {
            bits--;                                // magnitude one ulp down (∞ → the largest finite float, 0 < |f|)
        }
        return Float.intBitsToFloat(bits | 1);
    }
}
