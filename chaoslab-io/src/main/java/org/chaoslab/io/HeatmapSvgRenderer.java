package org.chaoslab.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

import static org.chaoslab.io.HeatmapLayout.LABEL_SIZE;
import static org.chaoslab.io.HeatmapLayout.PAD;
import static org.chaoslab.io.HeatmapLayout.TICK_LENGTH;
import static org.chaoslab.io.HeatmapLayout.TICK_SIZE;
import static org.chaoslab.io.HeatmapLayout.TITLE_SIZE;
import static org.chaoslab.io.SvgRenderer.escape;
import static org.chaoslab.io.SvgRenderer.num;

/**
 * Writes a {@link HeatmapPlot} as a standalone SVG 1.1 document: axes, ticks, labels, colour bar,
 * overlaid curves and their legend as vector elements; the grid cells and the colour bar's gradient as
 * embedded PNG images (one pixel per cell, scaled without smoothing), which keeps a 200 × 200 grid at
 * tens of kilobytes instead of 40 000 rectangles.
 */
final class HeatmapSvgRenderer {

    private static final String FRAME = "#808080";
    private static final String TEXT = "#202020";
    /** Overlay colours: white first (visible on viridis), then tab10 orange, red, cyan. */
    static final List<String> OVERLAY = List.of("#ffffff", "#ff7f0e", "#d62728", "#17becf");

    private final HeatmapPlot plot;
    private final HeatmapLayout g;
    private final StringBuilder svg = new StringBuilder(1 << 15);

    private HeatmapSvgRenderer(HeatmapPlot plot) {
        this.plot = plot;
        this.g = new HeatmapLayout(plot);
    }

    static String render(HeatmapPlot plot) {
        return new HeatmapSvgRenderer(plot).document();
    }

    private String document() {
        int w = plot.width();
        int h = plot.height();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
           .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"")
           .append(w).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
           .append("\" font-family=\"").append(HeatmapLayout.FONT).append("\">\n");
        if (!plot.title().isBlank()) {
            svg.append("<title>").append(escape(plot.title())).append("</title>\n");
        }
        svg.append("<defs><clipPath id=\"plot-area\"><rect x=\"").append(num(g.left)).append("\" y=\"").append(num(g.top))
           .append("\" width=\"").append(num(g.plotW)).append("\" height=\"").append(num(g.plotH)).append("\"/></clipPath></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        image(plot.raster(), plot.columns(), plot.rows(), g.left, g.top, g.plotW, g.plotH, "cells");
        rect(g.left, g.top, g.plotW, g.plotH);
        axisTicks();
        labels();
        colorBar();
        overlays();
        return svg.append("</svg>\n").toString();
    }

    private void image(int[] rgb, int cols, int rows, double x, double y, double w, double h, String id) {
        svg.append("<image id=\"").append(id).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
           .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
           .append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated;image-rendering:crisp-edges\" xlink:href=\"data:image/png;base64,")
           .append(pngBase64(rgb, cols, rows)).append("\"/>\n");
    }

    static String pngBase64(int[] rgb, int cols, int rows) {
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, cols, rows, rgb, 0, cols);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private void axisTicks() {
        double bottom = g.top + g.plotH;
        svg.append("<g stroke=\"").append(FRAME).append("\" stroke-width=\"1\">\n");
        for (Axis.Tick t : plot.xAxis().ticks()) {
            line(g.px(plot.xAxis(), t.value()), bottom, g.px(plot.xAxis(), t.value()), bottom + TICK_LENGTH);
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            line(g.left - TICK_LENGTH, g.py(plot.yAxis(), t.value()), g.left, g.py(plot.yAxis(), t.value()));
        }
        svg.append("</g>\n<g font-size=\"").append(TICK_SIZE).append("\" fill=\"").append(TEXT).append("\">\n");
        for (Axis.Tick t : plot.xAxis().ticks()) {
            tickLabel(t, g.px(plot.xAxis(), t.value()), bottom + TICK_LENGTH + 4 + TICK_SIZE, "middle");
        }
        for (Axis.Tick t : plot.yAxis().ticks()) {
            tickLabel(t, g.left - TICK_LENGTH - 4, g.py(plot.yAxis(), t.value()) + 0.35 * TICK_SIZE, "end");
        }
        svg.append("</g>\n");
    }

    private void labels() {
        if (!plot.title().isBlank()) {
            text(g.left + g.plotW / 2, PAD + TITLE_SIZE, TITLE_SIZE, "middle", " font-weight=\"bold\"", plot.title());
        }
        if (!plot.xLabel().isBlank()) {
            text(g.left + g.plotW / 2, plot.height() - PAD - 2, LABEL_SIZE, "middle", "", plot.xLabel());
        }
        if (!plot.yLabel().isBlank()) {
            rotated(PAD + LABEL_SIZE, g.top + g.plotH / 2, plot.yLabel());
        }
    }

    private void colorBar() {
        Axis c = plot.colorAxis();
        int[] ramp = new int[256];
        for (int k = 0; k < 256; k++) {
            ramp[k] = HeatmapColors.viridis(1.0 - k / 255.0);
        }
        image(ramp, 1, 256, g.barX, g.top, HeatmapLayout.BAR_WIDTH, g.plotH, "colorbar");
        rect(g.barX, g.top, HeatmapLayout.BAR_WIDTH, g.plotH);
        svg.append("<g stroke=\"").append(FRAME).append("\" stroke-width=\"1\">\n");
        double x1 = g.barX + HeatmapLayout.BAR_WIDTH;
        for (Axis.Tick t : c.ticks()) {
            line(x1, g.barY(c, t.value()), x1 + TICK_LENGTH, g.barY(c, t.value()));
        }
        svg.append("</g>\n<g font-size=\"").append(TICK_SIZE).append("\" fill=\"").append(TEXT).append("\">\n");
        for (Axis.Tick t : c.ticks()) {
            tickLabel(t, g.barLabelX, g.barY(c, t.value()) + 0.35 * TICK_SIZE, "start");
        }
        svg.append("</g>\n");
        if (!plot.colorLabel().isBlank()) {
            rotated(g.colorTitleX, g.top + g.plotH / 2, plot.colorLabel());
        }
    }

    private void overlays() {
        List<PlotSeries> curves = plot.overlays();
        if (curves.isEmpty()) {
            return;
        }
        svg.append("<g clip-path=\"url(#plot-area)\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n");
        for (int i = 0; i < curves.size(); i++) {
            String d = path(curves.get(i));
            if (d.isEmpty()) {
                continue;
            }
            String dash = curves.get(i).style() == LineStyle.DASHED ? " stroke-dasharray=\"7,4\"" : "";
            svg.append("<path d=\"").append(d).append("\" stroke=\"black\" stroke-width=\"3.6\"").append(dash).append("/>\n");
            svg.append("<path d=\"").append(d).append("\" stroke=\"").append(color(i)).append("\" stroke-width=\"1.8\"")
               .append(dash).append("/>\n");
        }
        svg.append("</g>\n");
        legend(curves);
    }

    private void legend(List<PlotSeries> curves) {
        List<Integer> shown = new java.util.ArrayList<>();
        double maxName = 0;
        for (int i = 0; i < curves.size(); i++) {
            if (curves.get(i).inLegend()) {
                shown.add(i);
                maxName = Math.max(maxName, SvgRenderer.textWidth(curves.get(i).name(), TICK_SIZE));
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        double x = g.left + PAD;
        double y = g.top + PAD;
        double row = 18;
        svg.append("<g font-size=\"").append(TICK_SIZE).append("\">\n");
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
           .append(num(maxName + 3 * PAD + 24)).append("\" height=\"").append(num(PAD + row * shown.size()))
           .append("\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"").append(FRAME).append("\"/>\n");
        for (int r = 0; r < shown.size(); r++) {
            int i = shown.get(r);
            double cy = y + PAD / 2.0 + row * (r + 0.5);
            svg.append("<path d=\"M").append(num(x + PAD)).append(',').append(num(cy)).append(" L").append(num(x + PAD + 24))
               .append(',').append(num(cy)).append("\" stroke=\"black\" stroke-width=\"3.6\"/>\n");
            svg.append("<path d=\"M").append(num(x + PAD)).append(',').append(num(cy)).append(" L").append(num(x + PAD + 24))
               .append(',').append(num(cy)).append("\" stroke=\"").append(color(i)).append("\" stroke-width=\"1.8\"/>\n");
            svg.append("<text x=\"").append(num(x + 2 * PAD + 24)).append("\" y=\"").append(num(cy + 0.35 * TICK_SIZE))
               .append("\" fill=\"").append(TEXT).append("\">").append(escape(curves.get(i).name())).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    static String color(int i) {
        return OVERLAY.get(Math.floorMod(i, OVERLAY.size()));
    }

    /** Path data of a curve in pixels; non-finite points break it. */
    private String path(PlotSeries s) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < s.x().length; i++) {
            double xv = s.x()[i];
            double yv = s.y()[i];
            if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : (d.isEmpty() ? "M" : " M")).append(num(g.px(plot.xAxis(), xv))).append(',')
             .append(num(g.py(plot.yAxis(), yv)));
            pen = true;
        }
        return d.toString();
    }

    private void tickLabel(Axis.Tick t, double x, double y, String anchor) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
           .append("\">").append(escape(t.text()));
        if (t.exponent() != null) {
            svg.append("<tspan dy=\"-0.45em\" font-size=\"75%\">").append(escape(t.exponent())).append("</tspan>");
        }
        svg.append("</text>\n");
    }

    private void text(double x, double y, int size, String anchor, String extra, String s) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(size)
           .append('"').append(extra).append(" text-anchor=\"").append(anchor).append("\" fill=\"").append(TEXT).append("\">")
           .append(escape(s)).append("</text>\n");
    }

    private void rotated(double x, double y, String s) {
        svg.append("<text transform=\"translate(").append(num(x)).append(',').append(num(y))
           .append(") rotate(-90)\" font-size=\"").append(LABEL_SIZE).append("\" text-anchor=\"middle\" fill=\"").append(TEXT)
           .append("\">").append(escape(s)).append("</text>\n");
    }

    private void rect(double x, double y, double w, double h) {
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
           .append("\" height=\"").append(num(h)).append("\" fill=\"none\" stroke=\"").append(FRAME).append("\"/>\n");
    }

    private void line(double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
           .append("\" y2=\"").append(num(y2)).append("\"/>\n");
    }
}
