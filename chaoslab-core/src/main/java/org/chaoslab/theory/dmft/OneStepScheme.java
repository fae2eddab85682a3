package org.chaoslab.theory.dmft;

/**
 * A one-stage stepping scheme of the noise-driven rate dynamics dx/dt = −x + F(x) + ξ, read as a discrete-time model in
 * its own right: x_{n+1} = κ x_n + γ F(x_n) + (noise of step n). The theory of this map ({@link SteppedNoisyDmft}) gives
 * what a simulation with step δ records, where the continuous-time theory is off by O(δ).
 * <ul>
 *   <li>Euler–Maruyama: κ = 1 − δ, γ = δ, white-noise variance D·δ per step;</li>
 *   <li>exponential Euler: κ = e^{−δ}, γ = 1 − e^{−δ}, white-noise variance D(1 − e^{−2δ})/2 per step (the exact
 *       leak-filtered increment).</li>
 * </ul>
 * OU noise enters both as γ·η_n, with η the exact AR(1) sample of the OU process (η_{n+1} = αη_n + β ζ_n,
 * α = e^{−δ/τ_n}, β² = (1 − α²)σ²/(2τ_n)). These are the updates of the project's simulator (sim/rate: NoiseSource,
 * IntegratorStages); the theory states them here without importing it.
 *
 * @param label             "euler" or "exp-euler" (the simulator's integrator names)
 * @param dt                the step δ &gt; 0
 * @param keep              κ ∈ (0, 1)
 * @param gain              γ = 1 − κ, the factor of the drive (so a constant drive gives the same fixed point as the ODE)
 * @param whiteStepVariance the white-noise variance added per step per unit of noise intensity D
 */
public record OneStepScheme(String label, double dt, double keep, double gain, double whiteStepVariance) {

    public OneStepScheme {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0 (got " + dt + ")");
        }
        if (!(keep > 0.0 && keep < 1.0) || !(gain > 0.0) || !(whiteStepVariance > 0.0)) {
            throw new IllegalArgumentException("the one-step scheme needs keep in (0, 1), gain > 0 and a step variance > 0 "
                    + "(got " + keep + ", " + gain + ", " + whiteStepVariance + "; Euler needs dt < 1)");
        }
    }

    /** Euler–Maruyama, x ← (1 − δ)x + δF(x) + σ√δ ζ; δ in (0, 1). */
    public static OneStepScheme euler(double dt) {
        return new OneStepScheme("euler", dt, 1.0 - dt, dt, dt);
    }

    /** Exponential Euler, x ← e^{−δ}x + (1 − e^{−δ})F(x) + σ√((1 − e^{−2δ})/2) ζ. */
    public static OneStepScheme exponentialEuler(double dt) {
        return new OneStepScheme("exp-euler", dt, Math.exp(-dt), -Math.expm1(-dt), -0.5 * Math.expm1(-2.0 * dt));
    }

    /** α = e^{−δ/τ_n}: the factor of the OU noise's exact AR(1) sample, η_{n+1} = αη_n + βζ_n. */
    public double ouKeep(double tauNoise) {
        return Math.exp(-dt / tauNoise);
    }

    /** β² = (1 − α²)·D/(2τ_n): the innovation variance of that sample (D = σ², so that Var η = D/(2τ_n)). */
    public double ouInnovationVariance(double noiseIntensity, double tauNoise) {
        return -Math.expm1(-2.0 * dt / tauNoise) * noiseIntensity / (2.0 * tauNoise);
    }

    /**
     * S(θ) = γ/(e^{iθ} − κ) at θ = ωδ: the transfer function of x_{n+1} = κx_n + γu_n (x̂ = S û), the discrete
     * counterpart of 1/(1 + iω); S(0) = 1.
     *
     * @return {Re S, Im S}
     */
    public double[] leak(double omega) {
        double theta = omega * dt;
        double re = Math.cos(theta) - keep;
        double im = Math.sin(theta);
        double den = re * re + im * im;
        return new double[] {gain * re / den, -gain * im / den};
    }
}
