package org.chaoslab.sim.rate;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.CouplingSampler;

/**
 * One finite realization of a {@link RateNetwork}: its coupling matrix and per-unit constant input.
 * Draw it once and run it many times (different initial conditions, lengths, recorders).
 *
 * @param network   the description it realizes
 * @param couplings the sampled J (stream {@code seed/couplings/row})
 * @param input     the constant input per unit, or null when the network has no input
 * @param seed      the master seed it was drawn with
 */
public record RealizedRateNetwork(RateNetwork network, CouplingMatrix couplings, double[] input, long seed) {

    /** Draws the couplings of {@code network} from master seed {@code seed} using {@code threads} threads. */
    public static RealizedRateNetwork draw(RateNetwork network, long seed, int threads) {
        try (ParallelRows pool = new ParallelRows(threads)) {
            CouplingMatrix j = CouplingSampler.sample(network.couplings(), network.size(), StreamSeeds.of(seed), pool);
            int n = network.size();
            double[] in = null;
            boolean any = false;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = network.input().constantPart(i);
                any |= v[i] != 0.0;
            }
            if (any) {
                in = v;
            }
            return new RealizedRateNetwork(network, j, in, seed);
        }
    }
}
