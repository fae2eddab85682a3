package org.chaoslab.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.io.ErrorStyle;
import org.chaoslab.io.Histogram;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Marker;
import org.chaoslab.io.PlotSeries;
import org.junit.jupiter.api.Test;

/** The plotting style every command uses. */
class PlotsTest {

    @Test
    void axisLabelsNameQuantitySymbolAndUnit() {
        assertThat(Plots.LAG).isEqualTo("lag s (units of τ)");
        assertThat(Plots.TIME).isEqualTo("time t (units of τ)");
        assertThat(Plots.time(Plots.TAU_E)).isEqualTo("time t (units of τ_E)");
        assertThat(Plots.lyapunov("λ_max")).isEqualTo("Lyapunov exponent λ_max (1/τ)");
        assertThat(Plots.label("participation ratio", "PR/N", "")).isEqualTo("participation ratio PR/N");
        assertThat(Plots.STIMULUS_DISTANCE).isEqualTo("stimulus distance Δ (rad)");
    }

    @Test
    void pairsShareAColourAndTakeTheNextOne() {
        double[] x = new double[200];
        double[] y = new double[200];
        double[] se = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 50.0);
            se[i] = 0.01;
        }
        LinePlot.Builder b = Plots.plot("t", Plots.LAG, "C");
        int first = Plots.pair(b, "theory A", "simulation A", x, y, x, y, se);
        int second = Plots.pair(b, "theory B", "simulation B", x, y, new double[] {1, 2}, new double[] {1, 2}, new double[] {0.1, 0.1});
        LinePlot plot = b.reference("zero", new double[] {0, 199}, new double[] {0, 0}).build();
        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
        assertThat(plot.series()).extracting(PlotSeries::colorSlot).containsExactly(0, 0, 1, 1, PlotSeries.REFERENCE_COLOR);
        assertThat(plot.series()).extracting(PlotSeries::style)
                .containsExactly(LineStyle.LINE, LineStyle.MARKERS, LineStyle.LINE, LineStyle.MARKERS, LineStyle.DASHED);
        // dense with errors: a band and every 5th marker; sparse: error bars at every point; one marker shape per colour
        PlotSeries dense = plot.series().get(1);
        assertThat(dense.errors()).isEqualTo(ErrorStyle.BAND);
        assertThat(dense.markEvery()).isEqualTo(5);
        assertThat(dense.marker()).isEqualTo(Marker.CIRCLE);
        PlotSeries sparse = plot.series().get(3);
        assertThat(sparse.errors()).isEqualTo(ErrorStyle.BARS);
        assertThat(sparse.markEvery()).isEqualTo(1);
        assertThat(sparse.marker()).isEqualTo(Marker.OPEN_SQUARE);
        assertThat(plot.toSvg()).contains("class=\"band\"");
    }

    @Test
    void estimatorsAtTheSameAbscissaeAreSetApart() {
        double[] g = {1.0, 2.0, 3.5};
        double[] a = Plots.dodge(g, 0, 2, false);
        double[] b = Plots.dodge(g, 1, 2, false);
        assertThat(a[0]).isCloseTo(1.0 - 0.04, within(1e-12));
        assertThat(b[0]).isCloseTo(1.0 + 0.04, within(1e-12));
        assertThat(Plots.dodge(g, 0, 1, false)).containsExactly(g);
        double[] single = Plots.dodge(new double[] {3.0}, 1, 2, false);
        assertThat(single[0]).isGreaterThan(3.0).isLessThan(3.5);
        double[] log = Plots.dodge(new double[] {1, 10, 100}, 1, 2, true);
        assertThat(log[1] / 10).isCloseTo(log[2] / 100, within(1e-12));
        assertThat(Plots.estimator(0)).isNotEqualTo(Plots.estimator(1));
        assertThat(Plots.estimator(1).filled()).isFalse();
    }

    @Test
    void histogramsSayWhatTheyLeaveOut() {
        LinePlot.Builder b = Plots.plot("h", "x", Plots.DENSITY);
        Plots.histogram(b, "simulation", Histogram.within(new double[] {0.5, 1.5, 7}, 2, 0, 2), false, "theory",
                new double[] {0, 2}, new double[] {0.5, 0.5});
        LinePlot plot = b.build();
        assertThat(plot.notes()).containsExactly("simulation: not shown: 1 value above 2.00 (of 3)");
        assertThat(plot.series()).extracting(PlotSeries::colorSlot).containsExactly(0, 0);

        LinePlot whole = Plots.plot("h", "x", Plots.DENSITY).series("a", new double[] {0}, new double[] {0}).build();
        LinePlot.Builder c = Plots.plot("h", "x", Plots.DENSITY);
        Plots.histogram(c, "simulation", Histogram.of(new double[] {0.5, 1.5, 7}, 4), true, "", null, null);
        assertThat(c.build().notes()).isEmpty();
        assertThat(whole.notes()).isEmpty();
    }

    @Test
    void denseMeasuredCurvesGetABand() {
        double[] x = new double[100];
        double[] se = new double[100];
        assertThat(Plots.measured("a", x, x, se).errors()).isEqualTo(ErrorStyle.BAND);
        assertThat(Plots.measured("a", x, x, null).errors()).isEqualTo(ErrorStyle.BARS);
        assertThat(Plots.measured("a", new double[3], new double[3], new double[3]).style()).isEqualTo(LineStyle.LINE_AND_MARKERS);
    }
}
