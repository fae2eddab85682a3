package org.chaoslab.theory.balanced;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.chaoslab.model.BalancedConnectivity;
import org.chaoslab.model.BalancedNetwork;

/**
 * Population transfer with integer numbers of active inputs (the notes' eqs. 17–18):
 * m_k = Σ_{n_E} p_E(n_E) P(n_I &lt; n*_k(n_E)), where u = (J_kE n_E + J_kI n_I)/√K + √K E_k m0 − θ_k &gt; 0
 * ⇔ n_I &lt; n*_k(n_E) because J_kI &lt; 0; p_l = Poisson(K m_l) (Bernoulli connections, the thinning of
 * Poisson(K) connections by m_l) or Binomial(K, m_l) (fixed in-degree).
 */
final class CountTransfer {

    private CountTransfer() {
    }

    /**
     * m_k(m_E, m_I) for k = E, I with a static Gaussian stimulus input of variance s2 per unit (zero mean):
     * m_k = Σ_{n_E, n_I} p_E(n_E) p_I(n_I) H(−u(n_E, n_I)/s); s2 = 0 is {@link #transfer(BalancedNetwork, double[])}.
     */
    static double[] transfer(BalancedNetwork net, double[] m, double s2) {
        if (s2 == 0.0) {
            return transfer(net, m);
        }
        double[] out = new double[2];
        double sk = Math.sqrt(net.k());
        double sd = Math.sqrt(s2);
        boolean poisson = net.connectivity() == BalancedConnectivity.BERNOULLI;
        int[] nMax = new int[2];
        double[][] pmf = new double[2][];
        for (int l = 0; l < 2; l++) {
            double lambda = net.k() * m[l];
            nMax[l] = poisson ? (int) Math.ceil(lambda + 12 * Math.sqrt(lambda + 1.0) + 10) : net.k();
            pmf[l] = new double[nMax[l] + 1];
            for (int n = 0; n <= nMax[l]; n++) {
                pmf[l][n] = pmf(poisson, n, net.k(), m[l]);
            }
        }
        for (int k = 0; k < 2; k++) {
            double bias = sk * net.external(k) * net.m0() - net.threshold(k);
            double jE = net.coupling(k, BalancedNetwork.E) / sk;
            double jI = net.coupling(k, BalancedNetwork.I) / sk;
            double total = 0.0;
            for (int a = 0; a <= nMax[0]; a++) {
                double pe = pmf[0][a];
                if (pe < 1e-300) {
                    continue;
                }
                double inner = 0.0;
                for (int b = 0; b <= nMax[1]; b++) {
                    double pi = pmf[1][b];
                    if (pi < 1e-300) {
                        continue;
                    }
                    inner += pi * Gaussians.h(-(jE * a + jI * b + bias) / sd);
                }
                total += pe * inner;
            }
            out[k] = total;
        }
        return out;
    }

    /** m_k(m_E, m_I) for k = E, I. */
    static double[] transfer(BalancedNetwork net, double[] m) {
        double[] out = new double[2];
        double sk = Math.sqrt(net.k());
        boolean poisson = net.connectivity() == BalancedConnectivity.BERNOULLI;
        for (int k = 0; k < 2; k++) {
            double bias = sk * net.external(k) * net.m0() - net.threshold(k);
            double jE = net.coupling(k, BalancedNetwork.E);
            double jI = net.coupling(k, BalancedNetwork.I);
            double lambda = net.k() * m[0];
            double sd = Math.sqrt(lambda + 1.0);
            int nMax = poisson ? (int) Math.ceil(lambda + 12 * sd + 10) : net.k();
            double total = 0.0;
            for (int n = 0; n <= nMax; n++) {
                double pe = pmf(poisson, n, net.k(), m[0]);
                if (pe == 0.0) {
                    continue;
                }
                // u > 0 ⇔ n_I < x with x = (jE n/√K + bias)·√K/|jI|; largest integer strictly below x
                double x = (jE * n / sk + bias) * sk / -jI;
                if (x <= 0) {
                    continue;
                }
                double c = Math.ceil(x) - 1;
                total += pe * cdf(poisson, c, net.k(), m[1]);
            }
            out[k] = total;
        }
        return out;
    }

    private static double pmf(boolean poisson, int n, int k, double m) {
        if (poisson) {
            double lambda = k * m;
            return Math.exp(n * Math.log(lambda) - lambda - LogGamma.value(n + 1.0));
        }
        if (n > k) {
            return 0.0;
        }
        return Math.exp(LogGamma.value(k + 1.0) - LogGamma.value(n + 1.0) - LogGamma.value(k - n + 1.0)
                + n * Math.log(m) + (k - n) * Math.log1p(-m));
    }

    /** P(X ≤ c). */
    private static double cdf(boolean poisson, double c, int k, double m) {
        if (c < 0) {
            return 0.0;
        }
        if (poisson) {
            return RegularizedGamma.Q.value(c + 1.0, k * m);
        }
        if (c >= k) {
            return 1.0;
        }
        return RegularizedBeta.value(1.0 - m, k - c, c + 1.0);
    }
}
