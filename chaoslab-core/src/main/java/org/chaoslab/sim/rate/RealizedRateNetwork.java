package org.chaoslab.sim.rate;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.FixedInDegreeMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.CouplingSampler;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.SparseCouplingSampler;
import org.chaoslab.sim.UnitTransfers;

/**
 * One finite realization of a {@link RateNetwork}: its coupling matrix and per-unit constant input
 * (including a quenched noise, drawn here: one trial = one realization).
 * Draw it once and run it many times (different initial conditions, lengths, recorders).
 *
 * @param network   the description it realizes
 * @param couplings the sampled J (stream {@code seed/couplings/row})
 * @param input     the constant input per unit, or null when the network has no input
 * @param seed      the master seed it was drawn with
 * @param transfers φ of every unit: {@code network}'s φ for all, or one per population for a multi-population network
 *                  ({@link RealizedPopulationNetwork})
 */
public record RealizedRateNetwork(RateNetwork network, CouplingMatrix couplings, double[] input, long seed,
                                  UnitTransfers transfers) {

    /** Checks that the parts fit: one φ and one input per unit. */
    public RealizedRateNetwork {
        int n = network.size();
        if (couplings.size() != n) {
            throw new IllegalArgumentException("couplings must be n x n (n = " + n + "; got " + couplings.size() + ")");
        }
        if (input != null && input.length != n) {
            throw new IllegalArgumentException("input vector length must equal n = " + n + " (got " + input.length + ")");
        }
        if (transfers == null) {
            transfers = UnitTransfers.uniform(network.transfer(), n);
        } else if (transfers.units() != n) {
            throw new IllegalArgumentException("transfer functions must cover n = " + n + " units (got " + transfers.units() + ")");
        }
    }

    /** A realization whose units all have {@code network}'s φ. */
    public RealizedRateNetwork(RateNetwork network, CouplingMatrix couplings, double[] input, long seed) {
        this(network, couplings, input, seed, null);
    }

    /** Draws the couplings of {@code network} from master seed {@code seed} using {@code threads} threads (trial 0). */
    public static RealizedRateNetwork draw(RateNetwork network, long seed, int threads) {
        return draw(network, seed, threads, 0);
    }

    /**
     * Draws the couplings from {@code seed} and, for a quenched noise, the frozen input of trial {@code trial}
     * (stream {@code seed/noise/quenched/trial/i}): trials share the couplings and differ in the frozen input.
     */
    public static RealizedRateNetwork draw(RateNetwork network, long seed, int threads, long trial) {
        return draw(network, seed, threads, trial, ProgressListener.NONE);
    }

    /**
     * As {@link #draw(RateNetwork, long, int, long)}, reporting the rows of sparse couplings drawn to {@code progress}
     * (rows done of N; dense couplings report nothing). The couplings are the same with or without a listener.
     */
    public static RealizedRateNetwork draw(RateNetwork network, long seed, int threads, long trial,
                                           ProgressListener progress) {
        try (ParallelRows pool = new ParallelRows(threads)) {
            Couplings c = network.couplings();
            StreamSeeds root = StreamSeeds.of(seed);
            CouplingMatrix j = c.sparse()
                    ? SparseCouplingSampler.sample(c, network.size(), root, pool,
                            FixedInDegreeMatrix.defaultRowsPerChunk(c.inDegree()), progress)
                    : CouplingSampler.sample(c, network.size(), root, pool);
            int n = network.size();
            double[] in = null;
            boolean any = false;
            double[] v = new double[n];
            if (network.input() instanceof ExternalInput.Noisy y && y.base() instanceof ExternalInput.PerUnit p
                    && p.values().length != n) {
                throw new IllegalArgumentException("input vector length must equal n = " + n + " (got " + p.values().length + ")");
            }
            // a quenched noise is a frozen input ξ_i ~ N(0, σ²) per unit, stream seed/noise/quenched/trial/i
            double quenched = network.input().noise() instanceof Noise.Quenched q ? q.sigma() : 0.0;
            for (int i = 0; i < n; i++) {
                v[i] = network.input().constantPart(i);
                if (quenched > 0.0) {
                    v[i] += NoiseSource.quenchedInput(quenched, seed, trial, i);
                }
                any |= v[i] != 0.0;
            }
            if (any) {
                in = v;
            }
            return new RealizedRateNetwork(network, j, in, seed);
        }
    }
}
