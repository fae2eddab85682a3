package org.chaoslab.theory.balanced;

import org.chaoslab.model.BalancedNetwork;

/**
 * The large-K balance equations: the O(√K) part of the mean input vanishes,
 * E_k m0 + Σ_l J_kl m_l = 0 (van Vreeswijk &amp; Sompolinsky 1998, eq. 4.3), so the rates are linear in m0:
 * for the paper's notation m_E = (E J_I − I J_E)/(J_E − J_I) m0, m_I = (E − I)/(J_E − J_I) m0 (eq. 4.4).
 *
 * @param mE        excitatory rate at K → ∞
 * @param mI        inhibitory rate at K → ∞
 * @param condition the condition for a balanced state, as text
 */
public record BalancedLimit(double mE, double mI, String condition) {

    /**
     * Solves the balance equations.
     *
     * @throws NoBalancedSolutionException if the coupling matrix is singular or a rate is outside (0, 1)
     */
    public static BalancedLimit solve(BalancedNetwork net) {
        String condition = "balanced state needs 0 < m_E, m_I < 1 from E_k m0 + sum_l J_kl m_l = 0"
                + " (paper notation: E/I > J_E/J_I > 1 with J_E = -J_EI, J_I = -J_II)";
        double det = net.jEE() * net.jII() - net.jEI() * net.jIE();
        if (Math.abs(det) < 1e-14) {
            throw new NoBalancedSolutionException("no balanced state: the coupling matrix is singular (J_EE J_II - J_EI J_IE = 0)");
        }
        double bE = -net.extE() * net.m0();
        double bI = -net.extI() * net.m0();
        // Cramer's rule for [J_EE J_EI; J_IE J_II] m = −m0 (E, I)ᵀ (eq. 4.3)
        double mE = (bE * net.jII() - net.jEI() * bI) / det;
        double mI = (net.jEE() * bI - bE * net.jIE()) / det;
        if (!(mE > 0 && mE < 1 && mI > 0 && mI < 1)) {
            throw new NoBalancedSolutionException(String.format(java.util.Locale.ROOT,
                    "no balanced state: the balance equations give m_E = %.6g, m_I = %.6g, outside (0, 1) (%s)",
                    mE, mI, "need E/I > J_E/J_I > 1 in the paper's notation, and m0 small enough"));
        }
        return new BalancedLimit(mE, mI, condition);
    }

    /** Rate of population k. */
    public double rate(int pop) {
        return pop == BalancedNetwork.E ? mE : mI;
    }
}
