package org.chaoslab.io;

import java.util.Arrays;

/**
 * The region that a round-capped, round-joined line of width 2r covers, for a polyline whose x never decreases (a time
 * series in pixel coordinates), as one polygon to fill.
 *
 * <p>That region is the Minkowski sum of the polyline with a disk of radius r (round caps and joins are exactly that),
 * and its cut at any x is one interval: the disks centred on the part of the line within r of x form a connected
 * union, because that part of the line is connected. So the region is bounded by two functions,
 * top(x) = min (y − √(r² − dx²)) and bottom(x) = max (y + √(r² − dx²)) over the points (x + dx, y) of the line with
 * |dx| ≤ r (pixel y grows downwards). Each of {@link #SUBCOLUMNS} sub-columns per pixel keeps the line's lowest and
 * highest y within it (its vertices, and where its segments cross the sub-column's sides), taken as lying anywhere in
 * the sub-column; the two functions are evaluated every {@link #STRIDE} sub-columns (1/16 pixel) and at the caps'
 * tips. The outline is the exact region up to a shift outwards of at most 1/64 pixel and chords 1/16 pixel apart in x
 * across its arcs (inside them by at most 0.016 pixel at r = 0.9, next to the caps' tips; 0.0005 pixel on the flat
 * tops).
 *
 * <p>Why: Java2D rasterizes a stroke by its edges, and a dense time series (120 000 steps on a few hundred pixel
 * columns: a zigzag through each column's whole range) gives it hundreds of thousands of long, overlapping,
 * near-vertical edges that cross every scanline: about half a second per plot even after an M4 reduction. Its outline
 * has two edges per scanline. Measured against a supersampled stroke through every point in {@code StrokeOutlineTest}.
 */
final class StrokeOutline {

    /** Sub-columns per pixel column of the envelope's grid. */
    static final int SUBCOLUMNS = 64;

    /** Sub-columns between the outline's vertices. */
    static final int STRIDE = 4;

    private StrokeOutline() {
    }

    /**
     * The outline of the line through x0, y0, x1, y1, … (at least one point; x never decreasing, all finite) drawn with
     * round caps and joins and width 2·{@code radius} (> 0): the top edge left to right, then the bottom edge right to
     * left, as x0, y0, x1, y1, ….
     */
    static double[] of(double[] p, double radius) {
        return of(p, radius, SUBCOLUMNS, STRIDE);
    }

    /** The same on a grid of {@code subcolumns} per pixel, sampled every {@code stride} sub-columns. */
    static double[] of(double[] p, double radius, int subcolumns, int stride) {
        int n = p.length / 2;
        double d = 1.0 / subcolumns;
        double xFirst = p[0];
        double xLast = p[2 * n - 2];
        long firstColumn = (long) Math.floor(xFirst / d);
        int columns = (int) ((long) Math.floor(xLast / d) - firstColumn + 1);
        double[] lowest = new double[columns];
        double[] highest = new double[columns];
        Arrays.fill(lowest, Double.POSITIVE_INFINITY);
        Arrays.fill(highest, Double.NEGATIVE_INFINITY);
        int previous = 0;
        for (int i = 0; i < n; i++) {
            double x = p[2 * i];
            double y = p[2 * i + 1];
            int c = (int) ((long) Math.floor(x / d) - firstColumn);
            if (i > 0 && c > previous) {
                // the segment from the last point crosses the sides of sub-columns previous+1 .. c: its y there
                // belongs to the sub-columns on both sides of each
                double xa = p[2 * i - 2];
                double ya = p[2 * i - 1];
                for (int side = previous + 1; side <= c; side++) {
                    double xs = (side + firstColumn) * d;
                    double ys = ya + (y - ya) * ((xs - xa) / (x - xa));
                    extend(lowest, highest, side - 1, ys);
                    extend(lowest, highest, side, ys);
                }
            }
            extend(lowest, highest, c, y);
            previous = c;
        }
        // the envelope at sub-column sides every STRIDE sub-columns from the left cap's tip to the right one's, and at
        // the two tips; h[j] is the half-height of the disk at j sub-columns from its centre's sub-column
        int reach = (int) Math.floor(radius / d);
        double[] h = new double[reach + 1];
        for (int j = 0; j <= reach; j++) {
            h[j] = Math.sqrt(Math.max(0.0, radius * radius - (j * d) * (j * d)));
        }
        long leftSide = (long) Math.ceil((xFirst - radius) / d / stride) * stride;
        long rightSide = (long) Math.floor((xLast + radius) / d / stride) * stride;
        int inner = (int) Math.max(0, (rightSide - leftSide) / stride + 1);
        int samples = inner + 2;
        double[] out = new double[4 * samples];
        double[] edge = new double[2];
        tip(lowest, highest, 0, edge);
        put(out, samples, 0, xFirst - radius, edge);
        for (int k = 0; k < inner; k++) {
            long side = leftSide + (long) k * stride;
            double x = side * d;
            double top = Double.POSITIVE_INFINITY;
            double bottom = Double.NEGATIVE_INFINITY;
            int from = (int) Math.max(0, side - reach - 1 - firstColumn);
            int to = (int) Math.min(columns - 1, side + reach - firstColumn);
            for (int c = from; c <= to; c++) {
                long g = c + firstColumn;
                double hc;
                if (c == 0 || c == columns - 1) {
                    // the end sub-columns hold the line only from xFirst or up to xLast
                    double left = Math.max(xFirst, g * d);
                    double right = Math.min(xLast, (g + 1) * d);
                    double dx = Math.max(0.0, Math.max(left - x, x - right));
                    if (dx > radius) {
                        continue;
                    }
                    hc = Math.sqrt(Math.max(0.0, radius * radius - dx * dx));
                } else {
                    long j = g >= side ? g - side : side - g - 1;
                    if (j > reach) {
                        continue;
                    }
                    hc = h[(int) j];
                }
                top = Math.min(top, lowest[c] - hc);
                bottom = Math.max(bottom, highest[c] + hc);
            }
            if (top > bottom) {
                // a side within rounding of a cap's tip, every sub-column just beyond r: the tip itself
                tip(lowest, highest, x < xFirst ? 0 : columns - 1, edge);
            } else {
                edge[0] = top;
                edge[1] = bottom;
            }
            put(out, samples, k + 1, x, edge);
        }
        tip(lowest, highest, columns - 1, edge);
        put(out, samples, samples - 1, xLast + radius, edge);
        return out;
    }

    /** {top, bottom} at a cap's tip: the extremes of the end sub-column c (its points taken as lying at the tip's x). */
    private static void tip(double[] lowest, double[] highest, int c, double[] edge) {
        edge[0] = lowest[c];
        edge[1] = highest[c];
    }

    /** Vertex k of the top edge (from the left) and of the bottom edge (from the right) of an outline of m samples. */
    private static void put(double[] out, int m, int k, double x, double[] edge) {
        out[2 * k] = x;
        out[2 * k + 1] = edge[0];
        out[4 * m - 2 - 2 * k] = x;
        out[4 * m - 1 - 2 * k] = edge[1];
    }

    private static void extend(double[] lowest, double[] highest, int c, double y) {
        if (y < lowest[c]) {
            lowest[c] = y;
        }
        if (y > highest[c]) {
            highest[c] = y;
        }
    }
}
