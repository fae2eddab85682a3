package org.chaoslab.cli.rate;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.theory.dmft.DmftLyapunov;
import org.chaoslab.theory.dmft.DmftSolution;

/**
 * The scalar results of the SCS DMFT: the results of {@code dmft scs} (printed by {@code --json}, the contract used by
 * users and later issues) and {@code results.theory} of {@code compare scs}.
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
 * @param noise         the noise input ("none", "white:SIGMA", "quenched:SIGMA"; a quenched noise is a static input variance)
 */
public record DmftSummary(String model, double g, String phi, double j0, double input, double delta0, double deltaInf,
                          double c0, double cInf, double tauHalf, String phase, double mean, double decayRate,
                          double stabilityGain, double gCritical, double lambdaMax, String message, String noise) {

    /** The summary of a noise-free (or quenched-noise) solution, λ_max from {@link DmftLyapunov} with {@code engine}. */
    public static DmftSummary of(DmftSolution s, RateNetwork net, GaussianExpectation engine) {
        double lambda = new DmftLyapunov(engine, 0.01).largest(s, net.transfer()).lambdaMax();
        String note = s.note() == null || s.note().isBlank() ? null : s.note();
        return new DmftSummary("scs", net.gain(), net.transfer().name(), net.couplings().meanCoupling(), net.input().mean(),
                s.delta0(), s.deltaInf(), s.c0(), s.cInf(), s.tauHalf(), s.phase().label(), s.mean(), s.decayRate(),
                s.stabilityGain(), s.gCritical(), lambda, note, net.input().noise().label());
    }

    /**
     * The white- or OU-noise DMFT (Schuecker, Goedeke &amp; Helias 2018): delta0 = c0 = ⟨x²⟩ − μ², deltaInf its static
     * part, c0/cInf of the summary ⟨φ²⟩ and C(∞), phase "chaotic" (λ_max &gt; 0) or
     * "noise-driven"; gCritical is the noisy transition λ_max = 0 only when computed (else null), tauHalf from c(τ).
     */
    public static DmftSummary ofNoisy(org.chaoslab.theory.dmft.NoisyDmftSolution s, RateNetwork net, double gCritical) {
        double[] tau = s.tau();
        double[] c = s.delta();
        double half = Double.NaN;
        double level = 0.5 * (s.c0() + s.deltaInf());   // c(τ½) − c∞ = (c0 − c∞)/2
        for (int k = 1; k < c.length; k++) {
            if (c[k] <= level) {
                half = tau[k - 1] + (tau[k] - tau[k - 1]) * (c[k - 1] - level) / (c[k - 1] - c[k]);
                break;
            }
        }
        return new DmftSummary("scs", net.gain(), net.transfer().name(), net.couplings().meanCoupling(), net.input().mean(),
                s.c0(), s.deltaInf(), s.rateVariance(), s.rateInf(), half, s.phase(), s.mean(), s.decayRate(),
                s.stabilityGain(), gCritical,
                s.lambdaMax(), null, s.noise());
    }
}
