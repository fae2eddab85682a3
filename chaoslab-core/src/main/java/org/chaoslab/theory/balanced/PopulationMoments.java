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
 * A static stimulus input of variance s² per unit (zero mean, the same at all times) adds s² to β_k and α_k
 * (see {@link BalancedStimulusKernel}); s² = 0 leaves every number unchanged.
 */
final class PopulationMoments {

    final double[] u = new double[2];
    final double[] gamma = new double[2];
    final double[] beta = new double[2];
    final double[] alpha = new double[2];

    PopulationMoments(BalancedNetwork net, double[] m, double[] q) {
        this(net, m, q, 0.0);
    }

    /** The same with a static stimulus input of variance {@code s2} per unit. */
    PopulationMoments(BalancedNetwork net, double[] m, double[] q, double s2) {
        double sk = Math.sqrt(net.k());
        double[] c = new double[2];
        for (int l = 0; l < 2; l++) {
            c[l] = Math.max(0.0, quenchedCovariance(net, l, m[l], q[l]));
        }
        for (int k = 0; k < 2; k++) {
            double mean = net.external(k) * net.m0();
            for (int l = 0; l < 2; l++) {
                double j = net.coupling(k, l);
                mean += j * m[l];
                gamma[k] += j * j * Math.max(0.0, m[l] - q[l]);
                beta[k] += j * j * c[l];
            }
            beta[k] += s2;
            u[k] = sk * mean - net.threshold(k);
            alpha[k] = gamma[k] + beta[k];
        }
    }

    /**
     * The covariance across units k of the static inputs from population l, per J_kl², when the time-averaged
     * rates of population l in the two states have overlap q = (1/N_l) Σ_j m_j^a m_j^b: (1 − p_l) q (Bernoulli)
     * or (q − m_l²)(N_l − K)/(N_l − 1) (fixed in-degree; negative for anticorrelated states). With a = b,
     * clamped at 0, this is c_l of β_k.
     */
    static double quenchedCovariance(BalancedNetwork net, int l, double m, double q) {
        if (net.connectivity() == BalancedConnectivity.BERNOULLI) {
            return (1.0 - net.connectionProbability(l)) * q;
        }
        int nl = net.size(l);
        return nl > 1 ? (q - m * m) * (nl - net.k()) / (nl - 1.0) : 0.0;
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
