package org.chaoslab.io;

/**
 * Pixel geometry shared by the PNG and SVG renderers of a {@link HeatmapPlot}, so both images match:
 * plot area left, colour bar and its labels right. Text widths are estimated from the character count
 * (no font metrics exist for SVG).
 */
final class HeatmapLayout {

    static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
    static final int TITLE_SIZE = 16;
    static final int LABEL_SIZE = 14;
    static final int TICK_SIZE = 12;
    static final int TICK_LENGTH = 5;
    static final int PAD = 10;
    static final int BAR_WIDTH = 18;

    final double left;
    final double top;
    final double plotW;
    final double plotH;
    final double barX;
    final double barLabelX;
    final double colorTitleX;

    HeatmapLayout(HeatmapPlot p) {
        double yTicks = p.yAxis().ticks().stream().mapToDouble(HeatmapLayout::tickWidth).max().orElse(0);
        double barTicks = p.colorAxis().ticks().stream().mapToDouble(HeatmapLayout::tickWidth).max().orElse(0);
        top = PAD + (p.title().isBlank() ? 6 : TITLE_SIZE + PAD);
        left = PAD + (p.yLabel().isBlank() ? 0 : LABEL_SIZE + PAD) + yTicks + TICK_LENGTH + 4;
        double bottom = TICK_LENGTH + 4 + TICK_SIZE + 4 + (p.xLabel().isBlank() ? 0 : LABEL_SIZE + PAD) + PAD;
        double right = 2 * PAD + BAR_WIDTH + TICK_LENGTH + 4 + barTicks + (p.colorLabel().isBlank() ? 0 : PAD + LABEL_SIZE) + PAD;
        plotW = p.width() - left - right;
        plotH = p.height() - top - bottom;
        barX = left + plotW + 2 * PAD;
        barLabelX = barX + BAR_WIDTH + TICK_LENGTH + 4;
        colorTitleX = barLabelX + barTicks + PAD + LABEL_SIZE;
        if (plotW < 50 || plotH < 50) {
            throw new IllegalArgumentException("heatmap size " + p.width() + "x" + p.height() + " leaves no room for the plot");
        }
    }

    /** x pixel of a data value (cell edges fill the plot area). */
    double px(Axis x, double v) {
        return left + plotW * x.fraction(v);
    }

    /** y pixel of a data value. */
    double py(Axis y, double v) {
        return top + plotH * (1 - y.fraction(v));
    }

    /** y pixel of a colour-bar value. */
    double barY(Axis c, double v) {
        return top + plotH * (1 - c.fraction(v));
    }

    static double tickWidth(Axis.Tick t) {
        return SvgRenderer.textWidth(t.text(), TICK_SIZE)
                + (t.exponent() == null ? 0 : SvgRenderer.textWidth(t.exponent(), TICK_SIZE * 0.75));
    }
}
