package org.chaoslab.cli;

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
 */
public record DmftSummary(String model, double g, String phi, double j0, double input, double delta0, double deltaInf,
                          double c0, double cInf, double tauHalf, String phase, double mean, double decayRate,
                          double stabilityGain, double gCritical, String message) {

    static DmftSummary of(DmftSolution s, double g, String phi, double j0, double input) {
        return new DmftSummary("scs", g, phi, j0, input, s.delta0(), s.deltaInf(), s.c0(), s.cInf(), s.tauHalf(),
                s.phase().label(), s.mean(), s.decayRate(), s.stabilityGain(), s.gCritical(), s.note());
    }
}
