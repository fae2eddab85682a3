package org.chaoslab.model;

/**
 * The balanced excitatory–inhibitory network of binary units (van Vreeswijk &amp; Sompolinsky,
 * Science 274:1724 (1996); Neural Computation 10:1321 (1998)).
 *
 * <p>Populations k ∈ {E, I} of N_k units σ ∈ {0, 1}. Unit i of population k receives from unit j of
 * population l a synapse of weight J_kl/√K with probability K/N_l (or exactly K inputs per population,
 * {@link BalancedConnectivity#FIXED_INDEGREE}). Input u = Σ J σ + √K E_k m0 − θ_k; update σ ← Θ(u),
 * Θ(0) = 0, at Poisson times of mean interval τ_k. Sign convention: {@code jEE, jIE > 0},
 * {@code jEI, jII < 0} (the paper's J_EI = −J_E, J_II = −J_I).
 *
 * @param nE       number of excitatory units N_E ≥ 1
 * @param nI       number of inhibitory units N_I ≥ 1
 * @param k        mean number of inputs per population, 1 ≤ K ≤ min(N_E, N_I)
 * @param jEE      E→E coupling (> 0)
 * @param jEI      I→E coupling (< 0)
 * @param jIE      E→I coupling (> 0)
 * @param jII      I→I coupling (< 0)
 * @param extE     external drive factor E of the excitatory population (> 0)
 * @param extI     external drive factor I of the inhibitory population (> 0)
 * @param thetaE   threshold of E units
 * @param thetaI   threshold of I units
 * @param tauE     mean update interval of E units (> 0)
 * @param tauI     mean update interval of I units (> 0)
 * @param m0       external rate, 0 &lt; m0 &lt; 1
 * @param connectivity how the connectivity is drawn
 */
public record BalancedNetwork(int nE, int nI, int k, double jEE, double jEI, double jIE, double jII,
                              double extE, double extI, double thetaE, double thetaI, double tauE, double tauI,
                              double m0, BalancedConnectivity connectivity) {

    /** Population index of the excitatory population. */
    public static final int E = 0;
    /** Population index of the inhibitory population. */
    public static final int I = 1;

    public BalancedNetwork {
        Validate.atLeast("nE (number of excitatory units)", nE, 1);
        Validate.atLeast("nI (number of inhibitory units)", nI, 1);
        Validate.atLeast("k (mean in-degree per population)", k, 1);
        if (k > Math.min(nE, nI)) {
            throw new IllegalArgumentException("k must be <= min(nE, nI) = " + Math.min(nE, nI) + " (got " + k + ")");
        }
        Validate.positive("jEE (E->E coupling)", jEE);
        Validate.positive("jIE (E->I coupling)", jIE);
        Validate.negative("jEI (I->E coupling)", jEI);
        Validate.negative("jII (I->I coupling)", jII);
        Validate.positive("extE (external drive factor E)", extE);
        Validate.positive("extI (external drive factor I)", extI);
        Validate.finite("thetaE", thetaE);
        Validate.finite("thetaI", thetaI);
        Validate.positive("tauE", tauE);
        Validate.positive("tauI", tauI);
        if (!(m0 > 0.0 && m0 < 1.0)) {
            throw new IllegalArgumentException("m0 (external rate) must be in (0, 1) (got " + m0 + ")");
        }
        if (connectivity == null) {
            throw new IllegalArgumentException("connectivity must be given");
        }
    }

    /**
     * The parameters of van Vreeswijk &amp; Sompolinsky (1998): J_EE = J_IE = 1, J_EI = −2, J_II = −1.8,
     * E = 1, I = 0.8, θ_E = 1, θ_I = 0.7, τ_E = 1, τ_I = 0.9, Bernoulli connectivity.
     */
    public static BalancedNetwork paper(int nE, int nI, int k, double m0) {
        return new BalancedNetwork(nE, nI, k, 1.0, -2.0, 1.0, -1.8, 1.0, 0.8, 1.0, 0.7, 1.0, 0.9, m0,
                BalancedConnectivity.BERNOULLI);
    }

    /** Population size N_k. */
    public int size(int pop) {
        return pop == E ? nE : nI;
    }

    /** Total number of units N_E + N_I (E units are 0 … N_E−1, I units N_E … N−1). */
    public int size() {
        return nE + nI;
    }

    /** Coupling J_kl (to population k from population l), before the 1/√K factor. */
    public double coupling(int to, int from) {
        if (to == E) {
            return from == E ? jEE : jEI;
        }
        return from == E ? jIE : jII;
    }

    /** External drive factor E_k. */
    public double external(int pop) {
        return pop == E ? extE : extI;
    }

    /** Threshold θ_k. */
    public double threshold(int pop) {
        return pop == E ? thetaE : thetaI;
    }

    /** Mean update interval τ_k. */
    public double tau(int pop) {
        return pop == E ? tauE : tauI;
    }

    /** Connection probability K/N_l from population l. */
    public double connectionProbability(int from) {
        return (double) k / size(from);
    }

    /** A copy with another m0. */
    public BalancedNetwork withM0(double newM0) {
        return new BalancedNetwork(nE, nI, k, jEE, jEI, jIE, jII, extE, extI, thetaE, thetaI, tauE, tauI, newM0, connectivity);
    }

    /** A copy with other sizes and K. */
    public BalancedNetwork withSize(int newNE, int newNI, int newK) {
        return new BalancedNetwork(newNE, newNI, newK, jEE, jEI, jIE, jII, extE, extI, thetaE, thetaI, tauE, tauI, m0, connectivity);
    }

    /** A copy with other update intervals. */
    public BalancedNetwork withTaus(double newTauE, double newTauI) {
        return new BalancedNetwork(nE, nI, k, jEE, jEI, jIE, jII, extE, extI, thetaE, thetaI, newTauE, newTauI, m0, connectivity);
    }

    /** A copy with another connectivity rule. */
    public BalancedNetwork withConnectivity(BalancedConnectivity c) {
        return new BalancedNetwork(nE, nI, k, jEE, jEI, jIE, jII, extE, extI, thetaE, thetaI, tauE, tauI, m0, c);
    }
}
