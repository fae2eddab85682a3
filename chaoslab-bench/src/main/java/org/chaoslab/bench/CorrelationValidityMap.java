package org.chaoslab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chaoslab.compare.CorrelationComparison;
import org.chaoslab.compare.CorrelationComparisonResult;
import org.chaoslab.compare.Deviation;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.HeatmapPlot;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.theory.covariance.CavityCovariance;
import org.chaoslab.theory.covariance.CovariancePrediction;
import org.chaoslab.theory.covariance.LinearCovariance;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.WhiteNoiseDmft;

/**
 * The validity map of the covariance theories of noise-driven tanh networks (docs/correlations-nonlinear.md): on a grid
 * g × σ, simulated equal-time statistics (ā, N·Var c_ij, PR/N) and the zero-frequency PR/N beside the cavity theory
 * ({@link CavityCovariance}) and the effective-gain mapping (the linear network of radius g⟨φ′⟩), each deviation in
 * units of its standard error over realizations. Writes {@code correlations-validity.csv} (one row per point and
 * statistic) and two heatmaps (PNG + SVG) of the largest |z| over the equal-time statistics per theory.
 *
 * <p>Usage: {@code CorrelationValidityMap OUT_DIR [N] [T] [REALIZATIONS]} (defaults 200, 2000, 6; exponential Euler,
 * dt = 0.02, transient 40, windows of 50, realization r of point p has seed 7000 + 100 p + r). Points whose finite-size
 * parameter 1/(N(1 − R²)²) exceeds 0.2 are reported and left blank. The equal-time ā of both theories is lowered by
 * the estimator's finite-T bias Ĉ(0)/T_half before comparing.
 */
public final class CorrelationValidityMap {

    private static final double[] G = {0.2, 0.5, 0.8, 1.1, 1.4};
    private static final double[] SIGMA = {0.1, 0.48, 0.86, 1.24, 1.62, 2.0};
    /** Exponential Euler step: the equal-time N·Var of the linear network is biased by about −0.8·dt relative. */
    private static final double DT = 0.02;

    private CorrelationValidityMap() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/validity");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double duration = args.length > 2 ? Double.parseDouble(args[2]) : 2000;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 6;
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
                RateNetwork net = RateNetwork.scs(n, G[i], new TransferFunctions.Tanh())
                        .withInput(ExternalInput.NONE.withNoise(new Noise.White(SIGMA[j])));
                // the large-N statistics need N(1 − R²)² ≫ 1 (the finite-size parameter of the linear network):
                // points beyond ε_N = 0.2 are outside the regime any N → ∞ theory describes at this N, and not simulated
                WhiteNoiseDmft dmft = new WhiteNoiseDmft(DmftOptions.defaults().withTauMax(20).withDTau(0.05));
                double slope = dmft.engine().expectation(TransferIntegrands.derivative(net.transfer()), 0.0,
                        dmft.solve(net).c0());
                double rQuick = G[i] * slope;
                double epsN = 1.0 / (n * Math.pow(1 - rQuick * rQuick, 2));
                if (epsN > 0.2) {
                    worstCavity[i * SIGMA.length + j] = Double.NaN;
                    worstEffective[i * SIGMA.length + j] = Double.NaN;
                    System.out.printf(Locale.ROOT, "g=%.2f sigma=%.2f R=%.4f: finite-size parameter 1/(N(1-R^2)^2) = %.3g > 0.2, "
                            + "outside the large-N regime at N = %d (not simulated)%n", G[i], SIGMA[j], rQuick, epsN, n);
                    continue;
                }
                CavityCovariance.Result cav = CavityCovariance.of(net, DmftOptions.defaults().withDTau(0.01));
                double r = cav.spectralRadius();
                double d = SIGMA[j] * SIGMA[j];
                CovariancePrediction effEt = LinearCovariance.equalTime(r, d, n);
                CovariancePrediction effZf = LinearCovariance.zeroFrequency(r, d, n);
                RateSimulation run = RateSimulation.of(DT, duration, 40, 7000 + 100L * point)
                        .withIntegrator(IntegratorKind.EXPONENTIAL_EULER).withThreads(1);
                CorrelationComparisonResult res = CorrelationComparison.run(net,
                        new CorrelationComparison.Settings(run, reps, 50.0), ProgressListener.NONE);
                // the equal-time estimator subtracts each half's mean: E[sample variance] = c(0) − Ĉ(0)/T_half to
                // leading order (Ĉ(0) the zero-frequency auto-covariance); the theories' ā are compared with that
                double half = duration / 2;
                double etCavity = cav.equalTime().meanAutoCov() - cav.zeroFrequency().meanAutoCov() / half;
                double etEffective = effEt.meanAutoCov() - effZf.meanAutoCov() / half;
                double wc = 0;
                double we = 0;
                Object[][] rows = {
                        {"ET meanAutoCov", res.equalTimeMeanAutoCov(), etCavity, etEffective},
                        {"ET NVarCrossCov", res.equalTimeVarCrossCov(), n * cav.equalTime().varCrossCov(), n * effEt.varCrossCov()},
                        {"ET PR/N", res.equalTimeParticipationRatioPerN(), cav.equalTime().participationRatioPerN(),
                                effEt.participationRatioPerN()},
                        {"ZF PR/N", res.participationRatioPerN(), cav.zeroFrequency().participationRatioPerN(),
                                effZf.participationRatioPerN()}};
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
                    phi.add("tanh");
                    stat.add((String) row[0]);
                    for (double v : new double[] {G[i], SIGMA[j], r, cav.nonlinearPower(), sim, se, c, zc, e, ze}) {
                        cols.add(v);
                    }
                }
                worstCavity[i * SIGMA.length + j] = wc;
                worstEffective[i * SIGMA.length + j] = we;
                System.out.printf(Locale.ROOT, "g=%.2f sigma=%.2f R=%.4f eps=%.4f: max|z| ET cavity %.2f effective gain %.2f "
                        + "(%.0f s)%n", G[i], SIGMA[j], r, cav.nonlinearPower(), wc, we, (System.nanoTime() - t0) * 1e-9);
            }
        }
        String[] names = {"g", "sigma", "R", "nonlinearPower", "simulation", "standardError", "cavity", "zCavity",
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
        heatmap(out, "correlations-validity-cavity", "cavity theory", worstCavity);
        heatmap(out, "correlations-validity-effective-gain", "effective-gain mapping", worstEffective);
    }

    private static void heatmap(Path out, String name, String theory, double[] z) throws IOException {
        HeatmapPlot plot = HeatmapPlot.builder().title("tanh, white noise: max |z| of the equal-time statistics, " + theory)
                .xLabel("coupling gain g").yLabel("noise amplitude σ").colorLabel("max |z| (simulation − theory)/SE")
                .grid(G, SIGMA, z).colorRange(0, 10).build();
        plot.writePng(out.resolve(name + ".png"));
        plot.writeSvg(out.resolve(name + ".svg"));
    }
}
