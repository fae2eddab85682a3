package org.chaoslab.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link LinePlot} as a standalone SVG 1.1 document: frame, grid, ticks with labels, axis
 * labels, title, a legend right of the plot area, and per series polylines (solid or dashed), circle
 * markers and error bars, clipped to the plot area. Text sizes are estimated from the character count,
 * since no font metrics are available when writing SVG.
 */
final class SvgRenderer {

    private static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private static final int TITLE_SIZE = 16;
    private static final int LABEL_SIZE = 14;
    private static final int TICK_SIZE = 12;
    private static final int LEGEND_SIZE = 12;
    private static final int TICK_LENGTH = 5;
    private static final int PAD = 10;
    private static final int SWATCH = 28;
    private static final int LEGEND_ROW = 20;
    private static final double MARKER_RADIUS = 3.5;
    private static final double CAP = 3;
    /** Line vertices closer than this (in pixels) to the previous one are invisible and left out. */
    private static final double MIN_STEP = 0.3;
    /** Fraction of the plot area left free on each side, so that points on the range ends stay visible. */
    private static final double INSET = 0.03;
    private static final String GRID = "#e0e0e0";
    private static final String FRAME = "#808080";

    private final LinePlot plot;
    private final StringBuilder svg = new StringBuilder(1 << 14);
    private final double left;
    private final double top;
    private final double plotW;
    private final double plotH;
    private final List<Integer> legendEntries = new ArrayList<>();
    private final double legendWidth;

    private SvgRenderer(LinePlot plot) {
        this.plot = plot;
        for (int i = 0; i < plot.series().size(); i++) {
            if (plot.series().get(i).inLegend()) {
                legendEntries.add(i);
            }
        }
        double maxName = legendEntries.stream()
                .mapToDouble(i -> textWidth(plot.series().get(i).name(), LEGEND_SIZE)).max().orElse(0);
        legendWidth = legendEntries.isEmpty() ? 0 : PAD + SWATCH + 6 + maxName + PAD;
        double yTickWidth = plot.yAxis().ticks().stream()
                .mapToDouble(t -> tickLabelWidth(t)).max().orElse(0);
        top = PAD + (plot.title().isBlank() ? 6 : TITLE_SIZE + PAD);
        left = PAD + (plot.yLabel().isBlank() ? 0 : LABEL_SIZE + PAD) + yTickWidth + TICK_LENGTH + 4;
        double bottom = TICK_LENGTH + 4 + TICK_SIZE + 4 + (plot.xLabel().isBlank() ? 0 : LABEL_SIZE + PAD) + PAD;
        double right = legendEntries.isEmpty() ? 2 * PAD : legendWidth + 3 * PAD;
        plotW = plot.width() - left - right;
        plotH = plot.height() - top - bottom;
    }

    /** Renders the complete document. */
    static String render(LinePlot plot) {
        return new SvgRenderer(plot).document();
    }

    private String document() {
        int w = plot.width();
        int h = plot.height();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
           .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(w)
           .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
           .append("\" font-family=\"").append(FONT).append("\">\n");
        if (!plot.title().isBlank()) {
            svg.append("<title>").append(escape(plot.title())).append("</title>\n");
        }
        svg.append("<defs><clipPath id=\"plot-area\"><rect x=\"").append(num(left)).append("\" y=\"")
           .append(num(top)).append("\" width=\"").append(num(plotW)).append("\" height=\"").append(num(plotH))
           .append("\"/></clipPath></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        grid();
        svg.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(top)).append("\" width=\"")
           .append(num(plotW)).append("\" height=\"").append(num(plotH))
           .append("\" fill=\"none\" stroke=\"").append(FRAME).append("\"/>\n");
        ticks();
        labels();
        svg.append("<g clip-path=\"url(#plot-area)\">\n");
        for (int i = 0; i < plot.series().size(); i++) {
            series(plot.series().get(i), Palette.hex(plot.colorSlot(i)));
        }
        svg.append("</g>\n");
        legend();
        return svg.append("</svg>\n").toString();
    }

    private void grid() {
        svg.append("<g stroke=\"").append(GRID).append("\" stroke-width=\"1\">\n");
        for (Axis.Tick t : plot.xAxis().ticks()) {
            double x = px(t.value());
            line(x, top, x, top + plotH);
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            double y = py(t.value());
            line(left, y, left + plotW, y);
        }
        svg.append("</g>\n");
    }

    private void ticks() {
        double bottom = top + plotH;
        svg.append("<g stroke=\"").append(FRAME).append("\" stroke-width=\"1\">\n");
        for (Axis.Tick t : plot.xAxis().ticks()) {
            line(px(t.value()), bottom, px(t.value()), bottom + TICK_LENGTH);
        }
        for (double v : plot.xAxis().minorTicks()) {
            line(px(v), bottom, px(v), bottom + TICK_LENGTH / 2.0);
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            line(left - TICK_LENGTH, py(t.value()), left, py(t.value()));
        }
        for (double v : plot.yAxis().minorTicks()) {
            line(left - TICK_LENGTH / 2.0, py(v), left, py(v));
        }
        svg.append("</g>\n");
        svg.append("<g font-size=\"").append(TICK_SIZE).append("\" fill=\"#202020\">\n");
        double labelY = bottom + TICK_LENGTH + 4 + TICK_SIZE;
        for (Axis.Tick t : plot.xAxis().ticks()) {
            tickLabel(t, px(t.value()), labelY, "middle");
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            tickLabel(t, left - TICK_LENGTH - 4, py(t.value()) + 0.35 * TICK_SIZE, "end");
        }
        svg.append("</g>\n");
    }

    private void tickLabel(Axis.Tick t, double x, double y, String anchor) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
           .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(t.text()));
        if (t.exponent() != null) {
            svg.append("<tspan dy=\"-0.45em\" font-size=\"75%\">").append(escape(t.exponent())).append("</tspan>");
        }
        svg.append("</text>\n");
    }

    private void labels() {
        if (!plot.title().isBlank()) {
            svg.append("<text x=\"").append(num(left + plotW / 2)).append("\" y=\"").append(PAD + TITLE_SIZE)
               .append("\" font-size=\"").append(TITLE_SIZE).append("\" font-weight=\"bold\" text-anchor=\"middle\">")
               .append(escape(plot.title())).append("</text>\n");
        }
        if (!plot.xLabel().isBlank()) {
            svg.append("<text x=\"").append(num(left + plotW / 2)).append("\" y=\"").append(plot.height() - PAD - 2)
               .append("\" font-size=\"").append(LABEL_SIZE).append("\" text-anchor=\"middle\">")
               .append(escape(plot.xLabel())).append("</text>\n");
        }
        if (!plot.yLabel().isBlank()) {
            svg.append("<text transform=\"translate(").append(PAD + LABEL_SIZE).append(',')
               .append(num(top + plotH / 2)).append(") rotate(-90)\" font-size=\"").append(LABEL_SIZE)
               .append("\" text-anchor=\"middle\">").append(escape(plot.yLabel())).append("</text>\n");
        }
    }

    private void series(PlotSeries s, String color) {
        svg.append("<g>\n");
        if (s.style().hasLine()) {
            polyline(s, color);
        }
        if (s.yErr() != null) {
            errorBars(s, color);
        }
        if (s.style().hasMarkers()) {
            svg.append("<g fill=\"").append(color).append("\">\n");
            for (int i = 0; i < s.x().length; i++) {
                if (plot.drawable(s, i)) {
                    circle(px(s.x()[i]), py(s.y()[i]));
                }
            }
            svg.append("</g>\n");
        }
        svg.append("</g>\n");
    }

    /**
     * One path; a point that cannot be drawn ends the current piece, the next one starts a new piece.
     * Within a piece, points less than {@link #MIN_STEP} pixels from the last one written are left out
     * (the end point of each piece is always kept), which keeps dense time series small.
     */
    private void polyline(PlotSeries s, String color) {
        StringBuilder d = new StringBuilder();
        boolean penDown = false;
        double lastX = 0;
        double lastY = 0;
        int n = s.x().length;
        for (int i = 0; i < n; i++) {
            if (!plot.drawable(s, i)) {
                penDown = false;
                continue;
            }
            double x = px(s.x()[i]);
            double y = py(s.y()[i]);
            boolean pieceEnds = i + 1 == n || !plot.drawable(s, i + 1);
            if (penDown && !pieceEnds && Math.abs(x - lastX) < MIN_STEP && Math.abs(y - lastY) < MIN_STEP) {
                continue;
            }
            d.append(penDown ? " L" : (d.isEmpty() ? "M" : " M")).append(num(x)).append(',').append(num(y));
            penDown = true;
            lastX = x;
            lastY = y;
        }
        if (d.isEmpty()) {
            return;
        }
        svg.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color)
           .append("\" stroke-width=\"1.8\" stroke-linejoin=\"round\" stroke-linecap=\"round\"")
           .append(dash(s.style())).append("/>\n");
    }

    private void errorBars(PlotSeries s, String color) {
        Axis yAxis = plot.yAxis();
        svg.append("<g stroke=\"").append(color).append("\" stroke-width=\"1\">\n");
        for (int i = 0; i < s.x().length; i++) {
            if (!plot.drawable(s, i) || !Double.isFinite(s.yErr()[i])) {
                continue;
            }
            double x = px(s.x()[i]);
            double low = yAxis.accepts(s.low(i)) ? py(s.low(i)) : top + plotH + CAP;
            double high = py(s.high(i));
            line(x, low, x, high);
            line(x - CAP, low, x + CAP, low);
            line(x - CAP, high, x + CAP, high);
        }
        svg.append("</g>\n");
    }

    private void legend() {
        if (legendEntries.isEmpty()) {
            return;
        }
        double x = left + plotW + 2 * PAD;
        double y = top;
        double h = PAD + legendEntries.size() * LEGEND_ROW;
        svg.append("<g font-size=\"").append(LEGEND_SIZE).append("\">\n");
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
           .append(num(legendWidth)).append("\" height=\"").append(num(h))
           .append("\" fill=\"white\" stroke=\"").append(FRAME).append("\"/>\n");
        for (int row = 0; row < legendEntries.size(); row++) {
            int index = legendEntries.get(row);
            PlotSeries s = plot.series().get(index);
            String color = Palette.hex(plot.colorSlot(index));
            double cy = y + PAD / 2.0 + LEGEND_ROW * (row + 0.5);
            double x0 = x + PAD;
            if (s.style().hasLine()) {
                svg.append("<path d=\"M").append(num(x0)).append(',').append(num(cy)).append(" L")
                   .append(num(x0 + SWATCH)).append(',').append(num(cy)).append("\" stroke=\"").append(color)
                   .append("\" stroke-width=\"1.8\"").append(dash(s.style())).append("/>\n");
            }
            if (s.style().hasMarkers()) {
                svg.append("<g fill=\"").append(color).append("\">");
                circle(x0 + SWATCH / 2.0, cy);
                svg.append("</g>\n");
            }
            svg.append("<text x=\"").append(num(x0 + SWATCH + 6)).append("\" y=\"")
               .append(num(cy + 0.35 * LEGEND_SIZE)).append("\">").append(escape(s.name())).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private static String dash(LineStyle style) {
        return style == LineStyle.DASHED ? " stroke-dasharray=\"7,4\"" : "";
    }

    private void line(double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
           .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\"/>\n");
    }

    private void circle(double cx, double cy) {
        svg.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
           .append(num(MARKER_RADIUS)).append("\"/>\n");
    }

    private double px(double x) {
        return left + plotW * (INSET + (1 - 2 * INSET) * plot.xAxis().fraction(x));
    }

    private double py(double y) {
        return top + plotH * (INSET + (1 - 2 * INSET) * (1 - plot.yAxis().fraction(y)));
    }

    private static double tickLabelWidth(Axis.Tick t) {
        return textWidth(t.text(), TICK_SIZE) + (t.exponent() == null ? 0 : textWidth(t.exponent(), TICK_SIZE * 0.75));
    }

    /** Rough width of a text in a sans-serif font. */
    static double textWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * 0.6;
    }

    /**
     * A coordinate with at most two decimals, no exponent and no locale. Coordinates far outside the
     * image (points beyond a fixed axis range) are clamped, since the clip path hides them anyway.
     */
    static String num(double v) {
        double clamped = Math.max(-1e6, Math.min(1e6, v));
        long hundredths = Math.round(clamped * 100);
        String sign = hundredths < 0 ? "-" : "";
        long abs = Math.abs(hundredths);
        long whole = abs / 100;
        long frac = abs % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac < 10 ? ".0" + frac : "." + (frac % 10 == 0 ? frac / 10 : frac));
    }

    /** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
