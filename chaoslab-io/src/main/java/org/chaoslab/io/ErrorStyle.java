package org.chaoslab.io;

/** How the error half-lengths of a {@link PlotSeries} are drawn. */
public enum ErrorStyle {
    /** A vertical bar with caps at every marked point. */
    BARS,
    /**
     * A translucent band in the series colour from y − err to y + err through every point (for dense curves, such as an
     * autocorrelation at every lag, where bars would hide the curves under them). A point with a non-finite error, or
     * one that cannot be drawn, ends a piece of the band.
     */
    BAND
}
