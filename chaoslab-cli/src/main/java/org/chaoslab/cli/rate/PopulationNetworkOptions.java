package org.chaoslab.cli.rate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.model.Validate;
import picocli.CommandLine.Option;

/**
 * The options that describe a multi-population rate network (Kadmon &amp; Sompolinsky 2015), shared by
 * {@code dmft populations}, {@code simulate populations} and {@code compare populations}: inline, or as a YAML/JSON file
 * with the same keys ({@link PopulationNetworkFile}).
 */
public final class PopulationNetworkOptions {

    @Option(names = "--network", paramLabel = "FILE",
            description = "Network description file (YAML or JSON) with the keys fractions, j-mean, g-matrix, input, phi "
                    + "and, for sparse couplings, k-matrix (as the options; matrices as lists of rows or \"a,b;c,d\"). "
                    + "Replaces those options.")
    Path file;

    @Option(names = "--fractions", split = ",", paramLabel = "A",
            description = "Population fractions alpha_l (> 0, summing to 1), e.g. 0.8,0.2.")
    double[] fractions;

    @Option(names = "--j-mean", paramLabel = "ROWS", description = "Mean couplings jMean_kl, e.g. \"2,-8;2,-6\".")
    String jMean;

    @Option(names = "--g-matrix", paramLabel = "ROWS", description = "Coupling gains g_kl >= 0, e.g. \"4,8;4,6\".")
    String gMatrix;

    @Option(names = "--input", split = ",", paramLabel = "I", description = "Input per population I_k. Default: 0 for every population.")
    double[] input;

    @Option(names = "--phi", split = ",", paramLabel = "PHI",
            description = "Transfer function, one for all or one per population (see 'chaoslab list phi'). Default: tanh.")
    List<String> phi;

    @Option(names = "--gain-scale", paramLabel = "C", defaultValue = "1",
            description = "Multiply every g_kl by C (>= 0; the means stay), e.g. to cross the transition. Default: ${DEFAULT-VALUE}.")
    double gainScale;

    /** The number of populations P described (1 when nothing is given yet: the error comes with the network). */
    public int populationCount() {
        if (file != null) {
            return PopulationNetworkFile.read(file).fractions().length;
        }
        return fractions == null ? 1 : fractions.length;
    }

    /** Where the description comes from: the file's name, or "options". */
    public String source() {
        return file == null ? "options" : file.toString();
    }

    /**
     * The network of N units; errors are one line naming the option (or the file and its line) and what it allows.
     *
     * @param n N (≥ the number of populations)
     */
    public PopulationNetwork network(int n) {
        Validate.finiteAtLeast("gain-scale", gainScale, 0.0);
        if (file != null) {
            if (fractions != null || jMean != null || gMatrix != null || input != null || phi != null) {
                throw new IllegalArgumentException("--network FILE describes the whole network: give --fractions, --j-mean, "
                        + "--g-matrix, --input and --phi in the file, not beside it");
            }
            return PopulationNetworkFile.read(file).network(n, gainScale);
        }
        if (fractions == null || jMean == null || gMatrix == null) {
            throw new IllegalArgumentException("--fractions, --j-mean and --g-matrix must be given (or --network FILE)");
        }
        int p = fractions.length;
        double sum = Arrays.stream(fractions).sum();
        if (Arrays.stream(fractions).anyMatch(a -> !(a > 0)) || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("--fractions must be positive and sum to 1 (got " + Arrays.toString(fractions)
                    .replace(" ", "") + ", sum " + sum + ")");
        }
        double[][] jm = DmftPopulationsCommand.matrix("--j-mean", jMean, p);
        double[][] gm = DmftPopulationsCommand.matrix("--g-matrix", gMatrix, p);
        double[] in = input == null ? new double[p] : input;
        if (in.length != p) {
            throw new IllegalArgumentException("--input must give one value per population (" + p + "; got " + in.length + ")");
        }
        List<String> names = phi == null ? List.of("tanh") : phi;
        if (names.size() != 1 && names.size() != p) {
            throw new IllegalArgumentException("--phi must name one transfer function or one per population (" + p + "; got "
                    + names.size() + ")");
        }
        List<TransferFunction> transfers = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            transfers.add(TransferFunctions.parse(names.get(names.size() == 1 ? 0 : k)));
        }
        return new PopulationNetwork(n, fractions, jm, gm, in, transfers).withGainScale(gainScale);
    }
}
