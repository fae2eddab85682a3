package org.chaoslab.cli.kernel;

import org.chaoslab.analysis.kernel.PowerLawFit;
import org.chaoslab.analysis.kernel.PcaSpectrum;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.Marker;
import org.chaoslab.io.PlotSeries;

/** How the kernel commands draw a spectrum and its power-law fit on log-log axes (one look for all of them). */
final class SpectrumSeries {

    private SpectrumSeries() {
    }

    /**
     * Adds the spectrum (ranks 1 … n; non-positive values, the sampling noise in a cvPCA tail, left off the log axis)
     * and its fit over the fitted ranks, dashed in the spectrum's colour (a new one), labelled with α: a plain spectrum
     * as a line, a cross-validated one as markers.
     */
    static void add(LinePlot.Builder plot, String label, PcaSpectrum spectrum, PowerLawFit fit, boolean crossValidated) {
        double[] v = spectrum.variances().clone();
        double[] x = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            x[i] = i + 1;
            if (!(v[i] > 0)) {
                v[i] = Double.NaN;
            }
        }
        int slot = plot.newColor();
        PlotSeries data = new PlotSeries(label + " (α = " + String.format("%.3g", fit.exponent().value()) + ")", x, v, null,
                crossValidated ? LineStyle.MARKERS : LineStyle.LINE, slot);
        plot.series(crossValidated ? data.withMarker(Marker.OPEN_CIRCLE) : data);
        double a = fit.exponent().value();
        double b = fit.intercept().value();
        if (Double.isFinite(a)) {
            plot.series(new PlotSeries("", new double[] {fit.firstRank(), fit.lastRank()},
                    new double[] {Math.exp(b - a * Math.log(fit.firstRank())), Math.exp(b - a * Math.log(fit.lastRank()))}, null,
                    LineStyle.DASHED, slot));
        }
    }

    /** {@return a log-log plot of response spectra} */
    static LinePlot.Builder plot(String title) {
        return Plots.plot(title, Plots.label("rank", "n", ""), Plots.label("variance", "λ_n", "")).logX(true).logY(true)
                .note("dashed: power-law fits λ_n ∝ n^−α over the fitted ranks");
    }
}
