package org.chaoslab.sim.rate;

import java.util.Arrays;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.Validate;

/**
 * A sweep over the coupling gain g of one network realization, run as one batch: the points g_1 … g_K share the
 * couplings J_g = g·J₁, J₁ = z/√N drawn once at unit gain (SCS 1988's ensemble J_ij = g z_ij/√N, z_ij i.i.d. standard
 * normal, with η-correlated mirror entries and an optional zero diagonal alike), so that point k is the network at gain
 * g_k and all points advance by one matrix–matrix product J₁·Φ per step, each column scaled by its g_k
 * ({@link GainBatchSimulator}). A description only, immutable.
 *
 * <p>The mean coupling must be zero: J_g = J0/N + g·z/√N is not g times the unit-gain matrix when J0 ≠ 0 (the mean does
 * not scale with g), so such a sweep is refused rather than run with other couplings than the points' own.
 *
 * @param network the network; its own gain is not used (point k is {@link #network(int)}, the network at g_k)
 * @param gains   g_1 … g_K, each finite and ≥ 0, K ≥ 1 (copied)
 */
public record GainBatch(RateNetwork network, double[] gains) {

    public GainBatch {
        if (network == null) {
            throw new IllegalArgumentException("the network must be given");
        }
        if (network.couplings().meanCoupling() != 0.0) {
            throw new IllegalArgumentException("j0 must be 0 for a batched gain sweep (got " + network.couplings().meanCoupling()
                    + "): the points share J_g = g J_1 with J_1 drawn at unit gain, but the mean coupling J0/N does not scale "
                    + "with g; run the points one by one");
        }
        if (gains == null || gains.length == 0) {
            throw new IllegalArgumentException("a gain sweep needs at least one gain g");
        }
        gains = gains.clone();
        for (double g : gains) {
            Validate.finiteAtLeast("g", g, 0.0);
        }
    }

    /** K, the number of points. */
    public int size() {
        return gains.length;
    }

    /** g_k. */
    public double gain(int k) {
        return gains[k];
    }

    /** The gains (a copy). */
    @Override
    public double[] gains() {
        return gains.clone();
    }

    /** Point k: the network at gain g_k, as an unbatched run at that gain would describe it. */
    public RateNetwork network(int k) {
        return network.withCouplings(network.couplings().withGain(gains[k]));
    }

    /** The network at unit gain, whose realization J₁ every point scales. */
    public RateNetwork unitGain() {
        return network.withCouplings(network.couplings().withGain(1.0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GainBatch b && network.equals(b.network) && Arrays.equals(gains, b.gains);
    }

    @Override
    public int hashCode() {
        return 31 * network.hashCode() + Arrays.hashCode(gains);
    }

    @Override
    public String toString() {
        return "GainBatch[network=" + network + ", gains=" + Arrays.toString(gains) + "]";
    }
}
