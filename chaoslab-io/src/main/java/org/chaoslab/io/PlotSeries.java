package org.chaoslab.io;

import java.util.Objects;

/**
 * One series of a {@link LinePlot}. Arrays are not copied. Points with a non-finite coordinate (or a
 * non-positive one on a logarithmic axis) are skipped and break the line.
 *
 * @param name legend entry; a blank name keeps the series out of the legend
 * @param x abscissae
 * @param y ordinates, as many as abscissae
 * @param yErr symmetric error bar half-lengths, as many as ordinates, or {@code null} for none
 * @param style how to draw the series
 * @param colorSlot the palette slot, or −1 for the series' own position in the plot; a theory curve and the
 *                  simulation it is compared with share a slot (solid or dashed line vs markers with error bars)
 */
public record PlotSeries(String name, double[] x, double[] y, double[] yErr, LineStyle style, int colorSlot) {

    /** A series coloured by its position in the plot. */
    public PlotSeries(String name, double[] x, double[] y, double[] yErr, LineStyle style) {
        this(name, x, y, yErr, style, -1);
    }

    /**
     * Validates the series.
     *
     * @throws IllegalArgumentException if array lengths differ
     */
    public PlotSeries {
        name = name == null ? "" : name;
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        if (yErr != null && yErr.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + yErr.length + " error bars for "
                    + y.length + " y values");
        }
    }

    /** {@return whether the series appears in the legend} */
    public boolean inLegend() {
        return !name.isBlank();
    }

    /** Lower end of the error bar at point {@code i} (the point itself without error bars). */
    double low(int i) {
        return yErr == null ? y[i] : y[i] - Math.abs(yErr[i]);
    }

    /** Upper end of the error bar at point {@code i} (the point itself without error bars). */
    double high(int i) {
        return yErr == null ? y[i] : y[i] + Math.abs(yErr[i]);
    }
}
