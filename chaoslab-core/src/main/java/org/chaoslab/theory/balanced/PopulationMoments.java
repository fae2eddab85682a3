package org.chaoslab.theory.balanced;

import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;

/**
 * Input statistics of both populations for given rates m and second moments q of the time-averaged
 * rates (van Vreeswijk &amp; Sompolinsky 1998, eqs. 3.3–3.9, with the finite connection probability
 * p_l = K/N_l kept):
 * mean u_k = √K(E_k m0 + Σ_l J_kl m_l) − θ_k, temporal variance γ_k = Σ_l J_kl² (m_l − q_l),
 * quenched variance β_k = Σ_l J_kl² c_l with c_l = (1 − p_l) q_l (Bernoulli connections; → q_l as
 * N → ∞, eq. 3.8) or c_l = (q_l − m_l²)(N_l − K)/(N_l − 1) (fixed in-degree), total α_k = γ_k + β_k.
 */
final class PopulationMoments {

    final double[] u = new double[2];
    final double[] gamma = new double[2];
    final double[] beta = new double[2];
    final double[] alpha = new double[2];

    PopulationMoments(BalancedNetwork net, double[] m, double[] q) {
        double sk = Math.sqrt(net.k());
        double[] c = new double[2];
        for (int l = 0; l < 2; l++) {
            if (net.connectivity() == BalancedConnectivity.BERNOULLI) {
                c[l] = (1.0 - net.connectionProbability(l)) * q[l];
            } else {
                int nl = net.size(l);
                c[l] = nl > 1 ? Math.max(0.0, q[l] - m[l] * m[l]) * (nl - net.k()) / (nl - 1.0) : 0.0;
            }
        }
        for (int k = 0; k < 2; k++) {
            double mean = net.external(k) * net.m0();
            for (int l = 0; l < 2; l++) {
                double j = net.coupling(k, l);
                mean += j * m[l];
                gamma[k] += j * j * Math.max(0.0, m[l] - q[l]);
                beta[k] += j * j * c[l];
            }
            u[k] = sk * mean - net.threshold(k);
            alpha[k] = gamma[k] + beta[k];
        }
    }

    /**
     * Replaces the mean input by the effective one that reproduces the rates m through
     * m_k = H(−u_k/√α_k), i.e. u_k = −√α_k H⁻¹(m_k) (identical at a Gaussian solution, eq. 3.10).
     */
    PopulationMoments effectiveMean(double[] m) {
        for (int k = 0; k < 2; k++) {
            u[k] = -Math.sqrt(alpha[k]) * Gaussians.hInverse(m[k]);
        }
        return this;
    }
}
