package org.chaoslab.theory.balanced;

import org.chaoslab.model.BalancedNetwork;

/**
 * The finite-K mean-field state of a balanced binary network (van Vreeswijk &amp; Sompolinsky 1998,
 * section 3), with its large-K limit and the stability of the population dynamics.
 *
 * @param network           the model
 * @param mE                excitatory rate
 * @param mI                inhibitory rate
 * @param qE                [(m_i)²] over E units (second moment of time-averaged rates)
 * @param qI                the same for I units
 * @param inputModel        how the input was treated
 * @param uE                mean input of E units, √K(E m0 + Σ J m) − θ (with discrete input: the effective
 *                          Gaussian mean −√α H⁻¹(m) that reproduces m)
 * @param uI                mean input of I units
 * @param alphaE            total input variance of E units (temporal + quenched)
 * @param alphaI            total input variance of I units
 * @param betaE             quenched (across units) input variance of E units
 * @param betaI             quenched input variance of I units
 * @param balanced          whether the large-K balance equations have a solution in (0, 1)
 * @param limitE            large-K rate m_E (NaN if none)
 * @param limitI            large-K rate m_I (NaN if none)
 * @param balanceMessage    the condition, or why it fails
 * @param branches          every distinct solution found, {mE, mI, qE, qI} each (frozen ones have q = m)
 * @param jacobian          ∂F_k/∂m_l of the population transfer F_k(m) = H(−u_k/√α_k) at the solution (q fixed)
 * @param tauRatioCritical  largest τ_I/τ_E for which the fixed point of τ_k ṁ_k = −m_k + F_k(m) is stable
 *                          (+∞ if stable for all; 0 if unstable for all)
 * @param stable            whether it is stable at the model's τ_I/τ_E
 * @param stimulusVariance  variance s² of the static stimulus input per unit included in β and α (0: none)
 */
public record BalancedSolution(BalancedNetwork network, double mE, double mI, double qE, double qI, InputModel inputModel, double uE, double uI,
                               double alphaE, double alphaI, double betaE, double betaI, boolean balanced,
                               double limitE, double limitI, String balanceMessage, double[][] branches,
                               double[][] jacobian, double tauRatioCritical, boolean stable,
                               double stimulusVariance) {

    static BalancedSolution of(BalancedNetwork net, double[] s, BalancedLimit limit, String limitError, double[][] branches,
                               BalancedMeanField solver) {
        double[] m = {s[0], s[1]};
        double[] q = {s[2], s[3]};
        PopulationMoments pm = solver.moments(net, m, q);
        double[][] jac = new double[2][2];
        for (int l = 0; l < 2; l++) {
            double h = 1e-6 * m[l];
            double[] mp = m.clone();
            double[] mm = m.clone();
            mp[l] += h;
            mm[l] -= h;
            double[] fp = solver.populationTransfer(net, mp, q);
            double[] fm = solver.populationTransfer(net, mm, q);
            jac[0][l] = (fp[0] - fm[0]) / (2 * h);
            jac[1][l] = (fp[1] - fm[1]) / (2 * h);
        }
        // linearization of τ_k ṁ_k = −m_k + F_k(m) (1998, eq. 4.9): A = diag(1/τ)(M − 1);
        // det A > 0 ⇔ det(M − 1) > 0; trace A < 0 ⇔ (M_EE − 1)/τ_E + (M_II − 1)/τ_I < 0
        double a = jac[0][0] - 1;
        double d = jac[1][1] - 1;
        double det = a * d - jac[0][1] * jac[1][0];
        double critical;
        if (det <= 0) {
            critical = 0.0;
        } else if (a <= 0) {
            critical = d < 0 ? Double.POSITIVE_INFINITY : 0.0;
        } else {
            critical = d < 0 ? -d / a : 0.0;
        }
        boolean stable = det > 0 && a / net.tauE() + d / net.tauI() < 0;
        return new BalancedSolution(net, m[0], m[1], q[0], q[1], solver.inputModel(), pm.u[0], pm.u[1], pm.alpha[0], pm.alpha[1],
                pm.beta[0], pm.beta[1], limit != null, limit != null ? limit.mE() : Double.NaN,
                limit != null ? limit.mI() : Double.NaN, limit != null ? limit.condition() : limitError, branches, jac,
                critical, stable, solver.stimulusVariance());
    }

    /** Rate m_k. */
    public double rate(int pop) {
        return pop == BalancedNetwork.E ? mE : mI;
    }

    /** q_k. */
    public double q(int pop) {
        return pop == BalancedNetwork.E ? qE : qI;
    }

    /** Mean input u_k. */
    public double meanInput(int pop) {
        return pop == BalancedNetwork.E ? uE : uI;
    }

    /** Total input variance α_k. */
    public double alpha(int pop) {
        return pop == BalancedNetwork.E ? alphaE : alphaI;
    }

    /** Quenched input variance β_k. */
    public double beta(int pop) {
        return pop == BalancedNetwork.E ? betaE : betaI;
    }

    /** Temporal input variance γ_k = α_k − β_k. */
    public double temporalVariance(int pop) {
        return alpha(pop) - beta(pop);
    }

    /** Replica distance fixed point D*_k = 2(m_k − q_k). */
    public double distanceFixedPoint(int pop) {
        return 2 * (rate(pop) - q(pop));
    }

    /** Time-averaged rate of a unit of population k with quenched field x ~ N(0, 1): H((−u − √β x)/√γ) (1998, eq. 3.9). */
    public double unitRate(int pop, double x) {
        return Gaussians.h((-meanInput(pop) - Math.sqrt(beta(pop)) * x) / Math.sqrt(temporalVariance(pop)));
    }

    /**
     * Cumulative distribution of time-averaged rates, P(m_i ≤ r) = Φ((−u − √γ H⁻¹(r))/√β) (change of
     * variables in eq. 3.9; 1998, eq. 5.1).
     */
    public double rateCdf(int pop, double r) {
        if (r <= 0) {
            return 0.0;
        }
        if (r >= 1) {
            return 1.0;
        }
        return Gaussians.phi((-meanInput(pop) - Math.sqrt(temporalVariance(pop)) * Gaussians.hInverse(r)) / Math.sqrt(beta(pop)));
    }

    /** Density of time-averaged rates, ρ(r) = φ(x(r)) √γ / (√β φ(H⁻¹(r))) (1998, eq. 5.1). */
    public double rateDensity(int pop, double r) {
        if (r <= 0 || r >= 1) {
            return 0.0;
        }
        double y = Gaussians.hInverse(r);
        double x = (-meanInput(pop) - Math.sqrt(temporalVariance(pop)) * y) / Math.sqrt(beta(pop));
        return Gaussians.density(x) * Math.sqrt(temporalVariance(pop) / beta(pop)) / Gaussians.density(y);
    }

    /** Number of distinct solutions found (more than one is reported, never hidden). */
    public int branchCount() {
        return branches.length;
    }
}
