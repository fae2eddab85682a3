package org.chaoslab.cli.rate;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.sim.SparsePopulationCouplingSampler;
import picocli.CommandLine.Option;

/** The sparse fixed in-degree option of the population commands that simulate ({@code simulate|compare populations}). */
public final class PopulationSparseOptions {

    @Option(names = "--k-in", paramLabel = "K", description = "Sparse couplings: every unit receives from K_l = round(K N_l/N) "
            + "distinct units of each population l (no self-coupling), weights N(jMean_kl N_l/(N K_l), g_kl^2 N_l/(N K_l)) "
            + "(the dense network's block statistics), stored as float32 with int32 indices (8 bytes per synapse). "
            + "The mean-field theory is the dense one (large K). Default: dense (all-to-all).")
    Integer kIn;

    /** 0 for dense couplings, else K, checked against what the populations can give (one line naming --k-in). */
    public int inDegree(PopulationNetwork net) {
        if (kIn == null) {
            return 0;
        }
        int max = SparsePopulationCouplingSampler.maxInDegree(net);
        if (kIn < 1 || kIn > max) {
            throw new IllegalArgumentException("--k-in must be in [1, " + max + "] for these population sizes (K_l = "
                    + "round(K N_l/N) distinct units of population l other than the unit itself; got " + kIn + ")");
        }
        return kIn;
    }
}
