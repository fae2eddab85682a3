package org.chaoslab.cli.kernel;

import org.chaoslab.analysis.kernel.PowerLawFit;
import org.chaoslab.analysis.kernel.PcaSpectrum;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;

/** How the kernel commands draw a spectrum and its power-law fit on log-log axes (one look for all of them). */
final class SpectrumSeries {

    private SpectrumSeries() {
    }

    /**
     * Adds the spectrum (ranks 1 … n; non-positive values, the sampling noise in a cvPCA tail, left off the log axis)
     * and its fit over the fitted ranks, dashed, labelled with α.
     */
    static void add(LinePlot.Builder plot, String label, PcaSpectrum spectrum, PowerLawFit fit, LineStyle style) {
        double[] v = spectrum.variances();
        double[] x = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            x[i] = i + 1;
            if (!(v[i] > 0)) {
                v[i] = Double.NaN;
            }
        }
        plot.series(label + " (alpha " + String.format("%.3g", fit.exponent().value()) + ")", x, v, style);
        double a = fit.exponent().value();
        double b = fit.intercept().value();
        if (Double.isFinite(a)) {
            plot.series("", new double[] {fit.firstRank(), fit.lastRank()},
                    new double[] {Math.exp(b - a * Math.log(fit.firstRank())), Math.exp(b - a * Math.log(fit.lastRank()))},
                    LineStyle.DASHED);
        }
    }
}
