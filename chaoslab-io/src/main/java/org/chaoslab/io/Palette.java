package org.chaoslab.io;

import java.awt.Color;
import java.util.List;

/** Series colours shared by the PNG and SVG renderers (the "tab10" palette of matplotlib). */
final class Palette {

    private static final List<String> HEX = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private Palette() {
    }

    /** Colour of the i-th series as {@code #rrggbb}; the palette repeats after ten. */
    static String hex(int i) {
        return HEX.get(Math.floorMod(i, HEX.size()));
    }

    /** Colour of the i-th series. */
    static Color color(int i) {
        return Color.decode(hex(i));
    }
}
