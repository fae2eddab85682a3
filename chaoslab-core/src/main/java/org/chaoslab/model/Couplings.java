package org.chaoslab.model;

/**
 * The ensemble of the couplings of a rate network.
 *
 * <p><b>Dense</b> ({@code inDegree = 0}): Gaussian couplings J_ij ~ N(J0/N, g²/N), with correlation
 * η = corr(J_ij, J_ji) between mirrored entries (η = 0 i.i.d., η = 1 symmetric, η = −1 antisymmetric
 * off-diagonal part), optionally with J_ii = 0 (Sompolinsky, Crisanti &amp; Sommers, PRL 61:259 (1988)).
 *
 * <p><b>Sparse, fixed in-degree</b> ({@code inDegree = K ≥ 1}): every unit i receives from exactly K presynaptic units
 * j ≠ i, drawn uniformly without replacement and independently for each i (no self-coupling: J_ii = 0 always); the K
 * weights are i.i.d. w_ij ~ N(J0/K, g²/K), every other J_ij = 0. The scaling keeps the input of the dense network: the
 * field h_i = Σ_j J_ij φ_j has mean (J0/K)·Σ_{j∈S_i} φ_j ≈ J0 m and, for given rates, variance
 * (g²/K)·Σ_{j∈S_i} φ_j² ≈ g² ⟨φ²⟩, S_i the K presynaptic units of i and m = ⟨φ⟩ the population rate. The DMFT of the
 * dense network (SCS 1988) is then that of the sparse one under the large-K assumptions of mean-field theories of
 * sparse networks (van Vreeswijk &amp; Sompolinsky, Neural Comput. 10:1321 (1998): N → ∞ first, then K → ∞; Kadmon
 * &amp; Sompolinsky, PRX 5:041030 (2015), whose input variance of population k is Σ_l K_kl⟨w_kl²⟩⟨φ_l²⟩, here
 * K·(g²/K + J0²/K²)):
 * <ul>
 *   <li>annealed connectivity: the K inputs of a unit are uncorrelated and their sum is Gaussian (central limit
 *       theorem over K terms, relative corrections O(1/K));</li>
 *   <li>self-averaging: the per-unit sums (1/K)Σ_{j∈S_i} φ_j² equal the population average up to O(1/√K), whose
 *       effect on population averages such as ⟨x²⟩ is O(1/K) (Δ_i depends linearly on a unit's own input variance,
 *       so only the rates' nonlinearity feeds the spread back);</li>
 *   <li>with J0 ≠ 0 the dilution of the mean part adds a quenched input variance (J0²/K)(1 − (K−1)/(N−2))·(C_φ − m²)
 *       across units, beyond the dense DMFT; at J0 = 0 the dense DMFT holds exactly in the limit K → ∞.</li>
 * </ul>
 * Sparse weights are stored in float32 (compressed rows: 4-byte weight and 4-byte column index per synapse); η must be
 * 0 (no reciprocal pairing).
 *
 * @param g            coupling gain (standard deviation × √N dense, × √K sparse), finite and ≥ 0
 * @param meanCoupling J0, the mean coupling × N dense (× K sparse), finite
 * @param symmetry     η ∈ [−1, 1]; 0 for sparse couplings
 * @param zeroDiagonal whether J_ii = 0 (always true for sparse couplings)
 * @param precision    storage precision of the matrix in the simulator; FLOAT32 for sparse couplings
 * @param inDegree     K, presynaptic units per unit (≥ 1: sparse; 0: dense, all-to-all); K ≤ N − 1 is checked by
 *                     {@link RateNetwork}
 */
public record Couplings(double g, double meanCoupling, double symmetry, boolean zeroDiagonal, Precision precision,
                        int inDegree) {

    /** Dense couplings ({@code inDegree = 0}). */
    public Couplings(double g, double meanCoupling, double symmetry, boolean zeroDiagonal, Precision precision) {
        this(g, meanCoupling, symmetry, zeroDiagonal, precision, 0);
    }

    public Couplings {
        Validate.finiteAtLeast("g", g, 0.0);
        Validate.finite("j0", meanCoupling);
        if (!(symmetry >= -1.0 && symmetry <= 1.0)) {
            throw new IllegalArgumentException("eta (coupling symmetry) must be in [-1, 1] (got " + symmetry + ")");
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must be FLOAT64, FLOAT32 or BFLOAT16");
        }
        if (inDegree < 0) {
            throw new IllegalArgumentException("inDegree (K, presynaptic units per unit) must be >= 1, or 0 for dense "
                    + "couplings (got " + inDegree + ")");
        }
        if (inDegree > 0) {
            if (symmetry != 0.0) {
                throw new IllegalArgumentException("eta (coupling symmetry) must be 0 for sparse couplings (inDegree "
                        + inDegree + "; got " + symmetry + ")");
            }
            if (precision != Precision.FLOAT32) {
                throw new IllegalArgumentException("precision must be FLOAT32 for sparse couplings (inDegree " + inDegree
                        + ": float32 weights with int32 column indices; got " + precision + ")");
            }
            zeroDiagonal = true;   // no self-coupling by construction
        }
    }

    /**
     * The sparse ensemble of in-degree K at gain g: w_ij ~ N(0, g²/K) on K presynaptic units per unit, float32 weights.
     */
    public static Couplings sparse(double g, int inDegree) {
        return new Couplings(g, 0.0, 0.0, true, Precision.FLOAT32, inDegree);
    }

    /** Whether the couplings are sparse (fixed in-degree K ≥ 1). */
    public boolean sparse() {
        return inDegree > 0;
    }

    /** I.i.d. zero-mean couplings of gain g, float64, diagonal kept: the SCS ensemble. */
    public static Couplings gaussian(double g) {
        return new Couplings(g, 0.0, 0.0, false, Precision.FLOAT64);
    }

    /** The same ensemble at gain g. */
    public Couplings withGain(double gain) {
        return new Couplings(gain, meanCoupling, symmetry, zeroDiagonal, precision, inDegree);
    }

    public Couplings withMean(double j0) {
        return new Couplings(g, j0, symmetry, zeroDiagonal, precision, inDegree);
    }

    public Couplings withSymmetry(double eta) {
        return new Couplings(g, meanCoupling, eta, zeroDiagonal, precision, inDegree);
    }

    public Couplings withZeroDiagonal(boolean zero) {
        return new Couplings(g, meanCoupling, symmetry, zero, precision, inDegree);
    }

    public Couplings withPrecision(Precision p) {
        return new Couplings(g, meanCoupling, symmetry, zeroDiagonal, p, inDegree);
    }

    /**
     * The same gain and mean with in-degree K: {@code k ≥ 1} gives the sparse ensemble (float32 storage, no
     * self-coupling); 0 the dense one (from dense couplings: their diagonal and precision; from sparse ones: diagonal
     * kept, float32).
     */
    public Couplings withInDegree(int k) {
        return new Couplings(g, meanCoupling, symmetry, k > 0 || inDegree == 0 && zeroDiagonal,
                k > 0 ? Precision.FLOAT32 : precision, k);
    }
}
