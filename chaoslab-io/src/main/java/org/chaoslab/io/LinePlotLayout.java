package org.chaoslab.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Pixel geometry of a {@link LinePlot} shared by the PNG and the SVG renderer, so that both images match: the plot
 * area, the legend (and the notes under it) right of it, and per series the pieces of its line, its error band, its
 * error bars and its markers. Text widths are estimated from the character count (no font metrics exist for SVG).
 */
final class LinePlotLayout {

    static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
    static final int TITLE_SIZE = 16;
    static final int MIN_TITLE_SIZE = 11;
    static final int LABEL_SIZE = 14;
    static final int TICK_SIZE = 12;
    static final int LEGEND_SIZE = 12;
    static final int NOTE_SIZE = 11;
    static final int TICK_LENGTH = 5;
    static final int PAD = 10;
    static final int SWATCH = 28;
    static final int LEGEND_ROW = 20;
    static final int NOTE_ROW = 15;
    static final double MARKER_RADIUS = 3.5;
    static final double CAP = 3;
    static final double LINE_WIDTH = 1.8;
    static final double OPEN_MARKER_WIDTH = 1.3;
    /** Line vertices closer than this (in pixels) to the previous one are invisible and left out. */
    static final double MIN_STEP = 0.3;
    /** Fraction of the plot area left free on each side, so that points on the range ends stay visible. */
    static final double INSET = 0.03;
    /** The narrowest legend column that notes are wrapped to. */
    private static final double MIN_NOTE_WIDTH = 170;

    final LinePlot plot;
    final double left;
    final double top;
    final double plotW;
    final double plotH;
    final List<Integer> legendEntries = new ArrayList<>();
    /** Left edge of the legend column. */
    final double legendX;
    final double legendWidth;
    final double legendHeight;
    /** The notes, wrapped to the legend column, one entry per text line. */
    final List<String> noteLines;
    /** Baseline of the first note line. */
    final double noteY;
    final int titleSize;
    /** Centre of the title. */
    final double titleX;

    LinePlotLayout(LinePlot plot) {
        this.plot = plot;
        for (int i = 0; i < plot.series().size(); i++) {
            if (plot.series().get(i).inLegend()) {
                legendEntries.add(i);
            }
        }
        double maxName = legendEntries.stream()
                .mapToDouble(i -> textWidth(plot.series().get(i).name(), LEGEND_SIZE)).max().orElse(0);
        double column = legendEntries.isEmpty() ? 0 : PAD + SWATCH + 6 + maxName + PAD;
        if (!plot.notes().isEmpty()) {
            column = Math.max(column, MIN_NOTE_WIDTH);
        }
        legendWidth = column;
        legendHeight = legendEntries.isEmpty() ? 0 : PAD + legendEntries.size() * LEGEND_ROW;
        noteLines = new ArrayList<>();
        for (String note : plot.notes()) {
            noteLines.addAll(wrap(note, legendWidth, NOTE_SIZE));
        }
        double yTickWidth = plot.yAxis().ticks().stream().mapToDouble(LinePlotLayout::tickLabelWidth).max().orElse(0);
        top = PAD + (plot.title().isBlank() ? 6 : TITLE_SIZE + PAD);
        left = PAD + (plot.yLabel().isBlank() ? 0 : LABEL_SIZE + PAD) + yTickWidth + TICK_LENGTH + 4;
        double bottom = TICK_LENGTH + 4 + TICK_SIZE + 4 + (plot.xLabel().isBlank() ? 0 : LABEL_SIZE + PAD) + PAD;
        double right = legendWidth == 0 ? 2 * PAD : legendWidth + 3 * PAD;
        plotW = plot.width() - left - right;
        plotH = plot.height() - top - bottom;
        legendX = left + plotW + 2 * PAD;
        noteY = top + legendHeight + (legendEntries.isEmpty() ? 0 : PAD) + NOTE_SIZE;
        // a long title is centred on the image rather than the plot area, and set smaller if it still does not fit
        int size = TITLE_SIZE;
        double room = plot.width() - 2.0 * PAD;
        while (size > MIN_TITLE_SIZE && titleWidth(plot.title(), size) > room) {
            size--;
        }
        titleSize = size;
        double w = titleWidth(plot.title(), size);
        double centre = left + plotW / 2;
        titleX = Math.max(PAD + w / 2, Math.min(plot.width() - PAD - w / 2, centre));
    }

    /** x pixel of a data value. */
    double px(double x) {
        return left + plotW * (INSET + (1 - 2 * INSET) * plot.xAxis().fraction(x));
    }

    /** y pixel of a data value. */
    double py(double y) {
        return top + plotH * (INSET + (1 - 2 * INSET) * (1 - plot.yAxis().fraction(y)));
    }

    /** y pixel of the lower end of an error bar or band at point i: below the plot area where it is off the axis. */
    private double pyLow(PlotSeries s, int i) {
        return plot.yAxis().accepts(s.low(i)) ? py(s.low(i)) : top + plotH + CAP;
    }

    /**
     * The pieces of a series' line as x0, y0, x1, y1, ... in pixels. A point that cannot be drawn ends the current
     * piece; within a piece, points less than {@link #MIN_STEP} pixels from the last one kept are left out (the end
     * point of each piece is always kept), which keeps dense time series small.
     */
    List<double[]> linePieces(PlotSeries s) {
        List<double[]> pieces = new ArrayList<>();
        Coordinates piece = new Coordinates();
        int n = s.x().length;
        double lastX = 0;
        double lastY = 0;
        for (int i = 0; i < n; i++) {
            if (!plot.drawable(s, i)) {
                piece.flushInto(pieces);
                continue;
            }
            double x = px(s.x()[i]);
            double y = py(s.y()[i]);
            boolean pieceEnds = i + 1 == n || !plot.drawable(s, i + 1);
            if (!piece.isEmpty() && !pieceEnds && Math.abs(x - lastX) < MIN_STEP && Math.abs(y - lastY) < MIN_STEP) {
                continue;
            }
            piece.add(x, y);
            lastX = x;
            lastY = y;
        }
        piece.flushInto(pieces);
        return pieces;
    }

    /**
     * A series' line for a raster image: the outlines to fill (x0, y0, … polygons) and the pieces to stroke.
     *
     * @param outlines the dense pieces of a solid line as the region its round stroke covers ({@link StrokeOutline})
     * @param strokes  the other pieces, to stroke with the series' style
     */
    record RasterLine(List<double[]> outlines, List<double[]> strokes) {
    }

    /**
     * The pieces of {@link #linePieces} for a raster image. Where a piece runs left to right with many points per pixel
     * column ({@link #denseTimeSeries}: a long time series, 120 000 steps on a few hundred columns), rasterizing its
     * segments took Java2D half a second per plot (a zigzag through each column's whole range: hundreds of thousands
     * of long edges on every scanline). A solid line's dense piece becomes the outline of the region its stroke covers,
     * which is exact up to 1/64 pixel and has two edges per scanline (StrokeOutlineTest); a dashed one keeps, per
     * quarter column, its first, lowest, highest and last point ({@link #perColumn}: the M4 aggregation of Jugel et
     * al., "M4: a visualization-oriented time series data aggregation", PVLDB 7:797 (2014)). Other pieces are drawn as
     * they are; the vector output (SVG, which may be zoomed) keeps every point.
     */
    RasterLine rasterLine(PlotSeries s) {
        List<double[]> outlines = new ArrayList<>();
        List<double[]> strokes = new ArrayList<>();
        boolean solid = s.style() != LineStyle.DASHED;
        for (double[] piece : linePieces(s)) {
            if (!denseTimeSeries(piece, RASTER_BUCKETS)) {
                strokes.add(piece);
            } else if (solid) {
                outlines.add(StrokeOutline.of(piece, LINE_WIDTH / 2));
            } else {
                strokes.add(perColumn(piece));
            }
        }
        return new RasterLine(outlines, strokes);
    }

    /**
     * Whether a piece x0, y0, … has x never decreasing and over 8 points per 1/{@code buckets} pixel column on average
     * (and at least 64 points).
     */
    static boolean denseTimeSeries(double[] p, int buckets) {
        int n = p.length / 2;
        if (n < 64) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if (p[2 * i] < p[2 * i - 2]) {
                return false;
            }
        }
        return n >= 8 * buckets * (p[2 * n - 2] - p[0] + 1);
    }

    /**
     * M4 per quarter pixel column ({@link #RASTER_BUCKETS}) of a piece x0, y0, … whose x never decreases and that has
     * over 8 points per bucket on average; else the piece itself.
     */
    static double[] perColumn(double[] p) {
        return perColumn(p, RASTER_BUCKETS);
    }

    /**
     * Sub-columns per pixel column of the M4 reduction (and 1/4 pixel is the density that {@link #denseTimeSeries}
     * counts per): with antialiasing, one bucket per column changes edge pixels by up to 88 % of full scale (the zigzag
     * through four points is not the band of the full line near the column's sides); four per column by at most 17 %
     * (RasterThinningTest), still 16 times fewer segments for 120 000 points on 500 columns.
     */
    static final int RASTER_BUCKETS = 4;

    /** The same with {@code buckets} sub-columns per pixel column. */
    static double[] perColumn(double[] p, int buckets) {
        int n = p.length / 2;
        if (!denseTimeSeries(p, buckets)) {
            return p;
        }
        Coordinates out = new Coordinates();
        int start = 0;
        while (start < n) {
            double column = Math.floor(p[2 * start] * buckets);
            int end = start + 1;
            while (end < n && Math.floor(p[2 * end] * buckets) == column) {
                end++;
            }
            int lo = start;
            int hi = start;
            for (int i = start + 1; i < end; i++) {
                if (p[2 * i + 1] < p[2 * lo + 1]) {
                    lo = i;
                }
                if (p[2 * i + 1] > p[2 * hi + 1]) {
                    hi = i;
                }
            }
            int last = end - 1;
            int a = Math.min(lo, hi);
            int b = Math.max(lo, hi);
            out.add(p[2 * start], p[2 * start + 1]);
            if (a != start) {
                out.add(p[2 * a], p[2 * a + 1]);
            }
            if (b != a && b != start) {
                out.add(p[2 * b], p[2 * b + 1]);
            }
            if (last != b && last != start) {
                out.add(p[2 * last], p[2 * last + 1]);
            }
            start = end;
        }
        return out.toArray();
    }

    /**
     * The polygons of a series' error band (upper edge forwards, lower edge backwards) as x0, y0, x1, y1, ...: one per
     * run of points that can be drawn and have a finite error; runs of a single point have no area and are left out.
     * Points less than {@link #MIN_STEP} pixels right of the last one kept are left out (run ends are kept).
     */
    List<double[]> bandPolygons(PlotSeries s) {
        List<double[]> polygons = new ArrayList<>();
        if (!s.hasBand()) {
            return polygons;
        }
        int n = s.x().length;
        List<Integer> run = new ArrayList<>();
        double lastX = Double.NaN;
        for (int i = 0; i <= n; i++) {
            boolean usable = i < n && plot.drawable(s, i) && Double.isFinite(s.yErr()[i]);
            if (usable) {
                double x = px(s.x()[i]);
                boolean runEnds = i + 1 == n || !plot.drawable(s, i + 1) || !Double.isFinite(s.yErr()[i + 1]);
                if (run.isEmpty() || runEnds || Math.abs(x - lastX) >= MIN_STEP) {
                    run.add(i);
                    lastX = x;
                }
                continue;
            }
            if (run.size() >= 2) {
                double[] poly = new double[4 * run.size()];
                int k = 0;
                for (int j : run) {
                    poly[k++] = px(s.x()[j]);
                    poly[k++] = py(s.high(j));
                }
                for (int r = run.size() - 1; r >= 0; r--) {
                    int j = run.get(r);
                    poly[k++] = px(s.x()[j]);
                    poly[k++] = pyLow(s, j);
                }
                polygons.add(poly);
            }
            run.clear();
        }
        return polygons;
    }

    /** The error bars of a series (none where it draws a band): x, low end, high end in pixels, per marked point. */
    List<double[]> errorBars(PlotSeries s) {
        List<double[]> bars = new ArrayList<>();
        if (s.yErr() == null || s.hasBand()) {
            return bars;
        }
        for (int i = 0; i < s.x().length; i++) {
            if (s.marked(i) && plot.drawable(s, i) && Double.isFinite(s.yErr()[i])) {
                bars.add(new double[] {px(s.x()[i]), pyLow(s, i), py(s.high(i))});
            }
        }
        return bars;
    }

    /** The marker centres of a series (none if its style has no markers) as x0, y0, x1, y1, ... in pixels. */
    double[] markers(PlotSeries s) {
        Coordinates c = new Coordinates();
        if (s.style().hasMarkers()) {
            for (int i = 0; i < s.x().length; i++) {
                if (s.marked(i) && plot.drawable(s, i)) {
                    c.add(px(s.x()[i]), py(s.y()[i]));
                }
            }
        }
        return c.toArray();
    }

    /** Centre line (y) of legend row {@code row}. */
    double legendRowY(int row) {
        return top + PAD / 2.0 + LEGEND_ROW * (row + 0.5);
    }

    static double tickLabelWidth(Axis.Tick t) {
        return textWidth(t.text(), TICK_SIZE) + (t.exponent() == null ? 0 : textWidth(t.exponent(), TICK_SIZE * 0.75));
    }

    /** Rough width of a text in a sans-serif font. */
    static double textWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * 0.6;
    }

    /** Rough width of a bold title. */
    static double titleWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * 0.66;
    }

    /** Splits a text into lines of at most {@code width} pixels (estimated) at spaces; long words stay whole. */
    static List<String> wrap(String text, double width, double fontSize) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && textWidth(candidate, fontSize) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A growable list of pixel coordinates. */
    private static final class Coordinates {
        private double[] xy = new double[64];
        private int size;

        void add(double x, double y) {
            if (size + 2 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, 2 * xy.length);
            }
            xy[size++] = x;
            xy[size++] = y;
        }

        boolean isEmpty() {
            return size == 0;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(xy, size);
        }

        void flushInto(List<double[]> pieces) {
            if (size > 0) {
                pieces.add(toArray());
                size = 0;
            }
        }
    }
}
