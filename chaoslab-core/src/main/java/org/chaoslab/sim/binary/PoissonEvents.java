package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;
import org.chaoslab.model.BalancedNetwork;

/**
 * Each unit updated at Poisson times of rate 1/τ_k (van Vreeswijk &amp; Sompolinsky 1998): the superposition has
 * rate R = N_E/τ_E + N_I/τ_I; each event draws its waiting time, then its population (E with probability
 * (N_E/τ_E)/R) and a unit uniformly within it, two uniforms per event in that order.
 */
final class PoissonEvents implements UpdateEvents {

    private final UniformRandomProvider rng;
    private final double totalRate;
    private final double fractionE;
    private final int nE;
    private final int nI;
    private double t;
    private int unit;

    PoissonEvents(BalancedNetwork net, UniformRandomProvider rng) {
        this.rng = rng;
        nE = net.nE();
        nI = net.nI();
        double rE = nE / net.tauE();
        double rI = nI / net.tauI();
        totalRate = rE + rI;
        fractionE = rE / totalRate;
    }

    @Override
    public double next() {
        t += -Math.log(1.0 - rng.nextDouble()) / totalRate;
        double u = rng.nextDouble();
        unit = u < fractionE ? Math.min(nE - 1, (int) (u / fractionE * nE))
                : nE + Math.min(nI - 1, (int) ((u - fractionE) / (1.0 - fractionE) * nI));
        return t;
    }

    @Override
    public int unit() {
        return unit;
    }
}
