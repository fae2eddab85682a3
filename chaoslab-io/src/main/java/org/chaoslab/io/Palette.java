package org.chaoslab.io;

import java.awt.Color;
import java.util.List;

/** Series colours shared by the PNG and SVG renderers (the "tab10" palette of matplotlib, and a grey for references). */
final class Palette {

    private static final List<String> HEX = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");
    /** Reference lines ({@link PlotSeries#REFERENCE_COLOR}): darker than the palette's own grey. */
    private static final String REFERENCE = "#505050";
    /** Opacity of error bands. */
    static final double BAND_OPACITY = 0.22;

    private Palette() {
    }

    /** Colour of palette slot i as {@code #rrggbb}; the palette repeats after ten; the reference slot is grey. */
    static String hex(int i) {
        return i == PlotSeries.REFERENCE_COLOR ? REFERENCE : HEX.get(Math.floorMod(i, HEX.size()));
    }

    /** Colour of palette slot i. */
    static Color color(int i) {
        return Color.decode(hex(i));
    }

    /** The translucent colour of an error band in slot i. */
    static Color band(int i) {
        Color c = color(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * BAND_OPACITY));
    }
}
