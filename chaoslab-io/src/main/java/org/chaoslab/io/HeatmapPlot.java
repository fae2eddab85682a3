package org.chaoslab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A heat map of a function on a regular grid, z(x_i, y_j), with a colour bar and optional overlaid
 * curves, written as PNG (Java2D) and as SVG (hand-written: vector axes, labels, colour bar and curves,
 * with the cells as one embedded, pixel-exact PNG image). Colours: viridis, linear or logarithmic; NaN
 * cells grey, values outside the colour range clipped to its ends.
 *
 * <pre>{@code
 * HeatmapPlot.builder()
 *     .title("xi_c, tanh").xLabel("sigma_w^2").yLabel("sigma_b^2").colorLabel("xi_c")
 *     .grid(sw2, sb2, xiC)                 // xiC[i * sb2.length + j] at (sw2[i], sb2[j])
 *     .logColor(true).colorRange(0.5, 100)
 *     .overlay(new PlotSeries("chi1 = 1", boundarySw2, boundarySb2, null, LineStyle.LINE))
 *     .build()
 *     .writePngAndSvg(outDir, "xi_c");
 * }</pre>
 *
 * <p>Immutable once built (arrays are not copied); may be rendered repeatedly.
 */
public final class HeatmapPlot implements Figure {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final String colorLabel;
    private final int width;
    private final int height;
    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final List<PlotSeries> overlays;
    private final Axis xAxis;
    private final Axis yAxis;
    private final Axis colorAxis;

    private HeatmapPlot(Builder b) {
        if (b.x == null) {
            throw new IllegalArgumentException("heatmap needs a grid (builder.grid(x, y, z))");
        }
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.colorLabel = b.colorLabel;
        this.width = b.width;
        this.height = b.height;
        this.x = b.x;
        this.y = b.y;
        this.z = b.z;
        this.overlays = List.copyOf(b.overlays);
        double hx = 0.5 * (x[1] - x[0]);
        double hy = 0.5 * (y[1] - y[0]);
        this.xAxis = Axis.fit(x[0] - hx, x[x.length - 1] + hx, false, x[0] - hx, x[x.length - 1] + hx);
        this.yAxis = Axis.fit(y[0] - hy, y[y.length - 1] + hy, false, y[0] - hy, y[y.length - 1] + hy);
        this.colorAxis = colorAxis(b);
    }

    /** {@return a new builder: linear colours, automatic range, 800 x 640 pixels} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void writePng(OutputStream out) throws IOException {
        HeatmapPngRenderer.write(this, out);
    }

    @Override
    public String toSvg() {
        return HeatmapSvgRenderer.render(this);
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

    /** {@return the colour-bar label, possibly empty} */
    public String colorLabel() {
        return colorLabel;
    }

    /** {@return image width in pixels} */
    public int width() {
        return width;
    }

    /** {@return image height in pixels} */
    public int height() {
        return height;
    }

    /** {@return the overlaid curves, in drawing order} */
    public List<PlotSeries> overlays() {
        return overlays;
    }

    /** {@return the lower end of the colour range} */
    public double colorMin() {
        return colorAxis.min();
    }

    /** {@return the upper end of the colour range} */
    public double colorMax() {
        return colorAxis.max();
    }

    Axis xAxis() {
        return xAxis;
    }

    Axis yAxis() {
        return yAxis;
    }

    Axis colorAxis() {
        return colorAxis;
    }

    /** The cells as 0xRRGGBB pixels, rows from the top (largest y) down, nx per row. */
    int[] raster() {
        int nx = x.length;
        int ny = y.length;
        int[] px = new int[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                px[(ny - 1 - j) * nx + i] = HeatmapColors.of(z[i * ny + j], colorAxis);
            }
        }
        return px;
    }

    int columns() {
        return x.length;
    }

    int rows() {
        return y.length;
    }

    private Axis colorAxis(Builder b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            if (Double.isFinite(v) && (!b.logColor || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        lo = Double.isNaN(b.colorMin) ? lo : b.colorMin;
        hi = Double.isNaN(b.colorMax) ? hi : b.colorMax;
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = b.logColor ? 1 : 0;
            hi = b.logColor ? 10 : 1;
        }
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            hi = b.logColor ? lo * 10 : lo + pad;
        }
        return Axis.fit(lo, hi, b.logColor, lo, hi);
    }

    /** Collects the heat map's settings. Not thread-safe. */
    public static final class Builder {

        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private String colorLabel = "";
        private int width = 800;
        private int height = 640;
        private double[] x;
        private double[] y;
        private double[] z;
        private boolean logColor;
        private double colorMin = Double.NaN;
        private double colorMax = Double.NaN;
        private final List<PlotSeries> overlays = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the title.
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
         * @param label the label
         * @return this builder
         */
        public Builder xLabel(String label) {
            this.xLabel = Objects.requireNonNullElse(label, "");
            return this;
        }

        /**
         * Sets the y-axis label.
         *
         * @param label the label
         * @return this builder
         */
        public Builder yLabel(String label) {
            this.yLabel = Objects.requireNonNullElse(label, "");
            return this;
        }

        /**
         * Sets the colour-bar label.
         *
         * @param label the label
         * @return this builder
         */
        public Builder colorLabel(String label) {
            this.colorLabel = Objects.requireNonNullElse(label, "");
            return this;
        }

        /**
         * Sets the image size.
         *
         * @param width width in pixels, at least 300
         * @param height height in pixels, at least 200
         * @return this builder
         */
        public Builder size(int width, int height) {
            if (width < 300 || height < 200) {
                throw new IllegalArgumentException("heatmap size " + width + "x" + height + " too small: need at least 300x200");
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Sets the grid: cell centres x (ascending, equally spaced, at least 2), y likewise, and the values
         * z[i·y.length + j] at (x[i], y[j]) — numpy's z[i, j] for shape (len(x), len(y)).
         *
         * @param x cell centres along x
         * @param y cell centres along y
         * @param z values
         * @return this builder
         * @throws IllegalArgumentException if the lengths do not match or an axis is not equally spaced
         */
        public Builder grid(double[] x, double[] y, double[] z) {
            checkAxis("x", x);
            checkAxis("y", y);
            Objects.requireNonNull(z, "z");
            if (z.length != x.length * y.length) {
                throw new IllegalArgumentException("heatmap values: need " + x.length + " x " + y.length + " = "
                        + x.length * y.length + " (got " + z.length + ")");
            }
            this.x = x;
            this.y = y;
            this.z = z;
            return this;
        }

        /**
         * Chooses logarithmic colours (non-positive values then show as missing).
         *
         * @param log whether the colour scale is logarithmic
         * @return this builder
         */
        public Builder logColor(boolean log) {
            this.logColor = log;
            return this;
        }

        /**
         * Fixes the colour range; NaN leaves an end automatic (the finite data's extreme).
         *
         * @param min value at the bottom colour
         * @param max value at the top colour
         * @return this builder
         */
        public Builder colorRange(double min, double max) {
            this.colorMin = min;
            this.colorMax = max;
            return this;
        }

        /**
         * Adds a curve drawn over the cells (LINE or DASHED style; a non-blank name goes into the legend).
         *
         * @param curve the curve in data coordinates
         * @return this builder
         */
        public Builder overlay(PlotSeries curve) {
            overlays.add(Objects.requireNonNull(curve, "curve"));
            return this;
        }

        /**
         * Builds the heat map.
         *
         * @return the heat map
         */
        public HeatmapPlot build() {
            return new HeatmapPlot(this);
        }

        private static void checkAxis(String name, double[] a) {
            Objects.requireNonNull(a, name);
            if (a.length < 2) {
                throw new IllegalArgumentException("heatmap " + name + " axis needs at least 2 values (got " + a.length + ")");
            }
            double step = a[1] - a[0];
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("heatmap " + name + " axis must be ascending and finite");
            }
            for (int i = 2; i < a.length; i++) {
                if (Math.abs(a[i] - a[i - 1] - step) > 1e-6 * step) {
                    throw new IllegalArgumentException("heatmap " + name + " axis must be equally spaced (step "
                            + step + ", but " + (a[i] - a[i - 1]) + " at index " + i + ")");
                }
            }
        }
    }
}
