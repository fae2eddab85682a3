package org.chaoslab.cli.correlations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.io.LinePlot;
import org.chaoslab.io.LineStyle;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.theory.covariance.ChaoticDimension;
import org.chaoslab.theory.covariance.CovarianceEigenvalueDensity;
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
        var b = LinePlot.builder().title("Dimension of chaotic activity (two-site cavity, " + phi + ")")
                .xLabel("g").yLabel("PR/N").series("theory x", g, px, LineStyle.LINE).series("theory phi(x)", g, pp, LineStyle.LINE);
        if (sim != null) {
            b.series("simulation x", new double[] {sim[0]}, new double[] {sim[1]}, new double[] {sim[2]}, LineStyle.MARKERS);
            b.series("simulation phi(x)", new double[] {sim[0]}, new double[] {sim[3]}, new double[] {sim[4]}, LineStyle.MARKERS);
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
        var b = LinePlot.builder().title("Participation ratio of the zero-frequency covariance").xLabel("R (spectral radius)")
                .yLabel("PR/N").series("theory (1 - R^2)^2", r, pr, LineStyle.LINE);
        if (simR != null) {
            b.series("simulation", new double[] {simR}, new double[] {simPr}, new double[] {simErr}, LineStyle.MARKERS);
        }
        return OutputDirectory.fileNames(b.build().writePngAndSvg(dir, "pr_vs_g"));
    }

    /** Histogram (density) of cross-covariances with the theory's Gaussian of variance Var c_ij. */
    static List<String> crossCovarianceHistogram(Path dir, double[] cross, CovariancePrediction theory) throws IOException {
        double sd = Math.sqrt(theory.varCrossCov());
        // the whole data range (and at least +-5 theoretical SD), so nothing is clipped
        double lo = -5 * sd;
        double hi = 5 * sd;
        for (double c : cross) {
            if (Double.isFinite(c)) {
                lo = Math.min(lo, c);
                hi = Math.max(hi, c);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        int bins = 60;
        double[] x = new double[bins];
        double[] h = new double[bins];
        double w = (hi - lo) / bins;
        for (double c : cross) {
            int i = Math.min(bins - 1, (int) Math.floor((c - lo) / w));
            if (i >= 0) {
                h[i]++;
            }
        }
        double[] g = new double[bins];
        for (int i = 0; i < bins; i++) {
            x[i] = lo + (i + 0.5) * w;
            h[i] /= cross.length * w;
            g[i] = Math.exp(-0.5 * x[i] * x[i] / (sd * sd)) / (sd * Math.sqrt(2 * Math.PI));
        }
        var plot = LinePlot.builder().title("Cross-covariances (zero frequency), whole range").xLabel("c_ij").yLabel("density")
                .series("simulation", x, h, LineStyle.MARKERS).series("theory N(0, Var c)", x, g, LineStyle.LINE).build();
        return OutputDirectory.fileNames(plot.writePngAndSvg(dir, "cross_covariances"));
    }

    /** Histogram of covariance eigenvalues with the closed-form density and its support edges. */
    static List<String> eigenvalueHistogram(Path dir, double[] ev, CovariancePrediction theory) throws IOException {
        double lo = Math.min(ev[0], theory.eigenLower());
        double hi = Math.max(ev[ev.length - 1], theory.eigenUpper());
        int bins = 40;
        double w = (hi - lo) / bins;
        double[] x = new double[bins];
        double[] h = new double[bins];
        for (double v : ev) {
            h[Math.min(bins - 1, (int) ((v - lo) / w))]++;
        }
        double top = 0;
        for (int i = 0; i < bins; i++) {
            x[i] = lo + (i + 0.5) * w;
            h[i] /= ev.length * w;
            top = Math.max(top, h[i]);
        }
        List<String> files = new ArrayList<>();
        double[][] density = new CovarianceEigenvalueDensity(theory.spectralRadius(), theory.noiseIntensity()).curve(400);
        var plot = LinePlot.builder().title("Covariance eigenvalues (zero frequency)").xLabel("eigenvalue").yLabel("density")
                .series("simulation", x, h, LineStyle.LINE_AND_MARKERS)
                .series("theory (N -> inf)", density[0], density[1], LineStyle.LINE)
                .series("support edge x-", new double[] {theory.eigenLower(), theory.eigenLower()}, new double[] {0, top},
                        LineStyle.DASHED)
                .series("support edge x+", new double[] {theory.eigenUpper(), theory.eigenUpper()}, new double[] {0, top},
                        LineStyle.DASHED).build();
        files.addAll(OutputDirectory.fileNames(plot.writePngAndSvg(dir, "eigenvalues")));
        return files;
    }
}
