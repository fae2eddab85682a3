package org.chaoslab.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

import static org.chaoslab.io.HeatmapLayout.LABEL_SIZE;
import static org.chaoslab.io.HeatmapLayout.PAD;
import static org.chaoslab.io.HeatmapLayout.TICK_LENGTH;
import static org.chaoslab.io.HeatmapLayout.TICK_SIZE;
import static org.chaoslab.io.HeatmapLayout.TITLE_SIZE;

/** Renders a {@link HeatmapPlot} to PNG with Java2D, on the same geometry as the SVG. */
final class HeatmapPngRenderer {

    private static final Color FRAME = new Color(0x808080);
    private static final Color TEXT = new Color(0x202020);
    private static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 4f}, 0f);
    private static final BasicStroke DASHED_CASING = new BasicStroke(3.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 4f}, 0f);

    private HeatmapPngRenderer() {
    }

    static void write(HeatmapPlot plot, OutputStream out) throws IOException {
        Headless.ensure();
        BufferedImage img = new BufferedImage(plot.width(), plot.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        try {
            draw(plot, gr);
        } finally {
            gr.dispose();
        }
        ImageIO.write(img, "png", out);
    }

    private static void draw(HeatmapPlot plot, Graphics2D gr) {
        HeatmapLayout g = new HeatmapLayout(plot);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, plot.width(), plot.height());
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        BufferedImage cells = new BufferedImage(plot.columns(), plot.rows(), BufferedImage.TYPE_INT_RGB);
        cells.setRGB(0, 0, plot.columns(), plot.rows(), plot.raster(), 0, plot.columns());
        drawImage(gr, cells, g.left, g.top, g.plotW, g.plotH);
        int[] ramp = new int[256];
        for (int k = 0; k < 256; k++) {
            ramp[k] = HeatmapColors.viridis(1.0 - k / 255.0);
        }
        BufferedImage bar = new BufferedImage(1, 256, BufferedImage.TYPE_INT_RGB);
        bar.setRGB(0, 0, 1, 256, ramp, 0, 1);
        drawImage(gr, bar, g.barX, g.top, HeatmapLayout.BAR_WIDTH, g.plotH);
        gr.setStroke(new BasicStroke(1f));
        gr.setColor(FRAME);
        gr.draw(new Rectangle2D.Double(g.left, g.top, g.plotW, g.plotH));
        gr.draw(new Rectangle2D.Double(g.barX, g.top, HeatmapLayout.BAR_WIDTH, g.plotH));
        ticks(plot, g, gr);
        overlays(plot, g, gr);
        labels(plot, g, gr);
    }

    private static void drawImage(Graphics2D gr, BufferedImage img, double x, double y, double w, double h) {
        AffineTransform t = new AffineTransform();
        t.translate(x, y);
        t.scale(w / img.getWidth(), h / img.getHeight());
        gr.drawImage(img, t, null);
    }

    private static void ticks(HeatmapPlot plot, HeatmapLayout g, Graphics2D gr) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, TICK_SIZE);
        double bottom = g.top + g.plotH;
        for (Axis.Tick t : plot.xAxis().ticks()) {
            double x = g.px(plot.xAxis(), t.value());
            gr.setColor(FRAME);
            gr.draw(new Line2D.Double(x, bottom, x, bottom + TICK_LENGTH));
            label(gr, font, t, x, bottom + TICK_LENGTH + 4 + TICK_SIZE, 0.5);
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            double y = g.py(plot.yAxis(), t.value());
            gr.setColor(FRAME);
            gr.draw(new Line2D.Double(g.left - TICK_LENGTH, y, g.left, y));
            label(gr, font, t, g.left - TICK_LENGTH - 4, y + 0.35 * TICK_SIZE, 1.0);
        }
        Axis c = plot.colorAxis();
        double x1 = g.barX + HeatmapLayout.BAR_WIDTH;
        for (Axis.Tick t : c.ticks()) {
            double y = g.barY(c, t.value());
            gr.setColor(FRAME);
            gr.draw(new Line2D.Double(x1, y, x1 + TICK_LENGTH, y));
            label(gr, font, t, g.barLabelX, y + 0.35 * TICK_SIZE, 0.0);
        }
    }

    /** A tick label, anchored at {@code align} (0 start, 0.5 middle, 1 end), with an exponent if any (shared with the line plots). */
    static void label(Graphics2D gr, Font font, Axis.Tick t, double x, double y, double align) {
        Font small = font.deriveFont(font.getSize2D() * 0.75f);
        FontMetrics fm = gr.getFontMetrics(font);
        FontMetrics fs = gr.getFontMetrics(small);
        double w = fm.stringWidth(t.text()) + (t.exponent() == null ? 0 : fs.stringWidth(t.exponent()));
        double x0 = x - align * w;
        gr.setColor(TEXT);
        gr.setFont(font);
        gr.drawString(t.text(), (float) x0, (float) y);
        if (t.exponent() != null) {
            gr.setFont(small);
            gr.drawString(t.exponent(), (float) (x0 + fm.stringWidth(t.text())), (float) (y - 0.45 * font.getSize2D()));
        }
    }

    private static void labels(HeatmapPlot plot, HeatmapLayout g, Graphics2D gr) {
        gr.setColor(TEXT);
        if (!plot.title().isBlank()) {
            centered(gr, new Font(Font.SANS_SERIF, Font.BOLD, TITLE_SIZE), plot.title(), g.left + g.plotW / 2, PAD + TITLE_SIZE);
        }
        Font lf = new Font(Font.SANS_SERIF, Font.PLAIN, LABEL_SIZE);
        if (!plot.xLabel().isBlank()) {
            centered(gr, lf, plot.xLabel(), g.left + g.plotW / 2, plot.height() - PAD - 2);
        }
        if (!plot.yLabel().isBlank()) {
            rotated(gr, lf, plot.yLabel(), PAD + LABEL_SIZE, g.top + g.plotH / 2);
        }
        if (!plot.colorLabel().isBlank()) {
            rotated(gr, lf, plot.colorLabel(), g.colorTitleX, g.top + g.plotH / 2);
        }
    }

    private static void centered(Graphics2D gr, Font f, String s, double x, double y) {
        gr.setFont(f);
        gr.drawString(s, (float) (x - gr.getFontMetrics(f).stringWidth(s) / 2.0), (float) y);
    }

    private static void rotated(Graphics2D gr, Font f, String s, double x, double y) {
        AffineTransform saved = gr.getTransform();
        gr.translate(x, y);
        gr.rotate(-Math.PI / 2);
        centered(gr, f, s, 0, 0);
        gr.setTransform(saved);
    }

    private static void overlays(HeatmapPlot plot, HeatmapLayout g, Graphics2D gr) {
        List<PlotSeries> curves = plot.overlays();
        Shape clip = gr.getClip();
        gr.setClip(new Rectangle2D.Double(g.left, g.top, g.plotW, g.plotH));
        for (int i = 0; i < curves.size(); i++) {
            PlotSeries s = curves.get(i);
            Path2D.Double p = new Path2D.Double();
            boolean pen = false;
            for (int k = 0; k < s.x().length; k++) {
                if (!Double.isFinite(s.x()[k]) || !Double.isFinite(s.y()[k])) {
                    pen = false;
                    continue;
                }
                double x = g.px(plot.xAxis(), s.x()[k]);
                double y = g.py(plot.yAxis(), s.y()[k]);
                if (pen) {
                    p.lineTo(x, y);
                } else {
                    p.moveTo(x, y);
                }
                pen = true;
            }
            boolean dashed = s.style() == LineStyle.DASHED;
            gr.setColor(Color.BLACK);
            gr.setStroke(dashed ? DASHED_CASING : new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            gr.draw(p);
            gr.setColor(Color.decode(HeatmapSvgRenderer.color(i)));
            gr.setStroke(dashed ? DASHED : new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            gr.draw(p);
        }
        gr.setClip(clip);
        legend(curves, g, gr);
    }

    private static void legend(List<PlotSeries> curves, HeatmapLayout g, Graphics2D gr) {
        Font f = new Font(Font.SANS_SERIF, Font.PLAIN, TICK_SIZE);
        FontMetrics fm = gr.getFontMetrics(f);
        int shown = 0;
        double maxName = 0;
        for (PlotSeries s : curves) {
            if (s.inLegend()) {
                shown++;
                maxName = Math.max(maxName, fm.stringWidth(s.name()));
            }
        }
        if (shown == 0) {
            return;
        }
        double x = g.left + PAD;
        double y = g.top + PAD;
        double row = 18;
        Rectangle2D box = new Rectangle2D.Double(x, y, maxName + 3 * PAD + 24, PAD + row * shown);
        gr.setColor(new Color(255, 255, 255, 217));
        gr.fill(box);
        gr.setColor(FRAME);
        gr.setStroke(new BasicStroke(1f));
        gr.draw(box);
        int r = 0;
        for (int i = 0; i < curves.size(); i++) {
            if (!curves.get(i).inLegend()) {
                continue;
            }
            double cy = y + PAD / 2.0 + row * (r + 0.5);
            gr.setColor(Color.BLACK);
            gr.setStroke(new BasicStroke(3.6f));
            gr.draw(new Line2D.Double(x + PAD, cy, x + PAD + 24, cy));
            gr.setColor(Color.decode(HeatmapSvgRenderer.color(i)));
            gr.setStroke(new BasicStroke(1.8f));
            gr.draw(new Line2D.Double(x + PAD, cy, x + PAD + 24, cy));
            gr.setColor(TEXT);
            gr.setFont(f);
            gr.drawString(curves.get(i).name(), (float) (x + 2 * PAD + 24), (float) (cy + 0.35 * TICK_SIZE));
            r++;
        }
    }
}
