package org.chaoslab.model;

/**
 * The random rate network of Sompolinsky, Crisanti &amp; Sommers (PRL 61:259 (1988)) with τ = 1:
 * dx_i/dt = −x_i + Σ_j J_ij φ(x_j) + I_i(t).
 *
 * <p>A description only: the simulator draws a finite realization of J, the theory solves N → ∞.
 * Convention: the gain g scales the couplings (Var J_ij = g²/N; sparse couplings of in-degree K: g²/K on the K
 * inputs of each unit, {@link Couplings}) and φ has unit slope at 0 for tanh and erf; SCS 1988 write h′ = −h + J tanh(g h), which maps onto this by x = g h.
 *
 * @param size        N ≥ 1
 * @param couplings   the coupling ensemble
 * @param transfer    φ
 * @param input       the external input; a per-unit vector must have length N
 */
public record RateNetwork(int size, Couplings couplings, TransferFunction transfer, ExternalInput input) {

    public RateNetwork {
        if (size < 1) {
            throw new IllegalArgumentException("n (network size) must be >= 1 (got " + size + ")");
        }
        if (couplings == null || transfer == null) {
            throw new IllegalArgumentException("couplings and phi must be given");
        }
        if (couplings.inDegree() > size - 1) {
            throw new IllegalArgumentException("inDegree (K, presynaptic units per unit) must be in [1, n - 1] = [1, "
                    + (size - 1) + "] (K distinct units other than itself; got " + couplings.inDegree() + ")");
        }
        if (input == null) {
            input = ExternalInput.NONE;
        }
        if (input instanceof ExternalInput.PerUnit p && p.values().length != size) {
            throw new IllegalArgumentException("input vector length must equal n = " + size + " (got " + p.values().length + ")");
        }
    }

    /** The classic SCS network: N units, i.i.d. N(0, g²/N) couplings, transfer φ, no input. */
    public static RateNetwork scs(int size, double g, TransferFunction transfer) {
        return new RateNetwork(size, Couplings.gaussian(g), transfer, ExternalInput.NONE);
    }

    public RateNetwork withCouplings(Couplings c) {
        return new RateNetwork(size, c, transfer, input);
    }

    public RateNetwork withInput(ExternalInput in) {
        return new RateNetwork(size, couplings, transfer, in);
    }

    /** g, the coupling gain. */
    public double gain() {
        return couplings.g();
    }
}
