package org.chaoslab.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One plot axis: its range, its mapping of values to [0, 1], and its ticks with labels. Linear axes
 * get ticks at nice numbers (1, 2 or 5 times a power of ten); logarithmic axes at powers of ten.
 *
 * @param min lower end of the range
 * @param max upper end of the range, greater than {@code min}
 * @param log whether the axis is logarithmic (then {@code min > 0})
 */
record Axis(double min, double max, boolean log) {

    /** Aim for about this many major intervals on a linear axis. */
    private static final int TARGET_INTERVALS = 6;
    /** Above this many decades, log ticks skip decades. */
    private static final int MAX_LOG_TICKS = 8;

    /**
     * A major tick. The label is {@code text}, or {@code text} with {@code exponent} as superscript
     * (as in 10<sup>-3</sup>) where {@code exponent} is not null.
     */
    record Tick(double value, String text, String exponent) {
        /** The label as plain text, e.g. {@code 10^-3}. */
        String plain() {
            return exponent == null ? text : text + "^" + exponent;
        }
    }

    /**
     * Fits an axis to a data range. Linear ranges are widened to nice numbers; logarithmic ones to
     * whole decades. Fixed ends (not NaN) are kept as given.
     *
     * @param lo smallest data value (NaN or infinite when there are no data)
     * @param hi largest data value
     * @param log logarithmic axis
     * @param fixedMin lower end to use, or NaN to fit
     * @param fixedMax upper end to use, or NaN to fit
     */
    static Axis fit(double lo, double hi, boolean log, double fixedMin, double fixedMax) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = log ? 1 : 0;
            hi = log ? 10 : 1;
        }
        lo = Double.isNaN(fixedMin) ? lo : fixedMin;
        hi = Double.isNaN(fixedMax) ? hi : fixedMax;
        if (log && (lo <= 0 || hi <= 0)) {
            throw new IllegalArgumentException("logarithmic axis range must be positive, got [" + lo + ", " + hi + "]");
        }
        if (hi < lo) {
            throw new IllegalArgumentException("axis range is empty: [" + lo + ", " + hi + "]");
        }
        double min;
        double max;
        if (log) {
            double eMin = Math.floor(Math.log10(lo));
            double eMax = Math.ceil(Math.log10(hi));
            if (eMax == eMin) {
                eMax++;
            }
            min = Math.pow(10, eMin);
            max = Math.pow(10, eMax);
        } else {
            if (hi == lo) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            double step = niceStep(hi - lo).doubleValue();
            min = Math.floor(lo / step + 1e-9) * step;
            max = Math.ceil(hi / step - 1e-9) * step;
        }
        min = Double.isNaN(fixedMin) ? min : fixedMin;
        max = Double.isNaN(fixedMax) ? max : fixedMax;
        if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("axis range must be finite and non-empty, got [" + min + ", " + max + "]");
        }
        return new Axis(min, max, log);
    }

    /** Maps a value to its position on the axis: 0 at {@code min}, 1 at {@code max}. */
    double fraction(double v) {
        return log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                   : (v - min) / (max - min);
    }

    /** Whether a value can be placed on this axis at all (finite, and positive on a log axis). */
    boolean accepts(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** The major ticks inside the range, with labels. */
    List<Tick> ticks() {
        return log ? logTicks() : linearTicks();
    }

    /** Minor tick positions: 2..9 times each power of ten on a log axis with few decades; none otherwise. */
    List<Double> minorTicks() {
        List<Double> minor = new ArrayList<>();
        if (!log || decadeStride() > 1) {
            return minor;
        }
        for (int e = (int) Math.floor(Math.log10(min)); e <= (int) Math.ceil(Math.log10(max)); e++) {
            for (int m = 2; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v > min && v < max) {
                    minor.add(v);
                }
            }
        }
        return minor;
    }

    /**
     * Linear ticks at multiples of the step. All labels of an axis have the same number of decimals (0.0, 0.5, 1.0;
     * not 0, 0.5, 1), those of the step; very large or small ranges are written in scientific notation, each label with
     * its own exponent and all mantissas with the same number of decimals (5.0e-7, 1.0e-6, 1.5e-6).
     */
    private List<Tick> linearTicks() {
        BigDecimal step = niceStep(max - min);
        double s = step.doubleValue();
        long first = (long) Math.ceil(min / s - 1e-9);
        long last = (long) Math.floor(max / s + 1e-9);
        double maxAbs = Math.max(Math.abs(min), Math.abs(max));
        boolean scientific = maxAbs >= 1e5 || maxAbs < 1e-3;
        List<BigDecimal> values = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            values.add(step.multiply(BigDecimal.valueOf(k)));
        }
        int decimals = 0;
        for (BigDecimal v : values) {
            decimals = Math.max(decimals, scientific ? mantissaDecimals(v) : Math.max(0, step.stripTrailingZeros().scale()));
        }
        List<Tick> ticks = new ArrayList<>();
        for (BigDecimal value : values) {
            ticks.add(new Tick(value.doubleValue(), scientific ? scientific(value, decimals) : plain(value, decimals), null));
        }
        return ticks;
    }

    private List<Tick> logTicks() {
        int stride = decadeStride();
        int eMin = (int) Math.ceil(Math.log10(min) - 1e-9);
        int eMax = (int) Math.floor(Math.log10(max) + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (int e = Math.floorDiv(eMin + stride - 1, stride) * stride; e <= eMax; e += stride) {
            ticks.add(new Tick(Math.pow(10, e), "10", Integer.toString(e)));
        }
        return ticks;
    }

    private int decadeStride() {
        double decades = Math.log10(max) - Math.log10(min);
        return Math.max(1, (int) Math.ceil(decades / MAX_LOG_TICKS));
    }

    /** A step of 1, 2 or 5 times a power of ten that divides {@code range} into about six intervals. */
    static BigDecimal niceStep(double range) {
        double raw = range / TARGET_INTERVALS;
        int exponent = (int) Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        int mantissa = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
    }

    private static String plain(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static int exponent(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.precision() - 1 - s.scale();
    }

    private static int mantissaDecimals(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        return Math.max(0, value.scaleByPowerOfTen(-exponent(value)).stripTrailingZeros().scale());
    }

    /** Formats like {@code 2.5e-5}, the mantissa with {@code decimals} decimals; zero as {@code 0}. */
    private static String scientific(BigDecimal value, int decimals) {
        if (value.signum() == 0) {
            return "0";
        }
        int exponent = exponent(value);
        return plain(value.scaleByPowerOfTen(-exponent), decimals) + "e" + exponent;
    }
}
