package org.chaoslab.cli.correlations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.io.Histogram;
import org.chaoslab.io.LineStyle;
import org.chaoslab.io.PlotSeries;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.theory.covariance.ChaoticDimension;
import org.chaoslab.theory.covariance.ResidualCovarianceSpectrum;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.covariance.LinearCovariance;

/** The plots of the correlation commands (PNG + SVG each); returns the file names written. */
final class CorrelationPlots {

    private CorrelationPlots() {
    }

    /**
     * Cavity PR/N of x and φ(x) vs g for the network's φ without noise ({@link #cavityGains}), with simulated points {g, PR^x/N, SE, PR^φ/N, SE} when {@code sim} is given.
     */
    static List<String> cavityParticipationRatioVsGain(Path dir, RateNetwork net, double[] sim) throws IOException {
        double[] g = cavityGains(net.gain());
        double[] px = new double[g.length];
        double[] pp = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            ChaoticDimension.Result r = ChaoticDimension.of(withGain(net, g[i]), DmftOptions.defaults());
            px[i] = r.participationRatioPerN();
            pp[i] = r.participationRatioPhiPerN();
        }
        return cavityCurve(dir, net.transfer().name(), g, px, pp, sim);
    }

    /** The plot of {@link #cavityParticipationRatioVsGain} from given theory values. */
    static List<String> cavityCurve(Path dir, String phi, double[] g, double[] px, double[] pp, double[] sim) throws IOException {
        var b = Plots.plot("Dimension of chaotic activity (two-site cavity, " + phi + ")", Plots.GAIN,
                Plots.label("participation ratio", "PR/N", ""));
        if (sim == null) {
            b.series("theory, x", g, px, LineStyle.LINE).series("theory, φ(x)", g, pp, LineStyle.LINE);
        } else {
            // x and φ(x) at the same g: distinct markers, set slightly apart
            double[] gx = Plots.dodge(new double[] {sim[0]}, 0, 2, false);
            double[] gp = Plots.dodge(new double[] {sim[0]}, 1, 2, false);
            Plots.pair(b, "theory, x", "simulation, x", g, px, gx, new double[] {sim[1]}, new double[] {sim[2]});
            int sp = b.newColor();
            b.series(new PlotSeries("theory, φ(x)", g, pp, null, LineStyle.LINE, sp));
            Plots.estimate(b, "simulation, φ(x)", gp, new double[] {sim[3]}, new double[] {sim[4]}, sp, 1);
        }
        return OutputDirectory.fileNames(b.build().writePngAndSvg(dir, "pr_vs_g"));
    }

    static RateNetwork withGain(RateNetwork net, double g) {
        var c = net.couplings();
        return net.withCouplings(new org.chaoslab.model.Couplings(g, c.meanCoupling(), c.symmetry(), c.zeroDiagonal(), c.precision()));
    }

    /** 8 gains from 1.3 to max(4, 1.25 g), evenly spaced (g_c = 1 for tanh and erf, the odd φ with slope 1). */
    static double[] cavityGains(double g) {
        int k = 8;
        double hi = Math.max(4.0, 1.25 * g);
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = 1.3 + (hi - 1.3) * i / (k - 1);
        }
        return out;
    }

    /** PR/N vs R (closed form (1 − R²)²), with a simulated point (and error bar) when given. */
    static List<String> participationRatioVsGain(Path dir, double d, Double simR, Double simPr, double simErr)
            throws IOException {
        int k = 96;
        double[] r = new double[k];
        double[] pr = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = 0.99 * i / (k - 1);
            pr[i] = LinearCovariance.zeroFrequency(r[i], d, 1).participationRatioPerN();
        }
        var b = Plots.plot("Participation ratio of the zero-frequency covariance", Plots.label("spectral radius", "R", ""),
                Plots.label("participation ratio", "PR/N", ""));
        if (simR != null) {
            Plots.pair(b, "theory (1 − R²)²", "simulation", r, pr, new double[] {simR}, new double[] {simPr}, new double[] {simErr});
        } else {
            b.series("theory (1 − R²)²", r, pr, LineStyle.LINE);
        }
        return OutputDirectory.fileNames(b.build().writePngAndSvg(dir, "pr_vs_g"));
    }

    /** Histogram (density) of cross-covariances with the theory's Gaussian of variance Var c_ij. */
    static List<String> crossCovarianceHistogram(Path dir, double[] cross, CovariancePrediction theory) throws IOException {
        double sd = Math.sqrt(theory.varCrossCov());
        // the whole data range, and at least +-5 theoretical SD
        Histogram h = Histogram.covering(cross, 60, -5 * sd, 5 * sd);
        double[][] gauss = curve(h.lo(), h.hi(), 400, c -> Math.exp(-0.5 * c * c / (sd * sd)) / (sd * Math.sqrt(2 * Math.PI)));
        var b = Plots.plot("Cross-covariances (zero frequency)", Plots.label("cross-covariance", "c_ij", ""), Plots.DENSITY);
        Plots.histogram(b, "simulation", h, false, "theory N(0, Var c_ij)", gauss[0], gauss[1]);
        return OutputDirectory.fileNames(b.build().writePngAndSvg(dir, "cross_covariances"));
    }

    /** Histogram of covariance eigenvalues with the closed-form density and its support edges. */
    static List<String> eigenvalueHistogram(Path dir, double[] ev, CovariancePrediction theory,
                                            ResidualCovarianceSpectrum spectrum) throws IOException {
        // the whole data range, and at least the theory's support
        Histogram h = Histogram.covering(ev, 40, theory.eigenLower(), theory.eigenUpper());
        double top = java.util.Arrays.stream(h.density(false)).max().orElse(1.0);
        // the theory's density (the linear closed form, or the cavity surrogate's with its residual power); none where
        // it is not derived
        double[][] density = spectrum == null ? new double[][] {{}, {}} : spectrum.curve(400);
        var b = Plots.plot("Covariance eigenvalues (zero frequency)", Plots.label("eigenvalue of the covariance", "", ""),
                Plots.DENSITY);
        Plots.histogram(b, "simulation", h, false, "theory (N → ∞)", density[0], density[1]);
        b.reference("support edges x₋, x₊", new double[] {theory.eigenLower(), theory.eigenLower(), Double.NaN,
                theory.eigenUpper(), theory.eigenUpper()}, new double[] {0, top, Double.NaN, 0, top});
        return OutputDirectory.fileNames(b.build().writePngAndSvg(dir, "eigenvalues"));
    }

    /** {x, f(x)} at {@code n} evenly spaced points of [lo, hi]. */
    private static double[][] curve(double lo, double hi, int n, java.util.function.DoubleUnaryOperator f) {
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = lo + (hi - lo) * i / (n - 1);
            out[1][i] = f.applyAsDouble(out[0][i]);
        }
        return out;
    }
}
