package org.chaoslab.cli;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.theory.dmft.DmftLyapunov;
import org.chaoslab.theory.dmft.DmftSolution;

/**
 * The scalar results of the SCS DMFT, as printed by {@code dmft scs --json} (the contract used by
 * users and later issues).
 *
 * @param delta0        Δ0 = ⟨x²⟩ − μ² (variance of x)
 * @param deltaInf      Δ∞ = lim Δ(τ), the static part (0 for odd φ without input)
 * @param c0            C(0) = ⟨φ²⟩
 * @param cInf          C(∞)
 * @param tauHalf       τ where Δ(τ) − Δ∞ = (Δ0 − Δ∞)/2 (null at a fixed point)
 * @param phase         "chaotic", "fixed-point" or "unstable"
 * @param mean          μ = ⟨x⟩
 * @param decayRate     κ of the exponential tail Δ − Δ∞ ∝ e^{−κτ}
 * @param stabilityGain g²⟨φ′²⟩ at the fixed point (&lt; 1 ⇔ the fixed point is stable)
 * @param gCritical     the g where the fixed point loses stability (1/φ′(0) for odd φ without input)
 * @param lambdaMax     the largest Lyapunov exponent (continuous time, τ = 1): from the DMFT stability operator in the
 *                      chaotic phase, −1 + g√⟨φ′²⟩ (circular law) at a stable fixed point, null if unstable
 */
public record DmftSummary(String model, double g, String phi, double j0, double input, double delta0, double deltaInf,
                          double c0, double cInf, double tauHalf, String phase, double mean, double decayRate,
                          double stabilityGain, double gCritical, double lambdaMax, String message) {

    static DmftSummary of(DmftSolution s, RateNetwork net, GaussianExpectation engine) {
        double lambda = new DmftLyapunov(engine, 0.01).largest(s, net.transfer()).lambdaMax();
        String note = s.note() == null || s.note().isBlank() ? null : s.note();
        return new DmftSummary("scs", net.gain(), net.transfer().name(), net.couplings().meanCoupling(), net.input().mean(),
                s.delta0(), s.deltaInf(), s.c0(), s.cInf(), s.tauHalf(), s.phase().label(), s.mean(), s.decayRate(),
                s.stabilityGain(), s.gCritical(), lambda, note);
    }
}
