package org.chaoslab.io;

import static org.chaoslab.io.LinePlotLayout.CAP;
import static org.chaoslab.io.LinePlotLayout.FONT;
import static org.chaoslab.io.LinePlotLayout.LABEL_SIZE;
import static org.chaoslab.io.LinePlotLayout.LEGEND_SIZE;
import static org.chaoslab.io.LinePlotLayout.MARKER_RADIUS;
import static org.chaoslab.io.LinePlotLayout.NOTE_ROW;
import static org.chaoslab.io.LinePlotLayout.NOTE_SIZE;
import static org.chaoslab.io.LinePlotLayout.PAD;
import static org.chaoslab.io.LinePlotLayout.SWATCH;
import static org.chaoslab.io.LinePlotLayout.TICK_LENGTH;
import static org.chaoslab.io.LinePlotLayout.TICK_SIZE;

import java.util.List;

/**
 * Writes a {@link LinePlot} as a standalone SVG 1.1 document: frame, grid, ticks with labels, axis
 * labels, title, a legend right of the plot area (and notes under it), and per series its error band (a translucent
 * path, class {@code band}), polylines (solid or dashed), error bars and markers, clipped to the plot area. The
 * geometry is that of {@link LinePlotLayout}, shared with the PNG renderer.
 */
final class SvgRenderer {

    private static final String GRID = "#e0e0e0";
    private static final String FRAME = "#808080";
    private static final String TEXT = "#202020";

    private final LinePlot plot;
    private final LinePlotLayout g;
    private final StringBuilder svg = new StringBuilder(1 << 14);

    private SvgRenderer(LinePlot plot) {
        this.plot = plot;
        this.g = new LinePlotLayout(plot);
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
        svg.append("<defs><clipPath id=\"plot-area\"><rect x=\"").append(num(g.left)).append("\" y=\"")
           .append(num(g.top)).append("\" width=\"").append(num(g.plotW)).append("\" height=\"").append(num(g.plotH))
           .append("\"/></clipPath></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        grid();
        svg.append("<rect x=\"").append(num(g.left)).append("\" y=\"").append(num(g.top)).append("\" width=\"")
           .append(num(g.plotW)).append("\" height=\"").append(num(g.plotH))
           .append("\" fill=\"none\" stroke=\"").append(FRAME).append("\"/>\n");
        ticks();
        labels();
        svg.append("<g clip-path=\"url(#plot-area)\">\n");
        // bands first, so that no band tints a line drawn before it
        for (int i = 0; i < plot.series().size(); i++) {
            band(plot.series().get(i), Palette.hex(plot.colorSlot(i)));
        }
        for (int i = 0; i < plot.series().size(); i++) {
            series(plot.series().get(i), Palette.hex(plot.colorSlot(i)));
        }
        svg.append("</g>\n");
        legend();
        notes();
        return svg.append("</svg>\n").toString();
    }

    private void grid() {
        svg.append("<g stroke=\"").append(GRID).append("\" stroke-width=\"1\">\n");
        for (Axis.Tick t : plot.xAxis().ticks()) {
            double x = g.px(t.value());
            line(x, g.top, x, g.top + g.plotH);
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            double y = g.py(t.value());
            line(g.left, y, g.left + g.plotW, y);
        }
        svg.append("</g>\n");
    }

    private void ticks() {
        double bottom = g.top + g.plotH;
        svg.append("<g stroke=\"").append(FRAME).append("\" stroke-width=\"1\">\n");
        for (Axis.Tick t : plot.xAxis().ticks()) {
            line(g.px(t.value()), bottom, g.px(t.value()), bottom + TICK_LENGTH);
        }
        for (double v : plot.xAxis().minorTicks()) {
            line(g.px(v), bottom, g.px(v), bottom + TICK_LENGTH / 2.0);
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            line(g.left - TICK_LENGTH, g.py(t.value()), g.left, g.py(t.value()));
        }
        for (double v : plot.yAxis().minorTicks()) {
            line(g.left - TICK_LENGTH / 2.0, g.py(v), g.left, g.py(v));
        }
        svg.append("</g>\n");
        svg.append("<g font-size=\"").append(TICK_SIZE).append("\" fill=\"").append(TEXT).append("\">\n");
        double labelY = bottom + TICK_LENGTH + 4 + TICK_SIZE;
        for (Axis.Tick t : plot.xAxis().ticks()) {
            tickLabel(t, g.px(t.value()), labelY, "middle");
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            tickLabel(t, g.left - TICK_LENGTH - 4, g.py(t.value()) + 0.35 * TICK_SIZE, "end");
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
            svg.append("<text x=\"").append(num(g.titleX)).append("\" y=\"").append(PAD + LinePlotLayout.TITLE_SIZE)
               .append("\" font-size=\"").append(g.titleSize).append("\" font-weight=\"bold\" text-anchor=\"middle\">")
               .append(escape(plot.title())).append("</text>\n");
        }
        if (!plot.xLabel().isBlank()) {
            svg.append("<text x=\"").append(num(g.left + g.plotW / 2)).append("\" y=\"").append(plot.height() - PAD - 2)
               .append("\" font-size=\"").append(LABEL_SIZE).append("\" text-anchor=\"middle\">")
               .append(escape(plot.xLabel())).append("</text>\n");
        }
        if (!plot.yLabel().isBlank()) {
            svg.append("<text transform=\"translate(").append(PAD + LABEL_SIZE).append(',')
               .append(num(g.top + g.plotH / 2)).append(") rotate(-90)\" font-size=\"").append(LABEL_SIZE)
               .append("\" text-anchor=\"middle\">").append(escape(plot.yLabel())).append("</text>\n");
        }
    }

    /** The error band: one path, a closed piece per run of drawable points. */
    private void band(PlotSeries s, String color) {
        List<double[]> polygons = g.bandPolygons(s);
        if (polygons.isEmpty()) {
            return;
        }
        svg.append("<path class=\"band\" d=\"");
        path(svg, polygons, true);
        svg.append("\" fill=\"").append(color)
           .append("\" fill-opacity=\"").append(Palette.BAND_OPACITY).append("\" stroke=\"none\"/>\n");
    }

    private void series(PlotSeries s, String color) {
        svg.append("<g>\n");
        if (s.style().hasLine()) {
            polyline(s, color);
        }
        errorBars(s, color);
        double[] m = g.markers(s);
        if (m.length > 0) {
            markerGroup(s.marker(), color);
            for (int k = 0; k < m.length; k += 2) {
                marker(s.marker(), m[k], m[k + 1]);
            }
            svg.append("</g>\n");
        }
        svg.append("</g>\n");
    }

    /** One path; each piece of the line (see {@link LinePlotLayout#linePieces}) starts with a move. */
    private void polyline(PlotSeries s, String color) {
        List<double[]> pieces = g.linePieces(s);
        if (pieces.isEmpty()) {
            return;
        }
        svg.append("<path d=\"");
        path(svg, pieces, false);
        svg.append("\" fill=\"none\" stroke=\"").append(color)
           .append("\" stroke-width=\"1.8\" stroke-linejoin=\"round\" stroke-linecap=\"round\"")
           .append(dash(s.style())).append("/>\n");
    }

    /** Path data: each piece x0, y0, x1, y1, … starts with a move (and ends with a close when {@code closed}). */
    private static void path(StringBuilder d, List<double[]> pieces, boolean closed) {
        boolean first = true;
        for (double[] p : pieces) {
            for (int k = 0; k < p.length; k += 2) {
                d.append(k > 0 ? " L" : first ? "M" : " M");
                appendNum(d, p[k]).append(',');
                appendNum(d, p[k + 1]);
                first = false;
            }
            if (closed) {
                d.append(" Z");
            }
        }
    }

    private void errorBars(PlotSeries s, String color) {
        List<double[]> bars = g.errorBars(s);
        if (bars.isEmpty()) {
            return;
        }
        svg.append("<g stroke=\"").append(color).append("\" stroke-width=\"1\">\n");
        for (double[] b : bars) {
            line(b[0], b[1], b[0], b[2]);
            line(b[0] - CAP, b[1], b[0] + CAP, b[1]);
            line(b[0] - CAP, b[2], b[0] + CAP, b[2]);
        }
        svg.append("</g>\n");
    }

    private void markerGroup(Marker marker, String color) {
        if (marker.filled()) {
            svg.append("<g fill=\"").append(color).append("\">\n");
        } else {
            svg.append("<g fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"")
               .append(LinePlotLayout.OPEN_MARKER_WIDTH).append("\">\n");
        }
    }

    private void legend() {
        if (g.legendEntries.isEmpty()) {
            return;
        }
        double x = g.legendX;
        svg.append("<g font-size=\"").append(LEGEND_SIZE).append("\">\n");
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(g.top)).append("\" width=\"")
           .append(num(g.legendWidth)).append("\" height=\"").append(num(g.legendHeight))
           .append("\" fill=\"white\" stroke=\"").append(FRAME).append("\"/>\n");
        for (int row = 0; row < g.legendEntries.size(); row++) {
            int index = g.legendEntries.get(row);
            PlotSeries s = plot.series().get(index);
            String color = Palette.hex(plot.colorSlot(index));
            double cy = g.legendRowY(row);
            double x0 = x + PAD;
            if (s.hasBand()) {
                svg.append("<rect class=\"band\" x=\"").append(num(x0)).append("\" y=\"").append(num(cy - 5))
                   .append("\" width=\"").append(SWATCH).append("\" height=\"10\" fill=\"").append(color)
                   .append("\" fill-opacity=\"").append(Palette.BAND_OPACITY).append("\"/>\n");
            }
            if (s.style().hasLine()) {
                svg.append("<path d=\"M").append(num(x0)).append(',').append(num(cy)).append(" L")
                   .append(num(x0 + SWATCH)).append(',').append(num(cy)).append("\" stroke=\"").append(color)
                   .append("\" stroke-width=\"1.8\"").append(dash(s.style())).append("/>\n");
            }
            if (s.style().hasMarkers()) {
                markerGroup(s.marker(), color);
                marker(s.marker(), x0 + SWATCH / 2.0, cy);
                svg.append("</g>\n");
            } else if (s.yErr() != null && !s.hasBand()) {
                svg.append("<g stroke=\"").append(color).append("\" stroke-width=\"1\">");
                line(x0 + SWATCH / 2.0, cy - 5, x0 + SWATCH / 2.0, cy + 5);
                svg.append("</g>\n");
            }
            svg.append("<text x=\"").append(num(x0 + SWATCH + 6)).append("\" y=\"")
               .append(num(cy + 0.35 * LEGEND_SIZE)).append("\">").append(escape(s.name())).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private void notes() {
        if (g.noteLines.isEmpty()) {
            return;
        }
        svg.append("<g font-size=\"").append(NOTE_SIZE).append("\" fill=\"").append(TEXT).append("\">\n");
        for (int k = 0; k < g.noteLines.size(); k++) {
            svg.append("<text class=\"note\" x=\"").append(num(g.legendX)).append("\" y=\"")
               .append(num(g.noteY + k * NOTE_ROW)).append("\">").append(escape(g.noteLines.get(k))).append("</text>\n");
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

    private void marker(Marker m, double cx, double cy) {
        if (m.round()) {
            svg.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
               .append(num(MARKER_RADIUS)).append("\"/>\n");
            return;
        }
        double[] p = m.outline(cx, cy, MARKER_RADIUS);
        svg.append("<polygon points=\"");
        for (int k = 0; k < p.length; k += 2) {
            svg.append(k == 0 ? "" : " ").append(num(p[k])).append(',').append(num(p[k + 1]));
        }
        svg.append("\"/>\n");
    }

    /** Rough width of a text in a sans-serif font. */
    static double textWidth(String text, double fontSize) {
        return LinePlotLayout.textWidth(text, fontSize);
    }

    /**
     * A coordinate with at most two decimals, no exponent and no locale. Coordinates far outside the
     * image (points beyond a fixed axis range) are clamped, since the clip path hides them anyway.
     */
    static String num(double v) {
        return appendNum(new StringBuilder(12), v).toString();
    }

    /**
     * Appends {@link #num}'s text of v without making a string per number (a long run's traces have over a million
     * of them).
     */
    static StringBuilder appendNum(StringBuilder sb, double v) {
        double clamped = Math.max(-1e6, Math.min(1e6, v));
        long hundredths = Math.round(clamped * 100);
        if (hundredths < 0) {
            sb.append('-');
        }
        long abs = Math.abs(hundredths);
        sb.append(abs / 100);
        long frac = abs % 100;
        if (frac != 0) {
            sb.append('.');
            if (frac < 10) {
                sb.append('0').append(frac);
            } else {
                sb.append(frac % 10 == 0 ? frac / 10 : frac);
            }
        }
        return sb;
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
