package org.chaoslab.cli.rate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.chaoslab.cli.common.OptionalOutputOptions;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.Plots;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.LinePlot;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.theory.dmft.NoSolutionException;
import org.chaoslab.theory.populations.PopulationAutocorrelation;
import org.chaoslab.theory.populations.PopulationDmft;
import org.chaoslab.theory.populations.PopulationFixedPoint;
import org.chaoslab.theory.populations.PopulationMeanField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chaoslab dmft populations}: the static mean field of a multi-population rate network and its stability
 * (Kadmon &amp; Sompolinsky 2015; {@link PopulationMeanField}), and above the transition the time-dependent solution
 * ({@link PopulationDmft}).
 */
@Command(name = "populations", mixinStandardHelpOptions = true,
        description = {"Static mean field of a multi-population rate network (Kadmon & Sompolinsky 2015): per population "
                + "the mean, standard deviation and rate <phi> of the fixed point, the stability matrix "
                + "M_kl = alpha_l g_kl^2 <phi_l'^2> and its spectral radius (chaos where it reaches 1), gCritical (the "
                + "common factor on every g_kl at which the fixed point loses stability, means fixed), the mean-mode "
                + "outliers, and the coupling spectrum's bulk radius.",
                "Matrices: rows = receiving population k, columns = sending population l, rows separated by ';', "
                        + "J_ij ~ N(jMean_kl/N, g_kl^2/N); or the same keys in a YAML/JSON file (--network FILE).",
                "Where the fixed point is not stable (phase chaotic, unstable-means, or no static solution) the "
                        + "time-dependent population DMFT is solved too (key 'chaotic'): per population the mean, "
                        + "Delta_k(0) (variance across units), Delta_k(inf) (spread of the time averages), the temporal "
                        + "variance Delta_k(0) - Delta_k(inf), the rate, and the decay rate of the autocorrelation's tail; "
                        + "with --out, Delta_k(tau) and C_k(tau) in autocorrelation.csv and autocorrelation.png/.svg. The "
                        + "top-level mean/std/rate stay those of the static solution.",
                "Sparse networks (--k-in or --k-matrix, with --n): the same theory plus the dilution of the mean "
                        + "couplings, d_kl (C_l - <phi_l>^2) in the input covariance and d_kl <phi_l'^2> in M, "
                        + "d_kl = (jMean_kl alpha_l)^2 (1/K_kl)(M - K_kl)/(M - 1), M = N_l (N_l - 1 for l = k) (keys "
                        + "inDegrees, dilutionVariance)."})
public final class DmftPopulationsCommand implements Callable<Integer> {

    @Mixin
    PopulationNetworkOptions network;

    @Option(names = "--n", description = "Number of units N (>= number of populations): the population sizes N_l = "
            + "alpha_l N that --k-in/--k-matrix are checked against and that the dilution term's finite-population "
            + "factor uses (the N -> infinity theory does not depend on it otherwise). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1000")
    int n;

    @Mixin
    PopulationSparseOptions sparse;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Mixin
    OptionalOutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The results (summary.json "results"). */
    record PopulationsSummary(int populations, double[] fractions, String[] phi, double[] mean, double[] std, double[] variance,
                              double[] rate, double[] meanSquareRate, double[] meanSlope, double[] meanSquareSlope,
                              double[][] stability, double spectralRadius, double gCritical, String phase,
                              double[][] meanModes, double bulkRadius, double[][] outliers, int iterations,
                              ChaoticSummary chaotic, String noChaoticSolution, int[][] inDegrees,
                              double[][] dilutionVariance) {
    }

    /** The time-dependent solution (Kadmon &amp; Sompolinsky 2015; {@link PopulationDmft}). */
    record ChaoticSummary(double[] mean, double[] delta0, double[] deltaInf, double[] temporalVariance, double[] rate,
                          double decayRate, double tailSpectralRadius, double lagStep, double maxLag, int iterations) {

        static ChaoticSummary of(PopulationAutocorrelation a) {
            double[] t = a.lagTimes();
            return new ChaoticSummary(a.mean(), a.delta0(), a.deltaInf(), a.temporalVariance(), a.rate(), a.decayRate(),
                    1.0 - a.decayRate() * a.decayRate(), a.lagStep(), t[t.length - 1], a.iterations());
        }
    }

    @Override
    public Integer call() throws Exception {
        PopulationNetwork dense = network.network(n);
        org.chaoslab.sim.PopulationInDegrees kIn = sparse.inDegrees(dense);
        PopulationNetwork net = dense.withInDegrees(kIn == null ? null : kIn.resolve(dense));
        output.check();
        int p = net.populations();
        List<TransferFunction> transfers = net.transfers();
        PopulationMeanField theory = new PopulationMeanField();
        PopulationFixedPoint fp = theory.solve(net);
        double gCritical = theory.criticalGainScale(net);
        PopulationMeanField.CouplingSpectrum spectrum = PopulationMeanField.couplingSpectrum(net);
        PopulationAutocorrelation dynamic = null;
        String noDynamic = null;
        if (fp.phase() != PopulationFixedPoint.Phase.FIXED_POINT) {
            try {
                dynamic = new PopulationDmft().solve(net);
            } catch (NoSolutionException e) {
                noDynamic = e.getMessage();
            }
        }
        PopulationAutocorrelation chaotic = dynamic != null && dynamic.isChaotic() ? dynamic : null;
        PopulationsSummary s = new PopulationsSummary(p, net.fractions(),
                transfers.stream().map(TransferFunction::name).toArray(String[]::new), fp.mean(), fp.std(), fp.variance(),
                fp.rate(), fp.meanSquareRate(), fp.meanSlope(), fp.meanSquareSlope(), fp.stability(), fp.spectralRadius(),
                gCritical, fp.phase().name().toLowerCase(Locale.ROOT).replace('_', '-'), fp.meanModes(),
                spectrum.bulkRadius(), spectrum.outliers(), fp.iterations(),
                chaotic == null ? null : ChaoticSummary.of(chaotic),
                chaotic == null && dynamic != null ? "the time-dependent DMFT settles on a static state" : noDynamic,
                net.inDegrees(), net.isSparse() ? PopulationMeanField.dilutionVariance(net) : null);
        RunSummary.Builder run = RunSummary.builder(spec, 1).resultsOf(s);
        output.finish(run, dir -> {
            if (chaotic != null) {
                writeAutocorrelation(dir, net, chaotic);
            }
        });
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.toJson(run.results()));
        } else {
            o.printf(Locale.ROOT, "phase           %s   (spectral radius of M %.6g; gCritical %.6g x the given g)%n", s.phase(),
                    s.spectralRadius(), gCritical);
            for (int k = 0; k < p; k++) {
                o.printf(Locale.ROOT, "population %d    mean %.6g  std %.6g  rate %.6g  (%s, alpha %.3g)%n", k + 1, s.mean()[k],
                        s.std()[k], s.rate()[k], s.phi()[k], s.fractions()[k]);
            }
            o.printf(Locale.ROOT, "coupling bulk radius %.6g; mean-mode outliers %s%n", s.bulkRadius(), Arrays.deepToString(s.meanModes()));
            if (s.dilutionVariance() != null) {
                o.printf(Locale.ROOT, "sparse in-degrees K_kl %s: the dilution of the means d_kl %s (in the variances and M)%n",
                        Arrays.deepToString(s.inDegrees()), Arrays.stream(s.dilutionVariance()).map(row -> Arrays.stream(row)
                                .mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).toList().toString()).toList());
            }
            if (chaotic != null) {
                o.printf(Locale.ROOT, "time-dependent DMFT (the chaotic state): tail decay rate %.6g%n", chaotic.decayRate());
                for (int k = 0; k < p; k++) {
                    o.printf(Locale.ROOT, "population %d    mean %.6g  Delta(0) %.6g  Delta(inf) %.6g  temporal variance %.6g  "
                                    + "rate %.6g%n", k + 1, chaotic.mean()[k], chaotic.delta0()[k], chaotic.deltaInf()[k],
                            chaotic.temporalVariance()[k], chaotic.rate()[k]);
                }
            } else if (s.noChaoticSolution() != null) {
                o.println("time-dependent DMFT: " + s.noChaoticSolution());
            }
        }
        return 0;
    }

    /** Δ_k(τ) and C_k(τ) of the chaotic solution up to the lag where every Δ_k is within 10⁻⁶ of its plateau. */
    static void writeAutocorrelation(OutputDirectory dir, PopulationNetwork net, PopulationAutocorrelation a)
            throws java.io.IOException {
        int p = net.populations();
        int last = 1;
        for (int k = 0; k < p; k++) {
            double[] d = a.delta()[k];
            double scale = d[0] - d[d.length - 1];
            int i = d.length - 1;
            while (i > 1 && Math.abs(d[i] - d[d.length - 1]) <= 1e-6 * scale) {
                i--;
            }
            last = Math.max(last, i + 1);
        }
        int step = Math.max(1, (int) Math.round(0.1 / a.lagStep()));
        int count = (last + step - 1) / step + 1;
        double[] tau = new double[count];
        double[][] delta = new double[p][count];
        double[][] rate = new double[p][count];
        for (int j = 0; j < count; j++) {
            tau[j] = j * step * a.lagStep();
            for (int k = 0; k < p; k++) {
                delta[k][j] = a.delta(k, tau[j]);
                rate[k][j] = a.rateCorrelation(k, tau[j]);
            }
        }
        CsvTable.Builder t = CsvTable.builder().column("tau", tau);
        for (int k = 0; k < p; k++) {
            t.column("delta_" + (k + 1), delta[k]);
        }
        for (int k = 0; k < p; k++) {
            t.column("rate_correlation_" + (k + 1), rate[k]);
        }
        dir.csv("autocorrelation.csv", t.build());
        LinePlot.Builder b = Plots.plot("Population DMFT: autocovariance of the input (chaotic state)", "lag tau", "Delta_k(tau)");
        for (int k = 0; k < p; k++) {
            b.series("population " + (k + 1) + " (" + net.transfers().get(k).name() + ")", tau, delta[k]);
        }
        dir.figure("autocorrelation", b.build());
    }

    /** Parses "a,b;c,d" into a P x P matrix, naming the option in errors. */
    static double[][] matrix(String option, String text, int p) {
        String[] rows = text.trim().split(";");
        if (rows.length != p) {
            throw new IllegalArgumentException(option + " must have " + p + " rows separated by ';' (one per population, as "
                    + (option.startsWith("--") ? "--fractions" : "fractions") + "; got " + rows.length + ")");
        }
        double[][] m = new double[p][];
        for (int k = 0; k < p; k++) {
            String[] v = rows[k].trim().split(",");
            if (v.length != p) {
                throw new IllegalArgumentException(option + " row " + (k + 1) + " must have " + p + " values (got " + v.length + ")");
            }
            m[k] = new double[p];
            for (int l = 0; l < p; l++) {
                try {
                    m[k][l] = Double.parseDouble(v[l].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " row " + (k + 1) + ": '" + v[l].trim() + "' is not a number");
                }
            }
        }
        return m;
    }
}
