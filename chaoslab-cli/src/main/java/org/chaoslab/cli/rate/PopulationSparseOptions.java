package org.chaoslab.cli.rate;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.sim.PopulationInDegrees;
import org.chaoslab.sim.SparsePopulationCouplingSampler;
import picocli.CommandLine.Option;

/**
 * The sparse fixed in-degree options of the population commands that simulate ({@code simulate|compare populations}):
 * a total K shared out in proportion to the populations ({@code --k-in}) or K_kl per block ({@code --k-matrix}).
 */
public final class PopulationSparseOptions {

    @Option(names = "--k-in", paramLabel = "K", description = "Sparse couplings: every unit receives from K_l = round(K N_l/N) "
            + "distinct units of each population l (no self-coupling), weights N(jMean_kl N_l/(N K_l), g_kl^2 N_l/(N K_l)) "
            + "(the dense network's block statistics), stored as float32 with int32 indices (8 bytes per synapse). "
            + "The mean-field theory is the dense one plus the dilution of the mean couplings (large K; see 'dmft "
            + "populations --help'). Default: dense (all-to-all).")
    Integer kIn;

    @Option(names = "--k-matrix", paramLabel = "K11,K12;K21,K22", description = "Sparse couplings with an in-degree per "
            + "block: a unit of population k receives from K_kl distinct units of population l (rows = receiving k, "
            + "columns = sending l, like --j-mean), weights N(jMean_kl N_l/(N K_kl), g_kl^2 N_l/(N K_kl)) (the dense "
            + "block statistics: the dense mean-field theory plus the dilution of the means). Rows with a smaller "
            + "total are padded with weight-0 entries (storage: the largest total per unit). Instead of --k-in.")
    String kMatrix;

    /**
     * Null for dense couplings, else the in-degrees, checked against what the populations can give (one line naming
     * --k-in or --k-matrix).
     */
    public PopulationInDegrees inDegrees(PopulationNetwork net) {
        if (kIn != null && kMatrix != null) {
            throw new IllegalArgumentException("--k-in and --k-matrix exclude each other (got both)");
        }
        if (net.isSparse()) {
            // the network description file's k-matrix (checked against the sizes by the model)
            if (kIn != null || kMatrix != null) {
                throw new IllegalArgumentException("--network FILE gives k-matrix: leave out " + (kIn != null ? "--k-in" : "--k-matrix")
                        + " (or the file's k-matrix)");
            }
            return PopulationInDegrees.blocks(net.inDegrees());
        }
        if (kMatrix != null) {
            PopulationInDegrees d = PopulationInDegrees.blocks(parse(kMatrix));
            d.resolve(net);
            return d;
        }
        if (kIn == null) {
            return null;
        }
        int max = SparsePopulationCouplingSampler.maxInDegree(net);
        if (kIn < 1 || kIn > max) {
            throw new IllegalArgumentException("--k-in must be in [1, " + max + "] for these population sizes (K_l = "
                    + "round(K N_l/N) distinct units of population l other than the unit itself; got " + kIn + ")");
        }
        return PopulationInDegrees.total(kIn);
    }

    /** "K11,K12;K21,K22" (rows separated by ';', entries by ','), integers ≥ 1. */
    static int[][] parse(String spec) {
        String[] rows = spec.split(";", -1);
        int[][] m = new int[rows.length][];
        for (int a = 0; a < rows.length; a++) {
            String[] f = rows[a].split(",", -1);
            m[a] = new int[f.length];
            for (int l = 0; l < f.length; l++) {
                try {
                    m[a][l] = Integer.parseInt(f[l].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--k-matrix must be rows of integers like 160,40;80,80 (got '" + spec
                            + "')");
                }
            }
        }
        return m;
    }
}
