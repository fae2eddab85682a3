package org.chaoslab.io;

/**
 * The colour scale of a {@link HeatmapPlot}: matplotlib's "viridis" (perceptually uniform, readable in
 * grey scale), by the 6th-degree polynomial fit of Matt Zucker (shadertoy "viridis approximation",
 * CC0; |error| &lt; 0.01 per channel). NaN cells are grey; values beyond the range take the end colours.
 */
final class HeatmapColors {

    /** Colour of NaN cells. */
    static final int MISSING = 0xBDBDBD;

    private static final double[][] C = {
            {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
            {0.1050930431085774, 1.404613529898575, 1.384590162594685},
            {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
            {-4.634230498983486, -5.799100973351585, -19.33244095627987},
            {6.228269936347081, 14.17993336680509, 56.69055260068105},
            {4.776384997670288, -13.74514537774601, -65.35303263337234},
            {-5.435455855934631, 4.645852612178535, 26.3124352495832}};

    private HeatmapColors() {
    }

    /** viridis(t) as 0xRRGGBB, t clamped to [0, 1]. */
    static int viridis(double t) {
        double u = Math.max(0.0, Math.min(1.0, t));
        int rgb = 0;
        for (int ch = 0; ch < 3; ch++) {
            double v = C[6][ch];
            for (int k = 5; k >= 0; k--) {
                v = C[k][ch] + u * v;
            }
            int b = (int) Math.round(255.0 * Math.max(0.0, Math.min(1.0, v)));
            rgb = (rgb << 8) | b;
        }
        return rgb;
    }

    /** The colour of a value on an axis (linear or logarithmic); NaN, or ≤ 0 on a log axis, is grey. */
    static int of(double v, Axis scale) {
        if (Double.isNaN(v) || (scale.log() && v <= 0)) {
            return MISSING;
        }
        if (v == Double.POSITIVE_INFINITY) {
            return viridis(1.0);
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return viridis(0.0);
        }
        return viridis(scale.fraction(v));
    }

    /** {@code #rrggbb}. */
    static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
