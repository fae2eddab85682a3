package org.chaoslab.theory.balanced;

import java.util.function.DoubleUnaryOperator;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.BalancedNetwork;

/**
 * The stationary stimulus kernel of the balanced binary network (derivation; docs/kernels.md, "Balanced E/I
 * network"). Every unit i, E and I, receives besides its external drive a static stimulus input
 * x_i(θ) = s(ξ_i cos θ + η_i sin θ), ξ, η ~ N(0, 1): variance s² per unit, overlap s²·o (o = cos Δ) between two
 * stimuli, the same couplings in all trials, independent initial states and update times per trial.
 *
 * <p>Single trial. The input of a unit of population k splits into the mean u_k = √K(E_k m0 + Σ_l J_kl m_l) − θ_k,
 * a static part z_i (recurrent input from the time-averaged rates, across units variance Σ_l J_kl² c_l, plus the
 * stimulus, variance s²) and a temporal part of variance γ_k = Σ_l J_kl² (m_l − q_l). Hence
 * β_k = Σ_l J_kl² c_l + s², α_k = γ_k + β_k, m_k = H(−u_k/√α_k) (Gaussian input; the stimulus has zero mean, so
 * the balance equations and u_k keep their form), m_k(z) = H((−u_k − z)/√γ_k) and q_k = E[m_k(z)²],
 * z ~ N(0, β_k): {@link BalancedMeanField} with the stimulus variance, c_l = (1 − p_l) q_l (Bernoulli) or
 * (q_l − m_l²)(N_l − K)/(N_l − 1) (fixed in-degree).
 *
 * <p>Two trials a, b at stimulus overlap o. The temporal parts of independent trials are independent; the static
 * parts z^a, z^b are jointly Gaussian with variance β_k and covariance
 * c_k(o) = Σ_l J_kl² c_l(C_l(o)) + s² o, where C_l(o) = (1/N_l) Σ_j m_j^a m_j^b is the cross-trial kernel of
 * population l and c_l(·) the same connectivity factor as above (the couplings are shared, so the across-unit
 * covariance of Σ_j J_ij m_j^a and Σ_j J_ij m_j^b is J_kl²(1 − p_l) C_l for Bernoulli connections). So
 * C_k(o) = E[m_k(z^a) m_k(z^b)], self-consistent in (C_E, C_I); iterated from C = m² (independent trials). The
 * observable cross-trial overlap (1/N_k) Σ_i σ_i^a σ_i^b averaged over time is C_k(o) because the temporal parts
 * average out. At o = 1 the map is the q-map of the mean field, so K_k(0⁺) = C_k(1) = q_k (the lowest fixed point
 * above m², reached from independent trials); the same-trial kernel is K_k(0) = (1/N_k) Σ σ² = m_k and the nugget
 * ν_k = m_k − q_k = D*_k/2, half the replica distance fixed point of {@link ReplicaDistance}. With s = 0 the
 * kernel is flat at o ≠ 1 only through C_l (the couplings alone correlate the trials); the stimulus term s² o is
 * what makes it depend on Δ. Population (N-weighted) kernel: (N_E C_E + N_I C_I)/N.
 */
public final class BalancedStimulusKernel {

    private static final double TOL = 1e-15;
    private static final int MAX_ITERATIONS = 100_000;

    private final BalancedSolution state;
    private final GaussianExpectation engine;
    private final double s2;

    private BalancedStimulusKernel(BalancedSolution state, GaussianExpectation engine) {
        this.state = state;
        this.engine = engine;
        this.s2 = state.stimulusVariance();
    }

    /**
     * Solves the mean field of {@code net} with stimulus amplitude {@code s} (variance s² per unit).
     *
     * @throws NoBalancedSolutionException as {@link BalancedMeanField#solve}
     */
    public static BalancedStimulusKernel solve(BalancedNetwork net, double s, InputModel model, GaussianExpectation engine) {
        if (!(s >= 0.0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("stimulus amplitude s must be finite and >= 0 (got " + s + ")");
        }
        BalancedSolution state = new BalancedMeanField(engine, model, s * s).solve(net);
        return new BalancedStimulusKernel(state, engine);
    }

    /** The kernel around a solved state (its stimulus variance is {@link BalancedSolution#stimulusVariance()}). */
    public static BalancedStimulusKernel of(BalancedSolution state, GaussianExpectation engine) {
        return new BalancedStimulusKernel(state, engine);
    }

    /** The single-trial mean-field state (m, q, u, α, β with the stimulus). */
    public BalancedSolution state() {
        return state;
    }

    /** Stimulus amplitude s. */
    public double amplitude() {
        return Math.sqrt(s2);
    }

    /** Cross-trial kernels {C_E(o), C_I(o)} at input overlap o ∈ [−1, 1] (self-consistent). */
    public double[] kernel(double o) {
        if (!(o >= -1.0 && o <= 1.0)) {
            throw new IllegalArgumentException("overlap must be in [-1, 1] (got " + o + ")");
        }
        BalancedNetwork net = state.network();
        double[] m = {state.mE(), state.mI()};
        double[] c = {m[0] * m[0], m[1] * m[1]};
        DoubleUnaryOperator[] rate = {unitRate(BalancedNetwork.E), unitRate(BalancedNetwork.I)};
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[2];
            for (int k = 0; k < 2; k++) {
                double beta = state.beta(k);
                double cov = s2 * o;
                for (int l = 0; l < 2; l++) {
                    double j = net.coupling(k, l);
                    cov += j * j * PopulationMoments.quenchedCovariance(net, l, m[l], c[l]);
                }
                cov = Math.max(-beta, Math.min(beta, cov));
                next[k] = engine.correlation(rate[k], 0.0, beta, cov);
            }
            double change = Math.max(Math.abs(next[0] - c[0]), Math.abs(next[1] - c[1]));
            c = next;
            if (change < TOL) {
                break;
            }
        }
        return c;
    }

    /** Cross-trial kernel C_k(o) of population k. */
    public double kernel(int pop, double o) {
        return kernel(o)[pop];
    }

    /** Cross-trial kernel at stimulus distance Δ on the circle (o = cos Δ). */
    public double[] kernelOnCircle(double delta) {
        return kernel(Math.cos(delta));
    }

    /** Same-trial kernel K_k(0) = m_k. */
    public double sameTrial(int pop) {
        return state.rate(pop);
    }

    /** Cross-trial kernel at the same stimulus K_k(0⁺) = C_k(1) (= q_k). */
    public double crossTrial(int pop) {
        return kernel(1.0)[pop];
    }

    /** Nugget ν_k = K_k(0) − K_k(0⁺) = m_k − q_k. */
    public double nugget(int pop) {
        return state.rate(pop) - state.q(pop);
    }

    /** The N-weighted population value (N_E v_E + N_I v_I)/N of per-population values {v_E, v_I}. */
    public double weighted(double[] perPopulation) {
        BalancedNetwork net = state.network();
        return (net.nE() * perPopulation[0] + net.nI() * perPopulation[1]) / net.size();
    }

    /** N-weighted cross-trial kernel of the whole network at overlap o. */
    public double populationKernel(double o) {
        return weighted(kernel(o));
    }

    /** N-weighted nugget. */
    public double populationNugget() {
        return weighted(new double[] {nugget(BalancedNetwork.E), nugget(BalancedNetwork.I)});
    }

    /** z ↦ m_k(z) = H((−u_k − z)/√γ_k), the time-averaged rate of a unit with static field z (variance β_k). */
    private DoubleUnaryOperator unitRate(int k) {
        double u = state.meanInput(k);
        double sg = Math.sqrt(state.temporalVariance(k));
        return z -> sg > 0 ? Gaussians.h((-u - z) / sg) : (u + z > 0 ? 1.0 : 0.0);
    }
}
