package org.chaoslab.cli.rate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.chaoslab.cli.common.OptionalOutputOptions;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.theory.populations.PopulationFixedPoint;
import org.chaoslab.theory.populations.PopulationMeanField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chaoslab dmft populations}: the static mean field of a multi-population rate network and its stability
 * (Kadmon &amp; Sompolinsky 2015; {@link PopulationMeanField}).
 */
@Command(name = "populations", mixinStandardHelpOptions = true,
        description = {"Static mean field of a multi-population rate network (Kadmon & Sompolinsky 2015): per population "
                + "the mean, standard deviation and rate <phi> of the fixed point, the stability matrix "
                + "M_kl = alpha_l g_kl^2 <phi_l'^2> and its spectral radius (chaos where it reaches 1), gCritical (the "
                + "common factor on every g_kl at which the fixed point loses stability, means fixed), the mean-mode "
                + "outliers, and the coupling spectrum's bulk radius.",
                "Matrices: rows = receiving population k, columns = sending population l, rows separated by ';', "
                        + "J_ij ~ N(jMean_kl/N, g_kl^2/N); or the same keys in a YAML/JSON file (--network FILE). The "
                        + "time-dependent (chaotic) population DMFT is not solved here: above the transition the static solution is reported with phase 'chaotic' and is not the network's state."})
public final class DmftPopulationsCommand implements Callable<Integer> {

    @Mixin
    PopulationNetworkOptions network;

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
                              double[][] meanModes, double bulkRadius, double[][] outliers, int iterations) {
    }

    @Override
    public Integer call() throws Exception {
        PopulationNetwork net = network.network(Math.max(network.populationCount(), 1000));
        output.check();
        int p = net.populations();
        List<TransferFunction> transfers = net.transfers();
        PopulationMeanField theory = new PopulationMeanField();
        PopulationFixedPoint fp = theory.solve(net);
        double gCritical = theory.criticalGainScale(net);
        PopulationMeanField.CouplingSpectrum spectrum = PopulationMeanField.couplingSpectrum(net);
        PopulationsSummary s = new PopulationsSummary(p, net.fractions(),
                transfers.stream().map(TransferFunction::name).toArray(String[]::new), fp.mean(), fp.std(), fp.variance(),
                fp.rate(), fp.meanSquareRate(), fp.meanSlope(), fp.meanSquareSlope(), fp.stability(), fp.spectralRadius(),
                gCritical, fp.phase().name().toLowerCase(Locale.ROOT).replace('_', '-'), fp.meanModes(),
                spectrum.bulkRadius(), spectrum.outliers(), fp.iterations());
        RunSummary.Builder run = RunSummary.builder(spec, 1).resultsOf(s);
        output.finish(run, dir -> { });
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
        }
        return 0;
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
