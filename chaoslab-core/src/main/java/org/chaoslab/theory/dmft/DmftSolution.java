package org.chaoslab.theory.dmft;

import java.util.Arrays;
import java.util.Objects;

/**
 * The N → ∞ (DMFT) solution of an autonomous rate network, with the parameters it came from.
 * Lags and covariances are in the convention of {@link org.chaoslab.model.RateNetwork} (x = g·h of
 * SCS 1988; time in units of the single-unit time constant). Arrays are copied on construction and
 * on access.
 *
 * @param g               coupling gain
 * @param phi             the transfer function's name ({@code TransferFunctions.parse} reads it back)
 * @param meanCoupling    J0
 * @param inputMean       I, the population mean of the constant input
 * @param inputVariance   σ_I², the population variance of the constant input (quenched)
 * @param phase           fixed-point, chaotic or unstable
 * @param delta0          Δ0 = Δ(0), the variance of x around its population mean (NaN if unstable)
 * @param deltaInf        Δ∞ = lim Δ(τ), the static (quenched) part of the variance
 * @param mean            μ = ⟨x⟩ = I + J0⟨φ⟩
 * @param c0              C(0) = ⟨φ²⟩ (uncentred)
 * @param cInf            C(∞) = F_φ(Δ∞)
 * @param tauHalf         τ½ with Δ(τ½) − Δ∞ = (Δ0 − Δ∞)/2 (NaN at a fixed point)
 * @param decayRate       κ = √(1 − g²F_{φ′}(Δ∞; μ, Δ0)), the rate of the exponential tail of Δ(τ) − Δ∞;
 *                        at a fixed point √(1 − g²⟨φ′²⟩), the slowest linear relaxation rate of the
 *                        DMFT around it
 * @param stabilityGain   s = g²⟨φ′²⟩ at the fixed-point solution (≥ 1: the fixed point is unstable)
 * @param gCritical       the gain at which the fixed point loses stability (s = 1); 1/φ′(0) for odd φ
 *                        without input; NaN if it never does (or was not computed)
 * @param tau             the lag grid 0, dτ, 2dτ, …
 * @param delta           Δ(τ) on the grid (centred autocovariance of x)
 * @param rateCorrelation C(τ) = ⟨φ(x(t))φ(x(t+τ))⟩ on the grid (uncentred)
 * @param note            empty, or why the network is unstable / what limits the accuracy
 */
public record DmftSolution(double g, String phi, double meanCoupling, double inputMean, double inputVariance,
                           Phase phase, double delta0, double deltaInf, double mean, double c0, double cInf,
                           double tauHalf, double decayRate, double stabilityGain, double gCritical,
                           double[] tau, double[] delta, double[] rateCorrelation, String note) {

    public DmftSolution {
        Objects.requireNonNull(phase, "phase");
        phi = phi == null ? "" : phi;
        note = note == null ? "" : note;
        tau = tau == null ? new double[0] : tau.clone();
        delta = delta == null ? new double[0] : delta.clone();
        rateCorrelation = rateCorrelation == null ? new double[0] : rateCorrelation.clone();
        if (tau.length != delta.length || tau.length != rateCorrelation.length) {
            throw new IllegalArgumentException("tau, delta and rateCorrelation must have equal lengths");
        }
    }

    /** The lag grid (a copy). */
    @Override
    public double[] tau() {
        return tau.clone();
    }

    /** Δ(τ) (a copy). */
    @Override
    public double[] delta() {
        return delta.clone();
    }

    /** C(τ) (a copy). */
    @Override
    public double[] rateCorrelation() {
        return rateCorrelation.clone();
    }

    /** ⟨x²⟩ = Δ0 + μ², the uncentred second moment of x (what a simulation's mean square estimates). */
    public double meanSquare() {
        return delta0 + mean * mean;
    }

    /** Whether the phase is chaotic. */
    public boolean isChaotic() {
        return phase == Phase.CHAOTIC;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DmftSolution s
                && Double.compare(g, s.g) == 0 && phi.equals(s.phi)
                && Double.compare(meanCoupling, s.meanCoupling) == 0 && Double.compare(inputMean, s.inputMean) == 0
                && Double.compare(inputVariance, s.inputVariance) == 0 && phase == s.phase
                && Double.compare(delta0, s.delta0) == 0 && Double.compare(deltaInf, s.deltaInf) == 0
                && Double.compare(mean, s.mean) == 0 && Double.compare(c0, s.c0) == 0
                && Double.compare(cInf, s.cInf) == 0 && Double.compare(tauHalf, s.tauHalf) == 0
                && Double.compare(decayRate, s.decayRate) == 0 && Double.compare(stabilityGain, s.stabilityGain) == 0
                && Double.compare(gCritical, s.gCritical) == 0 && Arrays.equals(tau, s.tau)
                && Arrays.equals(delta, s.delta) && Arrays.equals(rateCorrelation, s.rateCorrelation)
                && note.equals(s.note);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(g, phi, meanCoupling, inputMean, inputVariance, phase, delta0, deltaInf, mean, c0, cInf,
                tauHalf, decayRate, stabilityGain, gCritical, note);
        h = 31 * h + Arrays.hashCode(tau);
        h = 31 * h + Arrays.hashCode(delta);
        return 31 * h + Arrays.hashCode(rateCorrelation);
    }

    @Override
    public String toString() {
        return "DmftSolution[g=" + g + ", phi=" + phi + ", J0=" + meanCoupling + ", I=" + inputMean
                + ", phase=" + phase.label() + ", delta0=" + delta0 + ", deltaInf=" + deltaInf + ", mean=" + mean
                + ", c0=" + c0 + ", tauHalf=" + tauHalf + ", kappa=" + decayRate + ", s=" + stabilityGain
                + ", gc=" + gCritical + ", points=" + tau.length + (note.isEmpty() ? "" : ", note=" + note) + "]";
    }
}
