package org.chaoslab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chaoslab.compare.CorrelationComparison;
import org.chaoslab.compare.CorrelationComparisonResult;
import org.chaoslab.compare.CorrelationVerdicts;
import org.chaoslab.compare.Deviation;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.HeatmapPlot;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.theory.covariance.CavityCovariance;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.CovarianceTheory;

/**
 * The validity map of the covariance theories of noise-driven tanh networks (docs/correlations-nonlinear.md): on a grid
 * g × σ, simulated equal-time statistics (ā, N·Var c_ij, PR/N) and the zero-frequency PR/N beside the cavity theory
 * ({@link CavityCovariance}) and the effective-gain mapping (the linear network of radius g⟨φ′⟩), each deviation in
 * units of its standard error over realizations. Writes {@code correlations-validity.csv} (one row per point and
 * statistic) and two heatmaps (PNG + SVG) of the largest |z| over the equal-time statistics per theory.
 *
 * <p>Usage: {@code CorrelationValidityMap OUT_DIR [N] [T] [REALIZATIONS] [PHI] [NOISE] [G,G,...] [SIGMA,SIGMA,...]}
 * (defaults 200, 2000, 6, tanh,
 * white; PHI as {@code --phi}, e.g. {@code custom:sigmoid:4:0} for the non-odd sigmoid of slope 1 at 0; NOISE
 * {@code white} or {@code ou:TAU}, the amplitude σ from the grid; exponential Euler, dt = 0.02, transient 40, windows
 * of 50, realization r of point p has seed 7000 + 100 p + r). Points whose finite-size parameter 1/(N(1 − R²)²)
 * (R = g⟨φ′⟩ of the effective gain) exceeds 0.2 are reported and left blank. Both theories ({@link CovarianceTheory}:
 * the cavity and the effective gain, white or OU noise, any φ) are compared as the scheme records them
 * ({@link #predictions}: the exponential-Euler bias, the estimator's finite-T bias of ā); the CSV is rewritten after
 * every point. {@code reevaluate} recomputes the theory columns of a CSV with the stored simulations ({@link #reevaluate}).
 */
public final class CorrelationValidityMap {

    private static final double[] DEFAULT_G = {0.2, 0.5, 0.8, 1.1, 1.4};
    private static final double[] DEFAULT_SIGMA = {0.1, 0.48, 0.86, 1.24, 1.62, 2.0};
    private static double[] G = DEFAULT_G;
    private static double[] SIGMA = DEFAULT_SIGMA;
    /** Exponential Euler step: the equal-time N·Var of the linear network is biased by about −0.8·dt relative. */
    private static final double DT = 0.02;

    private CorrelationValidityMap() {
    }

    /**
     * The four statistics the map compares (ET ā, ET N·Var c_ij, ET PR/N, ZF PR/N) under one theory, as a run of the
     * map's scheme records them: the equal-time values with the exponential-Euler bias at {@link #DT} (the scheme's
     * DMFT and cavity for the cavity theory, the linear network's for the effective gain:
     * {@code CorrelationVerdicts.schemeEqualTime}), ā lowered by the estimator's finite-T bias Ĉ(0)/T_half (each half's
     * mean is subtracted: E[sample variance] = c(0) − Ĉ(0)/T_half to leading order).
     */
    static double[] predictions(RateNetwork net, CovarianceTheory theory, double duration) {
        CovariancePrediction et = CorrelationVerdicts.schemeEqualTime(net, theory, DT, IntegratorKind.EXPONENTIAL_EULER,
                new ArrayList<>());
        if (et == null) {
            throw new IllegalStateException("the exp-euler bias is derived for both theories");
        }
        CovariancePrediction zf = theory.zeroFrequency();
        int n = net.size();
        return new double[] {et.meanAutoCov() - zf.meanAutoCov() / (duration / 2), n * et.varCrossCov(),
                et.participationRatioPerN(), zf.participationRatioPerN()};
    }

    /**
     * Recomputes the theory columns of a map's CSV (the simulations are kept: they are what costs) with the theories
     * of this build, and rewrites the CSV and the heatmaps in {@code out}. Usage: {@code CorrelationValidityMap
     * reevaluate CSV OUT_DIR N T PHI NOISE}, with the N, T, PHI and NOISE of the map that wrote the CSV.
     */
    static void reevaluate(Path csv, Path out, int n, double duration, String phiName, String noiseName) throws IOException {
        TransferFunction transfer = TransferFunctions.parse(phiName);
        double tauNoise = noiseName.equals("white") ? 0.0 : Double.parseDouble(noiseName.substring("ou:".length()));
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int gCol = header.indexOf("g");
        int sCol = header.indexOf("sigma");
        int simCol = header.indexOf("simulation");
        int seCol = header.indexOf("standardError");
        java.util.TreeSet<Double> gs = new java.util.TreeSet<>();
        java.util.TreeSet<Double> sigmas = new java.util.TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            gs.add(Double.parseDouble(f[gCol]));
            sigmas.add(Double.parseDouble(f[sCol]));
        }
        G = gs.stream().mapToDouble(Double::doubleValue).toArray();
        SIGMA = sigmas.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> phi = new ArrayList<>();
        List<String> stat = new ArrayList<>();
        List<Double> cols = new ArrayList<>();
        double[] worstCavity = new double[G.length * SIGMA.length];
        double[] worstEffective = new double[G.length * SIGMA.length];
        java.util.Arrays.fill(worstCavity, Double.NaN);
        java.util.Arrays.fill(worstEffective, Double.NaN);
        for (int start = 1; start < lines.size(); start += 4) {
            String[] first = lines.get(start).split(",");
            double g = Double.parseDouble(first[gCol]);
            double sigma = Double.parseDouble(first[sCol]);
            Noise noise = tauNoise == 0 ? new Noise.White(sigma) : new Noise.OrnsteinUhlenbeck(sigma, tauNoise);
            RateNetwork net = RateNetwork.scs(n, g, transfer).withInput(ExternalInput.NONE.withNoise(noise));
            CovarianceTheory cav = CovarianceTheory.of(net, CovarianceTheory.Mapping.CAVITY);
            CovarianceTheory eff = CovarianceTheory.of(net, CovarianceTheory.Mapping.EFFECTIVE_GAIN);
            double[] c = predictions(net, cav, duration);
            double[] e = predictions(net, eff, duration);
            double wc = 0;
            double we = 0;
            for (int k = 0; k < 4; k++) {
                String[] f = lines.get(start + k).split(",");
                double sim = Double.parseDouble(f[simCol]);
                double se = Double.parseDouble(f[seCol]);
                double zc = (sim - c[k]) / se;
                double ze = (sim - e[k]) / se;
                if (k < 3) {
                    wc = Math.max(wc, Math.abs(zc));
                    we = Math.max(we, Math.abs(ze));
                }
                phi.add(f[0]);
                stat.add(f[1]);
                for (double v : new double[] {g, sigma, cav.spectralRadius(), cav.residualPower(), sim, se, c[k], zc, e[k], ze}) {
                    cols.add(v);
                }
            }
            int cell = java.util.Arrays.binarySearch(G, g) * SIGMA.length + java.util.Arrays.binarySearch(SIGMA, sigma);
            worstCavity[cell] = wc;
            worstEffective[cell] = we;
            System.out.printf(Locale.ROOT, "g=%.2f sigma=%.2f: max|z| ET cavity %.2f effective gain %.2f%n", g, sigma, wc, we);
        }
        Files.createDirectories(out);
        write(out, phi, stat, cols);
        String label = phiName + ", " + (tauNoise == 0 ? "white noise" : "OU noise (tau " + tauNoise + ")");
        heatmap(out, "correlations-validity-cavity", label, "cavity theory", worstCavity);
        heatmap(out, "correlations-validity-effective-gain", label, "effective-gain mapping", worstEffective);
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("reevaluate")) {
            reevaluate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]), args[5],
                    args[6]);
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target/validity");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double duration = args.length > 2 ? Double.parseDouble(args[2]) : 2000;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        String phiName = args.length > 4 ? args[4] : "tanh";
        String noiseName = args.length > 5 ? args[5] : "white";
        TransferFunction transfer = TransferFunctions.parse(phiName);
        double tauNoise = noiseName.equals("white") ? 0.0 : Double.parseDouble(noiseName.substring("ou:".length()));
        String label = phiName + ", " + (tauNoise == 0 ? "white noise" : "OU noise (tau " + tauNoise + ")");
        if (args.length > 7) {
            G = java.util.Arrays.stream(args[6].split(",")).mapToDouble(Double::parseDouble).toArray();
            SIGMA = java.util.Arrays.stream(args[7].split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        Files.createDirectories(out);
        List<String> phi = new ArrayList<>();
        List<String> stat = new ArrayList<>();
        List<Double> cols = new ArrayList<>();
        double[] worstCavity = new double[G.length * SIGMA.length];
        double[] worstEffective = new double[G.length * SIGMA.length];
        int point = 0;
        for (int i = 0; i < G.length; i++) {
            for (int j = 0; j < SIGMA.length; j++, point++) {
                long t0 = System.nanoTime();
                Noise noise = tauNoise == 0 ? new Noise.White(SIGMA[j]) : new Noise.OrnsteinUhlenbeck(SIGMA[j], tauNoise);
                RateNetwork net = RateNetwork.scs(n, G[i], transfer).withInput(ExternalInput.NONE.withNoise(noise));
                // the large-N statistics need N(1 − R²)² ≫ 1 (the finite-size parameter of the linear network):
                // points beyond ε_N = 0.2 are outside the regime any N → ∞ theory describes at this N, and not simulated
                double rQuick = CavityCovariance.meanResponseRadius(net, org.chaoslab.theory.dmft.DmftOptions.defaults());
                double epsN = 1.0 / (n * Math.pow(1 - rQuick * rQuick, 2));
                if (epsN > 0.2) {
                    worstCavity[i * SIGMA.length + j] = Double.NaN;
                    worstEffective[i * SIGMA.length + j] = Double.NaN;
                    System.out.printf(Locale.ROOT, "g=%.2f sigma=%.2f R=%.4f: finite-size parameter 1/(N(1-R^2)^2) = %.3g > 0.2, "
                            + "outside the large-N regime at N = %d (not simulated)%n", G[i], SIGMA[j], rQuick, epsN, n);
                    continue;
                }
                CovarianceTheory eff = CovarianceTheory.of(net, CovarianceTheory.Mapping.EFFECTIVE_GAIN);
                CovarianceTheory cav = CovarianceTheory.of(net, CovarianceTheory.Mapping.CAVITY);
                double r = cav.spectralRadius();
                double nonlinear = cav.residualPower();
                double[] pc = predictions(net, cav, duration);
                double[] pe = predictions(net, eff, duration);
                RateSimulation run = RateSimulation.of(DT, duration, 40, 7000 + 100L * point)
                        .withIntegrator(IntegratorKind.EXPONENTIAL_EULER).withThreads(1);
                CorrelationComparisonResult res = CorrelationComparison.run(net, cav,
                        new CorrelationComparison.Settings(run, reps, 50.0), ProgressListener.NONE);
                double wc = 0;
                double we = 0;
                Object[][] rows = {
                        {"ET meanAutoCov", res.equalTimeMeanAutoCov(), pc[0], pe[0]},
                        {"ET NVarCrossCov", res.equalTimeVarCrossCov(), pc[1], pe[1]},
                        {"ET PR/N", res.equalTimeParticipationRatioPerN(), pc[2], pe[2]},
                        {"ZF PR/N", res.participationRatioPerN(), pc[3], pe[3]}};
                for (Object[] row : rows) {
                    Deviation dev = (Deviation) row[1];
                    double scale = ((String) row[0]).contains("NVar") ? n : 1.0;
                    double sim = scale * dev.simulation();
                    double se = scale * dev.standardError();
                    double c = (double) row[2];
                    double e = (double) row[3];
                    double zc = (sim - c) / se;
                    double ze = (sim - e) / se;
                    if (((String) row[0]).startsWith("ET")) {
                        wc = Math.max(wc, Math.abs(zc));
                        we = Math.max(we, Math.abs(ze));
                    }
                    phi.add(phiName + (tauNoise == 0 ? "" : " ou:" + tauNoise));
                    stat.add((String) row[0]);
                    for (double v : new double[] {G[i], SIGMA[j], r, nonlinear, sim, se, c, zc, e, ze}) {
                        cols.add(v);
                    }
                }
                worstCavity[i * SIGMA.length + j] = wc;
                worstEffective[i * SIGMA.length + j] = we;
                write(out, phi, stat, cols);
                System.out.printf(Locale.ROOT, "g=%.2f sigma=%.2f R=%.4f s=%.4f: max|z| ET cavity %.2f effective gain %.2f "
                        + "(%.0f s)%n", G[i], SIGMA[j], r, nonlinear, wc, we, (System.nanoTime() - t0) * 1e-9);
            }
        }
        write(out, phi, stat, cols);
        heatmap(out, "correlations-validity-cavity", label, "cavity theory", worstCavity);
        heatmap(out, "correlations-validity-effective-gain", label, "effective-gain mapping", worstEffective);
    }

    /** The CSV of the points done so far (rewritten after every point, so that an interrupted map keeps them). */
    private static void write(Path out, List<String> phi, List<String> stat, List<Double> cols) throws IOException {
        String[] names = {"g", "sigma", "R", "residualPower", "simulation", "standardError", "cavity", "zCavity",
                "effectiveGain", "zEffectiveGain"};
        int rows = stat.size();
        CsvTable.Builder table = CsvTable.builder().column("phi", phi.toArray(String[]::new))
                .column("statistic", stat.toArray(String[]::new));
        for (int c = 0; c < names.length; c++) {
            double[] col = new double[rows];
            for (int k = 0; k < rows; k++) {
                col[k] = cols.get(k * names.length + c);
            }
            table.column(names[c], col);
        }
        table.build().write(out.resolve("correlations-validity.csv"));
    }

    private static void heatmap(Path out, String name, String label, String theory, double[] z) throws IOException {
        HeatmapPlot plot = HeatmapPlot.builder().title(label + ": max |z| of the equal-time statistics, " + theory)
                .xLabel("coupling gain g").yLabel("noise amplitude σ").colorLabel("max |z| (simulation − theory)/SE")
                .grid(G, SIGMA, z).colorRange(0, 10).build();
        plot.writePng(out.resolve(name + ".png"));
        plot.writeSvg(out.resolve(name + ".svg"));
    }
}
