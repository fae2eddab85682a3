package org.chaoslab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An x-y line plot written as PNG (drawn with Java2D) and as SVG (written directly, as plain,
 * readable SVG 1.1 markup). Both use the same axis ranges, series colours and styles; the legend sits
 * to the right of the plot area so that it never hides data.
 *
 * <pre>{@code
 * LinePlot.builder()
 *     .title("Largest Lyapunov exponent")
 *     .xLabel("gain g").yLabel("λ")
 *     .series("simulation", g, lambda, lambdaErr, LineStyle.MARKERS)
 *     .series("mean-field theory", gTheory, lambdaTheory, LineStyle.DASHED)
 *     .build()
 *     .writePngAndSvg(outDir, "lyapunov");
 * }</pre>
 *
 * <p>PNG and SVG are drawn on one geometry ({@link LinePlotLayout}): the same ticks and tick labels, markers, error
 * bars and error bands in both. Series without an explicit colour slot take the next unused one, so that a theory curve
 * and its simulation ({@link Builder#theoryAndSimulation}) share a colour while the next pair gets the next colour.
 *
 * <p>Instances are immutable (the series arrays are not copied) and may be rendered repeatedly.
 */
public final class LinePlot implements Figure {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final int width;
    private final int height;
    private final List<PlotSeries> series;
    private final List<String> notes;
    private final Axis xAxis;
    private final Axis yAxis;

    private LinePlot(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.logX = b.logX;
        this.logY = b.logY;
        this.width = b.width;
        this.height = b.height;
        this.series = List.copyOf(b.series);
        this.notes = List.copyOf(b.notes);
        this.xAxis = fitX(b.xMin, b.xMax);
        this.yAxis = fitY(b.yMin, b.yMax);
    }

    /** {@return a new builder with no series, linear axes and a size of 800 x 600 pixels} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void writePng(OutputStream out) throws IOException {
        PngRenderer.write(this, out);
    }

    @Override
    public String toSvg() {
        return SvgRenderer.render(this);
    }

    /** {@return the title, possibly empty} */
    public String title() {
        return title;
    }

    /** {@return the x-axis label, possibly empty} */
    public String xLabel() {
        return xLabel;
    }

    /** {@return the y-axis label, possibly empty} */
    public String yLabel() {
        return yLabel;
    }

    /** {@return whether the x axis is logarithmic} */
    public boolean logX() {
        return logX;
    }

    /** {@return whether the y axis is logarithmic} */
    public boolean logY() {
        return logY;
    }

    /** {@return image width in pixels} */
    public int width() {
        return width;
    }

    /** {@return image height in pixels} */
    public int height() {
        return height;
    }

    /** {@return the series, in drawing order} */
    public List<PlotSeries> series() {
        return series;
    }

    /** {@return the notes shown under the legend (what a histogram leaves out, for instance), possibly empty} */
    public List<String> notes() {
        return notes;
    }

    /** The palette slot of the series at {@code index} (assigned when the series was added). */
    int colorSlot(int index) {
        int slot = series.get(index).colorSlot();
        return slot == PlotSeries.AUTO_COLOR ? index : slot;
    }

    Axis xAxis() {
        return xAxis;
    }

    Axis yAxis() {
        return yAxis;
    }

    /** Whether point i of a series can be drawn (both coordinates valid on their axes). */
    boolean drawable(PlotSeries s, int i) {
        return xAxis.accepts(s.x()[i]) && yAxis.accepts(s.y()[i]);
    }

    private Axis fitX(double fixedMin, double fixedMax) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PlotSeries s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (usable(s.x()[i], logX) && usable(s.y()[i], logY)) {
                    lo = Math.min(lo, s.x()[i]);
                    hi = Math.max(hi, s.x()[i]);
                }
            }
        }
        return Axis.fit(lo, hi, logX, fixedMin, fixedMax);
    }

    private Axis fitY(double fixedMin, double fixedMax) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PlotSeries s : series) {
            for (int i = 0; i < s.y().length; i++) {
                if (!usable(s.x()[i], logX) || !usable(s.y()[i], logY)) {
                    continue;
                }
                for (double v : new double[] {s.y()[i], s.low(i), s.high(i)}) {
                    if (usable(v, logY)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return Axis.fit(lo, hi, logY, fixedMin, fixedMax);
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Collects the plot settings and series. Not thread-safe. */
    public static final class Builder {

        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private boolean logX;
        private boolean logY;
        private int width = 800;
        private int height = 600;
        private double xMin = Double.NaN;
        private double xMax = Double.NaN;
        private double yMin = Double.NaN;
        private double yMax = Double.NaN;
        private final List<PlotSeries> series = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int nextSlot;

        private Builder() {
        }

        /**
         * Sets the title (none by default).
         *
         * @param title the title above the plot
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNullElse(title, "");
            return this;
        }

        /**
         * Sets the x-axis label.
         *
         * @param label the x-axis label
         * @return this builder
         */
        public Builder xLabel(String label) {
            this.xLabel = Objects.requireNonNullElse(label, "");
            return this;
        }

        /**
         * Sets the y-axis label.
         *
         * @param label the y-axis label
         * @return this builder
         */
        public Builder yLabel(String label) {
            this.yLabel = Objects.requireNonNullElse(label, "");
            return this;
        }

        /**
         * Chooses a logarithmic or linear x axis (linear by default).
         *
         * @param log whether the x axis is logarithmic (non-positive x values are then skipped)
         * @return this builder
         */
        public Builder logX(boolean log) {
            this.logX = log;
            return this;
        }

        /**
         * Chooses a logarithmic or linear y axis (linear by default).
         *
         * @param log whether the y axis is logarithmic (non-positive y values are then skipped)
         * @return this builder
         */
        public Builder logY(boolean log) {
            this.logY = log;
            return this;
        }

        /**
         * Sets the image size.
         *
         * @param width width in pixels, at least 200
         * @param height height in pixels, at least 150
         * @return this builder
         * @throws IllegalArgumentException if a size is too small
         */
        public Builder size(int width, int height) {
            if (width < 200 || height < 150) {
                throw new IllegalArgumentException("plot size " + width + "x" + height + " too small: need at least 200x150");
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Fixes the x-axis range instead of fitting it to the data; NaN leaves an end automatic.
         *
         * @param min lower end
         * @param max upper end
         * @return this builder
         */
        public Builder xRange(double min, double max) {
            this.xMin = min;
            this.xMax = max;
            return this;
        }

        /**
         * Fixes the y-axis range instead of fitting it to the data; NaN leaves an end automatic.
         *
         * @param min lower end
         * @param max upper end
         * @return this builder
         */
        public Builder yRange(double min, double max) {
            this.yMin = min;
            this.yMax = max;
            return this;
        }

        /**
         * Adds a solid-line series.
         *
         * @param name legend entry (blank: none)
         * @param x abscissae
         * @param y ordinates
         * @return this builder
         */
        public Builder series(String name, double[] x, double[] y) {
            return series(new PlotSeries(name, x, y, null, LineStyle.LINE));
        }

        /**
         * Adds a series drawn in the given style.
         *
         * @param name legend entry (blank: none)
         * @param x abscissae
         * @param y ordinates
         * @param style line, dashed line, markers or both
         * @return this builder
         */
        public Builder series(String name, double[] x, double[] y, LineStyle style) {
            return series(new PlotSeries(name, x, y, null, style));
        }

        /**
         * Adds a series with symmetric error bars.
         *
         * @param name legend entry (blank: none)
         * @param x abscissae
         * @param y ordinates
         * @param yErr error bar half-lengths
         * @param style line, dashed line, markers or both
         * @return this builder
         */
        public Builder series(String name, double[] x, double[] y, double[] yErr, LineStyle style) {
            return series(new PlotSeries(name, x, y, Objects.requireNonNull(yErr, "yErr"), style));
        }

        /**
         * Reserves the next unused colour slot, for series added with it explicitly (e.g. a fit drawn in the colour of
         * its data).
         *
         * @return the slot
         */
        public int newColor() {
            return nextSlot++;
        }

        /**
         * Adds a reference line (a zero line, a fixed point, a support edge): dashed, in grey, using no colour slot.
         *
         * @param name legend entry (blank: none)
         * @param x abscissae
         * @param y ordinates
         * @return this builder
         */
        public Builder reference(String name, double[] x, double[] y) {
            return series(new PlotSeries(name, x, y, null, LineStyle.DASHED, PlotSeries.REFERENCE_COLOR));
        }

        /**
         * Adds a note, shown as small text under the legend (e.g. what a histogram's range leaves out). Blank notes are
         * ignored.
         *
         * @param text the note
         * @return this builder
         */
        public Builder note(String text) {
            if (text != null && !text.isBlank()) {
                notes.add(text.strip());
            }
            return this;
        }

        /**
         * Adds a theory curve and the simulation it is compared with in one colour: the theory as a solid line, the
         * simulation as markers; see {@link #simulation} for how dense simulations are drawn.
         *
         * @param label      what is compared, e.g. "K(Δ)"; legend entries "LABEL theory" and "LABEL simulation"
         * @param xTheory    abscissae of the theory curve
         * @param yTheory    the theory
         * @param xSim       abscissae of the simulated points
         * @param ySim       the simulated means
         * @param seSim      their standard errors (null: none)
         * @param maxMarkers at most this many markers (≥ 2)
         * @return this builder
         */
        public Builder theoryAndSimulation(String label, double[] xTheory, double[] yTheory, double[] xSim, double[] ySim,
                                           double[] seSim, int maxMarkers) {
            return theoryAndSimulation(label + " theory", label + " simulation", xTheory, yTheory, xSim, ySim, seSim,
                    maxMarkers);
        }

        /**
         * Adds a theory curve and the simulation it is compared with in one new colour slot: the theory as a solid
         * line, the simulation as in {@link #simulation} (circles).
         *
         * @param theoryName     legend entry of the theory
         * @param simulationName legend entry of the simulation
         * @param xTheory        abscissae of the theory curve
         * @param yTheory        the theory
         * @param xSim           abscissae of the simulated points
         * @param ySim           the simulated means
         * @param seSim          their standard errors (null: none)
         * @param maxMarkers     at most this many markers (≥ 2)
         * @return this builder
         */
        public Builder theoryAndSimulation(String theoryName, String simulationName, double[] xTheory, double[] yTheory,
                                           double[] xSim, double[] ySim, double[] seSim, int maxMarkers) {
            int slot = newColor();
            series(new PlotSeries(theoryName, xTheory, yTheory, null, LineStyle.LINE, slot));
            return simulation(simulationName, xSim, ySim, seSim, slot, Marker.CIRCLE, maxMarkers);
        }

        /**
         * Adds simulated (or otherwise measured) points as markers in a given colour slot. Where there are at most
         * {@code maxMarkers} points, each gets a marker and an error bar; denser series (an autocorrelation at every
         * lag) get a translucent error band through every point and a marker at every k-th point only, so that a theory
         * line under them stays visible. The data files keep every point.
         *
         * @param name       legend entry
         * @param x          abscissae
         * @param y          the means
         * @param se         their standard errors (null: none)
         * @param slot       colour slot (that of the theory compared with, or {@link #newColor()})
         * @param marker     marker shape (distinct shapes for estimators drawn over each other)
         * @param maxMarkers at most this many markers (≥ 2)
         * @return this builder
         */
        public Builder simulation(String name, double[] x, double[] y, double[] se, int slot, Marker marker, int maxMarkers) {
            int stride = markerStride(x.length, maxMarkers);
            PlotSeries s = new PlotSeries(name, x, y, se, LineStyle.MARKERS, slot).withMarker(marker).withMarkEvery(stride);
            return series(stride > 1 && se != null ? s.withErrorBand() : s);
        }

        /** The stride that leaves at most {@code maxMarkers} (at least 2) of {@code n} points marked. */
        static int markerStride(int n, int maxMarkers) {
            return Math.max(1, (int) Math.ceil(n / (double) Math.max(2, maxMarkers)));
        }

        /**
         * Adds a series. One without a colour slot ({@link PlotSeries#AUTO_COLOR}) gets the next unused one.
         *
         * @param s the series
         * @return this builder
         * @throws IllegalArgumentException if another series has the same (non-blank) name
         */
        public Builder series(PlotSeries s) {
            Objects.requireNonNull(s, "series");
            if (s.inLegend() && !names.add(s.name())) {
                throw new IllegalArgumentException("duplicate series name '" + s.name() + "'");
            }
            if (s.colorSlot() == PlotSeries.AUTO_COLOR) {
                s = s.withColorSlot(newColor());
            } else if (s.colorSlot() >= 0) {
                nextSlot = Math.max(nextSlot, s.colorSlot() + 1);
            }
            series.add(s);
            return this;
        }

        /**
         * Builds the plot, fitting the axes.
         *
         * @return the plot
         * @throws IllegalArgumentException if a fixed axis range is invalid (empty, or not positive
         *     on a logarithmic axis)
         */
        public LinePlot build() {
            return new LinePlot(this);
        }
    }
}
