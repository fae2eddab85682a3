package org.chaoslab.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders a {@link LinePlot} to PNG with XChart. */
final class PngRenderer {

    private static final Color GRID = new Color(0xE0E0E0);
    private static final Color FRAME = new Color(0x808080);
    private static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 4f}, 0f);

    private PngRenderer() {
    }

    /** Writes the plot as PNG to the stream. */
    static void write(LinePlot plot, OutputStream out) throws IOException {
        Headless.ensure();
        BitmapEncoder.saveBitmap(chart(plot), out, BitmapEncoder.BitmapFormat.PNG);
    }

    static XYChart chart(LinePlot plot) {
        XYChart chart = new XYChartBuilder().width(plot.width()).height(plot.height())
                .title(plot.title()).xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        style(chart.getStyler(), plot);
        List<PlotSeries> series = plot.series();
        for (int i = 0; i < series.size(); i++) {
            add(chart, plot, series.get(i), i);
        }
        if (!plot.logX()) {
            addTickGuard(chart, plot.xAxis());
        }
        return chart;
    }

    /**
     * When the x values of all series together are equally spaced (as in any time series), XChart
     * puts the x ticks on data points instead of round numbers. An invisible, empty (NaN) point at an
     * x value off that grid keeps the usual round-number ticks.
     */
    private static void addTickGuard(XYChart chart, Axis xAxis) {
        double offGrid = xAxis.min() + (xAxis.max() - xAxis.min()) / Math.PI;
        XYSeries guard = chart.addSeries("\u200B", new double[] {offGrid}, new double[] {Double.NaN});
        guard.setShowInLegend(false);
        guard.setMarker(SeriesMarkers.NONE);
        guard.setLineStyle(SeriesLines.NONE);
    }

    private static void style(XYStyler s, LinePlot plot) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(FRAME);
        s.setPlotGridLinesColor(GRID);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(FRAME);
        s.setLegendVisible(plot.series().stream().anyMatch(PlotSeries::inLegend));
        s.setMarkerSize(6);
        s.setErrorBarsColorSeriesColor(true);
        s.setAntiAlias(true);
        s.setXAxisLogarithmic(plot.logX());
        s.setYAxisLogarithmic(plot.logY());
        Axis x = plot.xAxis();
        Axis y = plot.yAxis();
        s.setXAxisMin(x.min()).setXAxisMax(x.max());
        s.setYAxisMin(y.min()).setYAxisMax(y.max());
    }

    private static void add(XYChart chart, LinePlot plot, PlotSeries series, int index) {
        Points p = Points.of(series, plot.xAxis(), plot.yAxis());
        String name = series.inLegend() ? series.name() : "\u200B".repeat(index + 2);
        XYSeries s = p.err() == null ? chart.addSeries(name, p.x(), p.y()) : chart.addSeries(name, p.x(), p.y(), p.err());
        Color color = Palette.color(plot.colorSlot(index));
        s.setShowInLegend(series.inLegend());
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineWidth(1.8f);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        LineStyle style = series.style();
        s.setMarker(style.hasMarkers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineStyle(switch (style) {
            case DASHED -> DASHED;
            case MARKERS -> SeriesLines.NONE;
            case LINE, LINE_AND_MARKERS -> SeriesLines.SOLID;
        });
        if (style == LineStyle.MARKERS) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
    }

    /** The data handed to XChart: points off the x axis dropped, undrawable y values as NaN (gaps). */
    private record Points(double[] x, double[] y, double[] err) {

        static Points of(PlotSeries series, Axis xAxis, Axis yAxis) {
            int[] keep = IntStream.range(0, series.x().length).filter(i -> xAxis.accepts(series.x()[i])).toArray();
            boolean hasErr = series.yErr() != null;
            if (keep.length == 0) {
                // XChart rejects empty series: one invisible point keeps the series and its legend entry.
                return new Points(new double[] {xAxis.min()}, new double[] {Double.NaN}, hasErr ? new double[1] : null);
            }
            double[] x = new double[keep.length];
            double[] y = new double[keep.length];
            double[] err = hasErr ? new double[keep.length] : null;
            for (int k = 0; k < keep.length; k++) {
                int i = keep[k];
                x[k] = series.x()[i];
                y[k] = yAxis.accepts(series.y()[i]) ? series.y()[i] : Double.NaN;
                if (hasErr) {
                    err[k] = errorBar(series, i, y[k], yAxis);
                }
            }
            return new Points(x, y, err);
        }
    }

    /**
     * XChart draws symmetric error bars only, and refuses bars reaching zero on a log axis: there the
     * half-length is shortened so that the bar stays above the axis minimum (the SVG shows it exactly).
     */
    private static double errorBar(PlotSeries series, int i, double y, Axis yAxis) {
        double e = Math.abs(series.yErr()[i]);
        if (!Double.isFinite(y) || !Double.isFinite(e)) {
            return 0;
        }
        return yAxis.log() ? Math.max(0, Math.min(e, y - yAxis.min())) : e;
    }
}
