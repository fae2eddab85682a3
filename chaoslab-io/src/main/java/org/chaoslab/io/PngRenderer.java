package org.chaoslab.io;

import static org.chaoslab.io.LinePlotLayout.CAP;
import static org.chaoslab.io.LinePlotLayout.LABEL_SIZE;
import static org.chaoslab.io.LinePlotLayout.LEGEND_SIZE;
import static org.chaoslab.io.LinePlotLayout.LINE_WIDTH;
import static org.chaoslab.io.LinePlotLayout.MARKER_RADIUS;
import static org.chaoslab.io.LinePlotLayout.NOTE_ROW;
import static org.chaoslab.io.LinePlotLayout.NOTE_SIZE;
import static org.chaoslab.io.LinePlotLayout.PAD;
import static org.chaoslab.io.LinePlotLayout.SWATCH;
import static org.chaoslab.io.LinePlotLayout.TICK_LENGTH;
import static org.chaoslab.io.LinePlotLayout.TICK_SIZE;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders a {@link LinePlot} to PNG with Java2D, on the geometry of {@link LinePlotLayout} that the SVG renderer uses
 * too: the same ticks and labels, error bands, error bars, marker shapes, legend and notes.
 */
final class PngRenderer {

    private static final Color GRID = new Color(0xE0E0E0);
    private static final Color FRAME = new Color(0x808080);
    private static final Color TEXT = new Color(0x202020);
    private static final BasicStroke THIN = new BasicStroke(1f);
    private static final BasicStroke SOLID = new BasicStroke((float) LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke((float) LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 4f}, 0f);
    private static final BasicStroke OPEN = new BasicStroke((float) LinePlotLayout.OPEN_MARKER_WIDTH);

    private final LinePlot plot;
    private final LinePlotLayout g;
    private final Graphics2D gr;

    private PngRenderer(LinePlot plot, Graphics2D gr) {
        this.plot = plot;
        this.g = new LinePlotLayout(plot);
        this.gr = gr;
    }

    /** Writes the plot as PNG to the stream. */
    static void write(LinePlot plot, OutputStream out) throws IOException {
        ImageIO.write(image(plot), "png", out);
    }

    /** The plot as an image. */
    static BufferedImage image(LinePlot plot) {
        Headless.ensure();
        BufferedImage img = new BufferedImage(plot.width(), plot.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        try {
            new PngRenderer(plot, gr).draw();
        } finally {
            gr.dispose();
        }
        return img;
    }

    private void draw() {
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, plot.width(), plot.height());
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Rectangle2D area = new Rectangle2D.Double(g.left, g.top, g.plotW, g.plotH);
        grid();
        gr.setColor(FRAME);
        gr.setStroke(THIN);
        gr.draw(area);
        ticks();
        labels();
        Shape clip = gr.getClip();
        gr.setClip(area);
        for (int i = 0; i < plot.series().size(); i++) {
            band(plot.series().get(i), plot.colorSlot(i));
        }
        for (int i = 0; i < plot.series().size(); i++) {
            series(plot.series().get(i), plot.colorSlot(i));
        }
        gr.setClip(clip);
        legend();
        notes();
    }

    private void grid() {
        gr.setColor(GRID);
        gr.setStroke(THIN);
        for (Axis.Tick t : plot.xAxis().ticks()) {
            double x = g.px(t.value());
            gr.draw(new Line2D.Double(x, g.top, x, g.top + g.plotH));
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            double y = g.py(t.value());
            gr.draw(new Line2D.Double(g.left, y, g.left + g.plotW, y));
        }
    }

    private void ticks() {
        double bottom = g.top + g.plotH;
        gr.setColor(FRAME);
        gr.setStroke(THIN);
        for (Axis.Tick t : plot.xAxis().ticks()) {
            gr.draw(new Line2D.Double(g.px(t.value()), bottom, g.px(t.value()), bottom + TICK_LENGTH));
        }
        for (double v : plot.xAxis().minorTicks()) {
            gr.draw(new Line2D.Double(g.px(v), bottom, g.px(v), bottom + TICK_LENGTH / 2.0));
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            gr.draw(new Line2D.Double(g.left - TICK_LENGTH, g.py(t.value()), g.left, g.py(t.value())));
        }
        for (double v : plot.yAxis().minorTicks()) {
            gr.draw(new Line2D.Double(g.left - TICK_LENGTH / 2.0, g.py(v), g.left, g.py(v)));
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, TICK_SIZE);
        double labelY = bottom + TICK_LENGTH + 4 + TICK_SIZE;
        for (Axis.Tick t : plot.xAxis().ticks()) {
            tickLabel(font, t, g.px(t.value()), labelY, 0.5);
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            tickLabel(font, t, g.left - TICK_LENGTH - 4, g.py(t.value()) + 0.35 * TICK_SIZE, 1.0);
        }
    }

    /** A tick label anchored at {@code align} (0 start, 0.5 middle, 1 end), with its exponent raised. */
    private void tickLabel(Font font, Axis.Tick t, double x, double y, double align) {
        HeatmapPngRenderer.label(gr, font, t, x, y, align);
    }

    private void labels() {
        gr.setColor(TEXT);
        if (!plot.title().isBlank()) {
            centered(new Font(Font.SANS_SERIF, Font.BOLD, g.titleSize), plot.title(), g.titleX, PAD + LinePlotLayout.TITLE_SIZE);
        }
        Font lf = new Font(Font.SANS_SERIF, Font.PLAIN, LABEL_SIZE);
        if (!plot.xLabel().isBlank()) {
            centered(lf, plot.xLabel(), g.left + g.plotW / 2, plot.height() - PAD - 2);
        }
        if (!plot.yLabel().isBlank()) {
            AffineTransform saved = gr.getTransform();
            gr.translate(PAD + LABEL_SIZE, g.top + g.plotH / 2);
            gr.rotate(-Math.PI / 2);
            centered(lf, plot.yLabel(), 0, 0);
            gr.setTransform(saved);
        }
    }

    private void centered(Font f, String s, double x, double y) {
        gr.setFont(f);
        gr.drawString(s, (float) (x - gr.getFontMetrics(f).stringWidth(s) / 2.0), (float) y);
    }

    private void band(PlotSeries s, int slot) {
        List<double[]> polygons = g.bandPolygons(s);
        if (polygons.isEmpty()) {
            return;
        }
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (double[] p : polygons) {
            path.moveTo(p[0], p[1]);
            for (int k = 2; k < p.length; k += 2) {
                path.lineTo(p[k], p[k + 1]);
            }
            path.closePath();
        }
        gr.setColor(Palette.band(slot));
        gr.fill(path);
    }

    private void series(PlotSeries s, int slot) {
        Color color = Palette.color(slot);
        gr.setColor(color);
        if (s.style().hasLine()) {
            LinePlotLayout.RasterLine line = g.rasterLine(s);
            if (!line.outlines().isEmpty()) {
                Path2D.Double area = new Path2D.Double(Path2D.WIND_NON_ZERO);
                for (double[] outline : line.outlines()) {
                    polyline(area, outline);
                    area.closePath();
                }
                gr.fill(area);
            }
            if (!line.strokes().isEmpty()) {
                Path2D.Double path = new Path2D.Double();
                for (double[] piece : line.strokes()) {
                    polyline(path, piece);
                }
                gr.setStroke(stroke(s.style()));
                gr.draw(path);
            }
        }
        gr.setStroke(THIN);
        for (double[] b : g.errorBars(s)) {
            gr.draw(new Line2D.Double(b[0], b[1], b[0], b[2]));
            gr.draw(new Line2D.Double(b[0] - CAP, b[1], b[0] + CAP, b[1]));
            gr.draw(new Line2D.Double(b[0] - CAP, b[2], b[0] + CAP, b[2]));
        }
        double[] m = g.markers(s);
        for (int k = 0; k < m.length; k += 2) {
            marker(s.marker(), m[k], m[k + 1]);
        }
    }

    /** Appends x0, y0, x1, y1, … to the path as one subpath. */
    private static void polyline(Path2D.Double path, double[] p) {
        path.moveTo(p[0], p[1]);
        for (int k = 2; k < p.length; k += 2) {
            path.lineTo(p[k], p[k + 1]);
        }
    }

    private void marker(Marker m, double cx, double cy) {
        Shape shape;
        if (m.round()) {
            shape = new Ellipse2D.Double(cx - MARKER_RADIUS, cy - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
        } else {
            double[] p = m.outline(cx, cy, MARKER_RADIUS);
            Path2D.Double path = new Path2D.Double();
            path.moveTo(p[0], p[1]);
            for (int k = 2; k < p.length; k += 2) {
                path.lineTo(p[k], p[k + 1]);
            }
            path.closePath();
            shape = path;
        }
        if (m.filled()) {
            gr.fill(shape);
        } else {
            Stroke saved = gr.getStroke();
            gr.setStroke(OPEN);
            gr.draw(shape);
            gr.setStroke(saved);
        }
    }

    private static BasicStroke stroke(LineStyle style) {
        return style == LineStyle.DASHED ? DASHED : SOLID;
    }

    private void legend() {
        if (g.legendEntries.isEmpty()) {
            return;
        }
        double x = g.legendX;
        Rectangle2D box = new Rectangle2D.Double(x, g.top, g.legendWidth, g.legendHeight);
        gr.setColor(Color.WHITE);
        gr.fill(box);
        gr.setColor(FRAME);
        gr.setStroke(THIN);
        gr.draw(box);
        Font f = new Font(Font.SANS_SERIF, Font.PLAIN, LEGEND_SIZE);
        for (int row = 0; row < g.legendEntries.size(); row++) {
            int index = g.legendEntries.get(row);
            PlotSeries s = plot.series().get(index);
            int slot = plot.colorSlot(index);
            double cy = g.legendRowY(row);
            double x0 = x + PAD;
            if (s.hasBand()) {
                gr.setColor(Palette.band(slot));
                gr.fill(new Rectangle2D.Double(x0, cy - 5, SWATCH, 10));
            }
            gr.setColor(Palette.color(slot));
            if (s.style().hasLine()) {
                gr.setStroke(stroke(s.style()));
                gr.draw(new Line2D.Double(x0, cy, x0 + SWATCH, cy));
            }
            if (s.style().hasMarkers()) {
                marker(s.marker(), x0 + SWATCH / 2.0, cy);
            } else if (s.yErr() != null && !s.hasBand()) {
                gr.setStroke(THIN);
                gr.draw(new Line2D.Double(x0 + SWATCH / 2.0, cy - 5, x0 + SWATCH / 2.0, cy + 5));
            }
            gr.setColor(TEXT);
            gr.setFont(f);
            gr.drawString(s.name(), (float) (x0 + SWATCH + 6), (float) (cy + 0.35 * LEGEND_SIZE));
        }
    }

    private void notes() {
        Font f = new Font(Font.SANS_SERIF, Font.PLAIN, NOTE_SIZE);
        gr.setFont(f);
        gr.setColor(TEXT);
        for (int k = 0; k < g.noteLines.size(); k++) {
            gr.drawString(g.noteLines.get(k), (float) g.legendX, (float) (g.noteY + k * NOTE_ROW));
        }
    }
}
