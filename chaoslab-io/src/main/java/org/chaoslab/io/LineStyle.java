package org.chaoslab.io;

/** How a {@link PlotSeries} is drawn. */
public enum LineStyle {
    /** A solid line through the points. */
    LINE,
    /** A dashed line through the points (for theory curves or references). */
    DASHED,
    /** Markers only, no line (for measured or simulated points). */
    MARKERS,
    /** A solid line with a marker at every point. */
    LINE_AND_MARKERS;

    boolean hasLine() {
        return this != MARKERS;
    }

    boolean hasMarkers() {
        return this == MARKERS || this == LINE_AND_MARKERS;
    }
}
