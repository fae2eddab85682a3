package org.chaoslab.theory.populations;

/**
 * The static mean field of a multi-population rate network (Kadmon &amp; Sompolinsky 2015) and its stability.
 *
 * @param mean              μ_k: the population mean of the fixed point x*, I_k + Σ_l J̄_kl α_l ⟨φ_l⟩
 * @param variance          Δ_k: its variance across units of population k, Σ_l g_kl² α_l ⟨φ_l²⟩
 * @param rate              ⟨φ_k(x)⟩, x ~ N(μ_k, Δ_k)
 * @param meanSquareRate    ⟨φ_k(x)²⟩
 * @param meanSlope         ⟨φ_k′(x)⟩
 * @param meanSquareSlope   ⟨φ_k′(x)²⟩
 * @param stability         M_kl = α_l g_kl² ⟨φ_l′²⟩: the random part of the Jacobian −1 + J·diag(φ′(x*)) has its
 *                          eigenvalues in a disc of radius √ρ(M) (block-variance circular law; Rajan &amp; Abbott 2006,
 *                          Aljadeff, Stern &amp; Sharpee, PRL 114:088101, 2015)
 * @param spectralRadius    ρ(M); the fixed point loses stability to chaos where it reaches 1
 * @param meanModes         eigenvalues (real, imaginary parts) of A_kl = J̄_kl α_l ⟨φ_l′⟩, the outliers of the
 *                          Jacobian's coupling part from the mean couplings (rank P)
 * @param iterations        iterations of the self-consistency
 */
public record PopulationFixedPoint(double[] mean, double[] variance, double[] rate, double[] meanSquareRate,
                                   double[] meanSlope, double[] meanSquareSlope, double[][] stability,
                                   double spectralRadius, double[][] meanModes, int iterations) {

    /** The phase a static solution implies. */
    public enum Phase {
        /** ρ(M) &lt; 1 and every mean mode has real part &lt; 1: a stable fixed point. */
        FIXED_POINT,
        /** ρ(M) &gt; 1: the random part destabilizes the fixed point, the activity is chaotic (the static solution is
         * then not the state of the network). */
        CHAOTIC,
        /** ρ(M) &lt; 1 but a mean mode has real part ≥ 1: the population means are unstable (runaway or another
         * fixed point). */
        UNSTABLE_MEANS
    }

    /** The phase. */
    public Phase phase() {
        if (spectralRadius > 1.0) {
            return Phase.CHAOTIC;
        }
        for (double[] mode : meanModes) {
            if (mode[0] >= 1.0) {
                return Phase.UNSTABLE_MEANS;
            }
        }
        return Phase.FIXED_POINT;
    }

    /** √Δ_k. */
    public double[] std() {
        double[] s = new double[variance.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.sqrt(variance[k]);
        }
        return s;
    }
}
