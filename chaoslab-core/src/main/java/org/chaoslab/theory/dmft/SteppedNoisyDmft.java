package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;

/**
 * DMFT of the discrete-time process that a one-stage scheme ({@link OneStepScheme}: Euler, exponential Euler) integrates
 * for the noise-driven rate network, N → ∞, any φ, white or OU noise, mean coupling J0 and static input: the stationary
 * autocovariance c(k) of x_n at integer lags, exact for the map, not for the ODE it approximates.
 *
 * <p>The single site: x_{n+1} = κx_n + γ(η_n + I) + (noise), η_n = Σ_j J_ij φ(x_j(n)) Gaussian with
 * ⟨η_nη_m⟩ = g²F_φ(c(n − m); μ, c0). The filter x_{n+1} = κx_n + u_n turns an input autocovariance c_u into
 * c(k) = Σ_m κ^{|m|} c_u(k − m)/(1 − κ²), so
 * <pre>  c = c_noise + g²F∞ + σ_I² + g²K_δ∗(F_φ(c) − F∞),   K_δ(m) = γ²κ^{|m|}/(1 − κ²)  (Σ_m K_δ(m) = 1 as γ = 1 − κ),</pre>
 * with c_noise(k) = v κ^{|k|}/(1 − κ²) for white noise of step variance v, and for OU noise the same filter applied to
 * γ²β²α^{|m|}/(1 − α²) (the AR(1) samples of the OU process). As δ → 0, K_δ → ½e^{−|τ|} and c_noise → the ODE's: the
 * continuous DMFT ({@link WhiteNoiseDmft}, {@link OuNoiseDmft}) is the limit, and the difference is the O(δ) bias of the
 * scheme. The mean μ = I + J0⟨φ⟩ and the plateau c∞ are those of the ODE (a constant drive has the same fixed point).
 * The fixed point is found as for OU noise ({@link StationaryFixedPoint}); the lattice convolution is exact (two
 * one-sided recursions), so the only approximations are the window (τ_max, extended by the callers to cover the decay)
 * and the Chebyshev series of F_φ.
 */
public final class SteppedNoisyDmft {

    /**
     * Convergence of the fixed point, max|G(c) − c| &lt; tolerance·c0: tighter than the ODE solvers' 10⁻¹⁰ because the
     * cavity statistics check that the fluctuation profile c − c∞ has decayed to 10⁻¹⁰ of its value at 0 at τ_max, and
     * with a large static part (non-odd φ) c − c∞ is a small part of c0.
     */
    static final double TOLERANCE = 1e-12;

    private final OneStepScheme scheme;
    private final double tauMax;
    private final GaussianExpectation engine;

    /**
     * A solver for {@code scheme} on the lags 0, δ, … up to {@code options.tauMax()} (the step of {@code options} is
     * not used: the lags are the scheme's steps).
     */
    public SteppedNoisyDmft(OneStepScheme scheme, DmftOptions options) {
        this.scheme = scheme;
        this.tauMax = options.tauMax();
        this.engine = new GaussianExpectation(options.quadrature());
    }

    /** The Gaussian engine used. */
    public GaussianExpectation engine() {
        return engine;
    }

    /** The scheme solved for. */
    public OneStepScheme scheme() {
        return scheme;
    }

    /**
     * The stationary state of the scheme's process (λ_max not computed: NaN); {@code tau()} are the lags kδ.
     *
     * @throws IllegalArgumentException without white or OU noise (σ &gt; 0), or for more than 10⁷ lags
     * @throws NoSolutionException if the iteration does not converge
     */
    public NoisyDmftSolution stationary(RateNetwork network) {
        Noise noise = network.input().noise();
        if (!(noise instanceof Noise.White || noise instanceof Noise.OrnsteinUhlenbeck) || !(noise.sigma() > 0)) {
            throw new IllegalArgumentException("noise must be white:SIGMA or ou:SIGMA:TAU with SIGMA > 0 (got "
                    + noise.label() + ")");
        }
        double dt = scheme.dt();
        double lags = Math.ceil(tauMax / dt) + 1;
        if (!(lags <= 1e7)) {
            throw new IllegalArgumentException("tau-max/dt must be <= 1e7 for the stepped DMFT (got " + tauMax / dt + ")");
        }
        int n = (int) lags;
        double[] tau = new double[n];
        for (int k = 0; k < n; k++) {
            tau[k] = k * dt;
        }
        MeanField mf = MeanField.of(network, engine);
        double keep = scheme.keep();
        double gain = scheme.gain();
        double norm = gain * gain / (1.0 - keep * keep);      // K_δ(0)
        double[] cNoise = new double[n];
        double decay;
        if (noise instanceof Noise.White w) {
            double v = w.sigma() * w.sigma() * scheme.whiteStepVariance();
            for (int k = 0; k < n; k++) {
                cNoise[k] = v * Math.pow(keep, k) / (1.0 - keep * keep);
            }
            decay = Double.POSITIVE_INFINITY;
        } else {
            Noise.OrnsteinUhlenbeck ou = (Noise.OrnsteinUhlenbeck) noise;
            double alpha = scheme.ouKeep(ou.tau());
            double innovation = scheme.ouInnovationVariance(ou.sigma() * ou.sigma(), ou.tau());
            double[] eta = new double[n];
            for (int k = 0; k < n; k++) {
                eta[k] = innovation * Math.pow(alpha, k) / (1.0 - alpha * alpha);
            }
            lattice(eta, keep, norm, cNoise);
            decay = 1.0 / ou.tau();
        }
        double[] c = StationaryFixedPoint.solve(mf, cNoise, (f, y) -> lattice(f, keep, norm, y),
                "stepped (" + scheme.label() + ", dt = " + dt + ") DMFT", TOLERANCE);
        double c0 = c[0];
        double mu = mf.selfConsistentMean(c0);
        double cInf = Plateau.of(mf, mu, c0);
        if (Double.isNaN(cInf) || cInf != 0.0) {
            // with a static part, the plateau the iteration converged to: g²F(c∞) through the same Chebyshev series of
            // F_φ, which for a kinked φ (ReLU) differs from the exact plateau by ~1e-9 c0, enough to leave a spurious tail
            // in c − c∞ (the window reaches e^{−25} of the decay; the callers extend it and check the tail)
            cInf = c[n - 1];
        }
        // the tail of c − c∞ decays at about min(κ, 1/τ_n), κ = √(1 − g²F_{φ′}(c∞)) (the ODE's; the callers extend τ_max
        // by it and check the tail)
        double kappa = Math.min(Math.sqrt(Math.max(0.0, 1.0 - mf.g2 * mf.slopeCorrelation(mu, c0, cInf))), decay);
        return NoisySolutions.finish(mf, engine, network, noise.sigma(), c0, cInf, mu, kappa, tau, c, false);
    }

    /**
     * out(k) = norm·Σ_{|m| &lt; K} κ^{|k − m|} f(|m|), k = 0 … K − 1, for an even f given on the lags 0 … K − 1: the forward
     * recursion F_m = κF_{m−1} + f_m and the backward one B_m = κB_{m+1} + f_m over the symmetric window, out = F + B − f.
     */
    static void lattice(double[] f, double keep, double norm, double[] out) {
        int n = f.length;
        int m = 2 * n - 1;                 // symmetric index j ↔ lag j − (n − 1)
        double[] forward = new double[m];
        double prev = 0.0;
        for (int j = 0; j < m; j++) {
            prev = keep * prev + f[Math.abs(j - (n - 1))];
            forward[j] = prev;
        }
        double back = 0.0;
        for (int j = m - 1; j >= n - 1; j--) {
            double fj = f[j - (n - 1)];
            back = keep * back + fj;
            out[j - (n - 1)] = norm * (forward[j] + back - fj);
        }
    }
}
