package org.chaoslab.cli.common;

import java.util.Arrays;
import java.util.List;
import org.chaoslab.io.Histogram;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Marker;
import org.chaoslab.io.PlotSeries;

/**
 * The one plotting style of every command, on top of the renderers of chaoslab-io.
 *
 * <ul>
 *   <li><b>Theory beside simulation</b> ({@link #pair}): one colour per compared quantity; the theory a solid line, the
 *       simulation markers in the same colour. A dense simulated curve with standard errors (an autocorrelation at
 *       every lag) is drawn as a translucent band with a marker at every k-th point, sparse points as markers with error
 *       bars; so the theory line stays visible under the data. A theory that is only a level (a mean-field rate, a fixed
 *       point) or a reference (zero, a support edge) is a grey dashed line ({@link LinePlot.Builder#reference}).</li>
 *   <li><b>Estimators over each other</b> ({@link #estimator}, {@link #dodge}): distinct marker shapes (filled, then
 *       open), and a small horizontal offset where they sit at the same abscissae, so that both stay visible.</li>
 *   <li><b>Axis labels</b>: "quantity symbol (unit)", from the constants and helpers here; time in units of the
 *       single-unit time constant τ (τ_E for the balanced network), exponents per unit time in 1/τ. Greek letters as
 *       Unicode, squares as ², subscripts written with an underscore (λ_max, τ_E), averages as ⟨ ⟩.</li>
 *   <li><b>Histograms</b> ({@link #histogram}): over the whole data range ({@link Histogram#of}), or a note under the
 *       legend saying what a fixed range leaves out ({@link Histogram#note}); empty bins are left out on a log axis
 *       rather than drawn at an invented floor.</li>
 *   <li><b>Ticks</b>: those of the io axes, the same in PNG and SVG, with one number format per axis.</li>
 * </ul>
 */
public final class Plots {

    /** The single-unit time constant, the unit of time of the rate and Glauber networks. */
    public static final String TAU = "τ";
    /** The excitatory time constant, the unit of time of the balanced network. */
    public static final String TAU_E = "τ_E";
    /** At most this many markers per simulated series; denser series get a band and every k-th marker. */
    public static final int MAX_MARKERS = 40;

    /** The x label of a time axis in units of τ. */
    public static final String TIME = time(TAU);
    /** The x label of a lag axis in units of τ. */
    public static final String LAG = lag(TAU);
    /** The gain (the coupling strength). */
    public static final String GAIN = "gain g";
    /** The layer index of a deep network. */
    public static final String LAYER = "layer l";
    /** The distance of two stimuli on the circle. */
    public static final String STIMULUS_DISTANCE = label("stimulus distance", "Δ", "rad");
    /** The weight variance of a deep network. */
    public static final String WEIGHT_VARIANCE = "weight variance σ_w²";
    /** The bias variance of a deep network. */
    public static final String BIAS_VARIANCE = "bias variance σ_b²";
    /** The y label of a histogram normalized as a density. */
    public static final String DENSITY = "probability density";

    /** Marker shapes of estimators drawn over each other, in order: filled circle, open square, triangle, open diamond. */
    private static final List<Marker> ESTIMATORS = List.of(Marker.CIRCLE, Marker.OPEN_SQUARE, Marker.TRIANGLE,
            Marker.OPEN_DIAMOND, Marker.SQUARE, Marker.OPEN_CIRCLE);

    private Plots() {
    }

    /**
     * An axis label "quantity symbol (unit)".
     *
     * @param quantity what is plotted, in words ("lag")
     * @param symbol   its symbol ("s"), or blank
     * @param unit     its unit ("units of τ"), or blank for a dimensionless quantity
     * @return the label
     */
    public static String label(String quantity, String symbol, String unit) {
        String s = symbol == null || symbol.isBlank() ? quantity : quantity + " " + symbol;
        return unit == null || unit.isBlank() ? s : s + " (" + unit + ")";
    }

    /** {@return the label of a time axis t in units of the given time constant} */
    public static String time(String timeConstant) {
        return label("time", "t", "units of " + timeConstant);
    }

    /** {@return the label of a lag axis s in units of the given time constant} */
    public static String lag(String timeConstant) {
        return label("lag", "s", "units of " + timeConstant);
    }

    /** {@return the label of a Lyapunov exponent axis (per unit time, 1/τ)} */
    public static String lyapunov(String symbol) {
        return label("Lyapunov exponent", symbol, "1/" + TAU);
    }

    /** {@return a new plot with a title and axis labels} */
    public static LinePlot.Builder plot(String title, String xLabel, String yLabel) {
        return LinePlot.builder().title(title).xLabel(xLabel).yLabel(yLabel);
    }

    /**
     * Adds a theory curve and its simulation in one new colour: the theory solid, the simulation as markers (a band
     * and every k-th marker where dense, see {@link LinePlot.Builder#simulation}). The marker shape goes with the colour
     * (the first pair filled circles, the second open squares, ...), so that simulations of different quantities that
     * coincide stay apart.
     *
     * @param plot           the plot
     * @param theoryName     legend entry of the theory
     * @param simulationName legend entry of the simulation
     * @param xTheory        abscissae of the theory
     * @param yTheory        the theory
     * @param xSim           abscissae of the simulation
     * @param ySim           the simulated means
     * @param se             their standard errors (null: none)
     * @return the colour slot of the pair (for further estimators of the same theory)
     */
    public static int pair(LinePlot.Builder plot, String theoryName, String simulationName, double[] xTheory, double[] yTheory,
                           double[] xSim, double[] ySim, double[] se) {
        int slot = plot.newColor();
        plot.series(new PlotSeries(theoryName, xTheory, yTheory, null, LineStyle.LINE, slot));
        plot.simulation(simulationName, xSim, ySim, se, slot, estimator(slot), MAX_MARKERS);
        return slot;
    }

    /**
     * Adds one more simulated estimate (of the theory of {@code slot}, or in a new colour) with the marker of the
     * {@code k}-th estimator.
     *
     * @param plot the plot
     * @param name legend entry
     * @param x    abscissae
     * @param y    the means
     * @param se   their standard errors (null: none)
     * @param slot colour slot
     * @param k    which estimator (0: filled circle, 1: open square, ...)
     */
    public static void estimate(LinePlot.Builder plot, String name, double[] x, double[] y, double[] se, int slot, int k) {
        plot.simulation(name, x, y, se, slot, estimator(k), MAX_MARKERS);
    }

    /** {@return the marker of the k-th of several estimators drawn over each other (or of the k-th colour of a plot)} */
    public static Marker estimator(int k) {
        return ESTIMATORS.get(Math.floorMod(k, ESTIMATORS.size()));
    }

    /**
     * A simulated curve without a theory beside it, in its own colour: a line through every point, and its standard
     * errors as a band where the series is dense, as bars at markers where it is sparse.
     *
     * @param name legend entry
     * @param x    abscissae
     * @param y    values
     * @param se   standard errors (null: none)
     * @return the series (colour: the plot's next)
     */
    public static PlotSeries measured(String name, double[] x, double[] y, double[] se) {
        if (x.length > MAX_MARKERS) {
            PlotSeries s = new PlotSeries(name, x, y, se, LineStyle.LINE);
            return se == null ? s : s.withErrorBand();
        }
        return new PlotSeries(name, x, y, se, LineStyle.LINE_AND_MARKERS);
    }

    /**
     * The abscissae of the {@code k}-th of {@code count} estimators at the same points, shifted sideways by a small
     * fraction of the smallest spacing (of the whole range where there is one point), so that markers and error bars
     * drawn over each other stay apart. For the figure only; the data files keep the true abscissae.
     *
     * @param x     the common abscissae
     * @param k     which estimator (0 .. count − 1)
     * @param count how many share the abscissae
     * @param log   whether the axis is logarithmic (the shift is then a factor)
     * @return shifted copies
     */
    public static double[] dodge(double[] x, int k, int count, boolean log) {
        double[] out = x.clone();
        if (count < 2) {
            return out;
        }
        double[] sorted = Arrays.stream(x).filter(v -> Double.isFinite(v) && (!log || v > 0))
                .map(v -> log ? Math.log10(v) : v).sorted().toArray();
        if (sorted.length == 0) {
            return out;
        }
        double spacing = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] > sorted[i - 1]) {
                spacing = Math.min(spacing, sorted[i] - sorted[i - 1]);
            }
        }
        if (!Double.isFinite(spacing)) {
            spacing = Math.max(Math.abs(sorted[0]), 1.0);
        }
        double shift = 0.08 * spacing * (k - (count - 1) / 2.0);
        for (int i = 0; i < out.length; i++) {
            out[i] = log ? out[i] * Math.pow(10, shift) : out[i] + shift;
        }
        return out;
    }

    /**
     * Adds a simulated histogram (markers at the bin centres) and, where given, its theory density in the same colour;
     * a histogram that leaves values out says so in a note.
     *
     * @param plot       the plot
     * @param name       legend entry of the histogram
     * @param h          the histogram
     * @param log        whether the y axis is logarithmic (empty bins are then left out)
     * @param theoryName legend entry of the theory (ignored without a theory)
     * @param xTheory    abscissae of the theory density (null: none)
     * @param yTheory    the theory density
     * @return the colour slot
     */
    public static int histogram(LinePlot.Builder plot, String name, Histogram h, boolean log, String theoryName,
                                double[] xTheory, double[] yTheory) {
        int slot = plot.newColor();
        if (xTheory != null) {
            plot.series(new PlotSeries(theoryName, xTheory, yTheory, null, LineStyle.LINE, slot));
        }
        plot.series(new PlotSeries(name, h.centers(), h.density(log), null, LineStyle.MARKERS, slot));
        String note = h.note();
        if (!note.isEmpty()) {
            plot.note(name + ": " + note);
        }
        return slot;
    }
}
