package org.chaoslab.theory.balanced;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.model.BalancedNetwork;

/**
 * Mean-field dynamics of the distance between two replicas with the same couplings and update times
 * (van Vreeswijk &amp; Sompolinsky 1998, section 8; reconstruction, see docs science notes §1):
 * D_k = (1/N_k) Σ_i (σ_i^a − σ_i^b)², τ_k Ḋ_k = −D_k + 2[m_k − P(u_k^a &gt; 0, u_k^b &gt; 0)], where u^a, u^b
 * are jointly Gaussian with mean u_k, variance α_k and covariance α_k − ½ Σ_l J_kl² D_l (the two inputs
 * differ by Σ_l J_kl/√K Σ_j c_ij (σ^a − σ^b), of variance Σ_l J_kl² D_l). The fixed point is
 * D*_k = 2(m_k − q_k); near D = 0 the right side grows like √D (no exponential regime).
 */
public final class ReplicaDistance {

    private static final PiecewiseSmooth STEP = PiecewiseSmooth.of(x -> x > 0 ? 1.0 : 0.0, 0.0);

    private final BalancedSolution state;
    private final GaussianExpectation engine;

    /** Distance dynamics around the stationary state {@code state}. */
    public ReplicaDistance(BalancedSolution state, GaussianExpectation engine) {
        this.state = state;
        this.engine = engine;
    }

    /** τ_k dD_k/dt for distances (D_E, D_I); returns {Ḋ_E, Ḋ_I}. */
    public double[] derivative(double dE, double dI) {
        BalancedNetwork net = state.network();
        double[] d = {dE, dI};
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            double alpha = state.alpha(k);
            double shift = 0.0;
            for (int l = 0; l < 2; l++) {
                double j = net.coupling(k, l);
                shift += 0.5 * j * j * d[l];
            }
            double cov = Math.max(-alpha, alpha - shift);
            double both = engine.crossCorrelation(STEP, STEP, state.meanInput(k), alpha, state.meanInput(k), alpha, cov);
            // τ_k Ḋ_k = −D_k + 2(m_k − P(both active)) (1998, eq. 8.3, reconstruction)
            out[k] = (-d[k] + 2.0 * (state.rate(k) - both)) / net.tau(k);
        }
        return out;
    }

    /**
     * D(t) from D(0) = (dE0, dI0) by classical Runge–Kutta with step dt, sampled every step.
     *
     * @return {@code [t, D_E, D_I][steps+1]} as three arrays
     */
    public double[][] trajectory(double dE0, double dI0, double duration, double dt) {
        int steps = (int) Math.ceil(duration / dt);
        double[] t = new double[steps + 1];
        double[] e = new double[steps + 1];
        double[] i = new double[steps + 1];
        e[0] = dE0;
        i[0] = dI0;
        for (int s = 0; s < steps; s++) {
            double h = dt;
            double[] k1 = derivative(e[s], i[s]);
            double[] k2 = derivative(clamp(e[s] + 0.5 * h * k1[0]), clamp(i[s] + 0.5 * h * k1[1]));
            double[] k3 = derivative(clamp(e[s] + 0.5 * h * k2[0]), clamp(i[s] + 0.5 * h * k2[1]));
            double[] k4 = derivative(clamp(e[s] + h * k3[0]), clamp(i[s] + h * k3[1]));
            e[s + 1] = clamp(e[s] + h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]));
            i[s + 1] = clamp(i[s] + h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]));
            t[s + 1] = (s + 1) * dt;
        }
        return new double[][] {t, e, i};
    }

    /**
     * The local exponent d log Ḋ_E / d log D at small D along D_I = D_E·(D*_I/D*_E): 1/2 for the √D law of
     * the balanced state, 1 for exponential (Lyapunov) growth.
     */
    public double growthExponent(double d) {
        double ratio = state.distanceFixedPoint(BalancedNetwork.I) / state.distanceFixedPoint(BalancedNetwork.E);
        double a = derivative(d, ratio * d)[0] + d / state.network().tauE();
        double b = derivative(2 * d, 2 * ratio * d)[0] + 2 * d / state.network().tauE();
        return Math.log(b / a) / Math.log(2.0);
    }

    private static double clamp(double d) {
        return Math.min(2.0, Math.max(0.0, d));
    }
}
