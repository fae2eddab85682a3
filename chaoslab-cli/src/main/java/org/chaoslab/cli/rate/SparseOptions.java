package org.chaoslab.cli.rate;

import org.chaoslab.model.RateNetwork;
import picocli.CommandLine.Option;

/** The sparse fixed in-degree option of the rate commands that simulate ({@code simulate rate}, {@code compare scs}). */
public final class SparseOptions {

    @Option(names = "--k-in", paramLabel = "K", description = "Sparse couplings: every unit receives from exactly K other "
            + "units (drawn without replacement, no self-coupling), weights N(J0/K, g^2/K) stored as float32 with int32 "
            + "indices (8 bytes per synapse); K in [1, N-1]. Implies float32 and a zero diagonal; needs --eta 0. "
            + "Default: dense (all-to-all).")
    Integer kIn;

    /** {@code net} with the in-degree of {@code --k-in} when given (validated by the model: K in [1, N − 1], η = 0). */
    public RateNetwork apply(RateNetwork net) {
        if (kIn == null) {
            return net;
        }
        if (kIn < 1 || kIn > net.size() - 1) {
            throw new IllegalArgumentException("--k-in must be in [1, N - 1] = [1, " + (net.size() - 1) + "] (K distinct "
                    + "presynaptic units other than the unit itself; got " + kIn + ")");
        }
        if (net.couplings().symmetry() != 0.0) {
            throw new IllegalArgumentException("--eta must be 0 with --k-in (sparse couplings pair no reciprocal entries; got "
                    + net.couplings().symmetry() + ")");
        }
        if (net.couplings().precision() == org.chaoslab.model.Precision.BFLOAT16) {
            throw new IllegalArgumentException("--precision must be f32 or f64 with --k-in (sparse weights are stored in "
                    + "float32; got bf16)");
        }
        return net.withCouplings(net.couplings().withInDegree(kIn));
    }
}
