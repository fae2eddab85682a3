package org.chaoslab.io;

import java.util.Objects;

/**
 * One series of a {@link LinePlot}. Arrays are not copied. Points with a non-finite coordinate (or a
 * non-positive one on a logarithmic axis) are skipped and break the line (and the error band).
 *
 * @param name legend entry; a blank name keeps the series out of the legend
 * @param x abscissae
 * @param y ordinates, as many as abscissae
 * @param yErr symmetric error half-lengths, as many as ordinates, or {@code null} for none
 * @param style how to draw the series
 * @param colorSlot the palette slot; {@link #AUTO_COLOR} for the next unused slot of the plot (assigned when the
 *                  series is added to a {@link LinePlot.Builder}), {@link #REFERENCE_COLOR} for the grey of reference
 *                  lines; a theory curve and the simulation it is compared with share a slot
 * @param marker the marker shape (where the style has markers, and in the legend)
 * @param errors error bars at the marked points, or a band through all points
 * @param markEvery a marker (and an error bar) at every {@code markEvery}-th point only, from the first (≥ 1); lines
 *                  and bands still go through every point
 */
public record PlotSeries(String name, double[] x, double[] y, double[] yErr, LineStyle style, int colorSlot,
                         Marker marker, ErrorStyle errors, int markEvery) {

    /** The colour slot that means "the next unused one of the plot". */
    public static final int AUTO_COLOR = -1;
    /** The colour slot of reference lines (zero lines, fixed points, support edges): a neutral grey. */
    public static final int REFERENCE_COLOR = -2;

    /** A series coloured by the plot (the next unused slot), with circle markers and error bars. */
    public PlotSeries(String name, double[] x, double[] y, double[] yErr, LineStyle style) {
        this(name, x, y, yErr, style, AUTO_COLOR);
    }

    /** A series in a given colour slot, with circle markers and error bars. */
    public PlotSeries(String name, double[] x, double[] y, double[] yErr, LineStyle style, int colorSlot) {
        this(name, x, y, yErr, style, colorSlot, Marker.CIRCLE, ErrorStyle.BARS, 1);
    }

    /**
     * Validates the series.
     *
     * @throws IllegalArgumentException if array lengths differ, or the slot or the marker stride is invalid
     */
    public PlotSeries {
        name = name == null ? "" : name;
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(errors, "errors");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        if (yErr != null && yErr.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + yErr.length + " error bars for "
                    + y.length + " y values");
        }
        if (colorSlot < REFERENCE_COLOR) {
            throw new IllegalArgumentException("series '" + name + "': bad colour slot " + colorSlot);
        }
        if (markEvery < 1) {
            throw new IllegalArgumentException("series '" + name + "': markEvery must be >= 1, got " + markEvery);
        }
    }

    /** {@return this series in another colour slot} */
    public PlotSeries withColorSlot(int slot) {
        return new PlotSeries(name, x, y, yErr, style, slot, marker, errors, markEvery);
    }

    /** {@return this series with another marker shape} */
    public PlotSeries withMarker(Marker shape) {
        return new PlotSeries(name, x, y, yErr, style, colorSlot, shape, errors, markEvery);
    }

    /** {@return this series with its errors drawn as a translucent band through all points} */
    public PlotSeries withErrorBand() {
        return new PlotSeries(name, x, y, yErr, style, colorSlot, marker, ErrorStyle.BAND, markEvery);
    }

    /** {@return this series with markers (and error bars) at every {@code stride}-th point only} */
    public PlotSeries withMarkEvery(int stride) {
        return new PlotSeries(name, x, y, yErr, style, colorSlot, marker, errors, stride);
    }

    /** {@return this series with another line style} */
    public PlotSeries withStyle(LineStyle lineStyle) {
        return new PlotSeries(name, x, y, yErr, lineStyle, colorSlot, marker, errors, markEvery);
    }

    /** {@return whether the series appears in the legend} */
    public boolean inLegend() {
        return !name.isBlank();
    }

    /** Whether the series has a band to draw. */
    boolean hasBand() {
        return yErr != null && errors == ErrorStyle.BAND;
    }

    /** Whether point {@code i} carries a marker (and an error bar). */
    boolean marked(int i) {
        return i % markEvery == 0;
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
