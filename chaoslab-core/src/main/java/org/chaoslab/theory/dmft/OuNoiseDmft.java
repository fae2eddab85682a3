package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;

/**
 * DMFT of the rate network driven by Ornstein–Uhlenbeck noise τ_n η′ = −η + σξ (odd φ, no mean coupling or
 * constant input), N → ∞:
 * <pre>  (1 − ∂τ²) c(τ) = g² F_φ(c(τ); c0) + σ²/(2τ_n) e^{−|τ|/τ_n}</pre>
 * (Schuecker, Goedeke &amp; Helias, PRX 8:041029 (2018), coloured-noise form of eq. 5). There is no energy
 * integral; the solution is the fixed point c = c_noise + g² K∗F_φ(c; c(0)), K(τ) = ½e^{−|τ|} the Green's function of
 * 1 − ∂², with the noise part in closed form c_noise(τ) = σ²/(2(1 − τ_n²))[e^{−|τ|} − τ_n e^{−|τ|/τ_n}] (ibid.; its
 * limit τ_n → 1 is σ²(1 + |τ|)e^{−|τ|}/4), so that no truncated 1/ω² tail biases c0. The convolution is done in the
 * time domain by the two one-sided exponential recursions (trapezoid, O(h²)), F_φ(·; c0) through a Chebyshev series in
 * c on [−c0, c0] rebuilt each iteration, with linear mixing (½) until max|Δc| &lt; 10⁻¹⁰c0.
 * λ_max follows from the same operator as without noise ({@link DmftLyapunov}).
 */
public final class OuNoiseDmft {

    private final DmftOptions options;
    private final GaussianExpectation engine;

    /** A solver on the lag grid of {@code options}. */
    public OuNoiseDmft(DmftOptions options) {
        this.options = options;
        this.engine = new GaussianExpectation(options.quadrature());
    }

    /**
     * Solves the OU-noise DMFT.
     *
     * @throws IllegalArgumentException for other noise or unsupported φ/input
     * @throws NoSolutionException if the iteration does not converge
     */
    public NoisyDmftSolution solve(RateNetwork network) {
        if (!(network.input().noise() instanceof Noise.OrnsteinUhlenbeck ou) || !(ou.sigma() > 0)) {
            throw new IllegalArgumentException("the OU-noise DMFT needs --noise ou:SIGMA:TAU with SIGMA > 0");
        }
        if (!(network.transfer() instanceof TransferFunctions.Tanh || network.transfer() instanceof TransferFunctions.ScaledErf
                || network.transfer() instanceof TransferFunctions.Linear)) {
            throw new IllegalArgumentException("the noisy DMFT is implemented for odd phi (tanh, erf, linear); got "
                    + network.transfer().name());
        }
        if (network.input().mean() != 0.0 || network.input().variance() != 0.0 || network.couplings().meanCoupling() != 0.0) {
            throw new IllegalArgumentException("the noisy DMFT is implemented without constant input and with j0 = 0");
        }
        MeanField mf = MeanField.of(network, engine);
        double[] tau = CorrelationProfile.grid(options);
        int n = tau.length;
        double h = options.dTau();
        double s2 = ou.sigma() * ou.sigma();
        double tn = ou.tau();
        double[] noise = new double[n];
        for (int k = 0; k < n; k++) {
            double t = tau[k];
            // Schuecker et al. 2018: c_noise = σ²/(2(1 − τ_n²))[e^{−τ} − τ_n e^{−τ/τ_n}]; τ_n = 1: σ²(1 + τ)e^{−τ}/4
            noise[k] = Math.abs(1.0 - tn) < 1e-6 ? 0.25 * s2 * (1 + t) * Math.exp(-t)
                    : s2 / (2 * (1 - tn * tn)) * (Math.exp(-t) - tn * Math.exp(-t / tn));
        }
        double[] c = noise.clone();
        double[] f = new double[n];
        double[] y = new double[n];
        boolean converged = false;
        for (int it = 0; it < 5000 && !converged; it++) {
            double c0 = c[0];
            int deg = 48;
            double[] nodes = Chebyshev.points(-c0, c0, deg);
            double[] vals = new double[deg + 1];
            for (int j = 0; j <= deg; j++) {
                vals[j] = mf.rateCorrelation(0.0, c0, Math.max(-c0, Math.min(c0, nodes[j])));
            }
            Chebyshev series = Chebyshev.fromValues(-c0, c0, vals);
            for (int k = 0; k < n; k++) {
                f[k] = series.value(Math.max(-c0, Math.min(c0, c[k])));
            }
            convolve(f, h, y);
            double change = 0;
            for (int k = 0; k < n; k++) {
                double next = noise[k] + mf.g2 * y[k];
                if (!Double.isFinite(next)) {
                    throw new NoSolutionException("OU-noise DMFT iteration diverged (activity unbounded?)");
                }
                change = Math.max(change, Math.abs(next - c[k]));
                c[k] = 0.5 * c[k] + 0.5 * next;
            }
            converged = change < 1e-10 * c[0];
        }
        if (!converged) {
            throw new NoSolutionException("OU-noise DMFT iteration did not converge");
        }
        double c0 = c[0];
        double[] rate = new double[n];
        for (int k = 0; k < n; k++) {
            rate[k] = mf.rateCorrelation(0.0, c0, Math.max(-c0, Math.min(c0, c[k])));
        }
        double slope = engine.expectation(mf.dphi, 0.0, c0);
        // the tail of c decays at min(κ, 1/τ_n), κ = √(1 − g²⟨φ′⟩²) (linearization of the equation for c → 0)
        double kappa = Math.min(Math.sqrt(Math.max(0.0, 1.0 - mf.g2 * slope * slope)), 1.0 / tn);
        double s = mf.g2 * mf.meanSquareSlope(0.0, c0);
        double lambda = mf.g == 0.0 ? -1.0
                : new DmftLyapunov(engine, 0.01).groundState(tau, c, c0, 0.0, 0.0, mf.g, kappa, network.transfer()).lambdaMax();
        return new NoisyDmftSolution(mf.g, network.transfer().name(), ou.label(), ou.sigma(), c0, mf.meanSquareRate(0.0, c0),
                kappa, s, lambda, lambda > 0 ? "chaotic" : "noise-driven", tau, c, rate);
    }

    /**
     * y(τ_k) = ½∫ e^{−|τ_k − s|} F(|s|) ds over s ∈ [−τmax, τmax] for an even F given on τ ≥ 0: forward and backward
     * recursions with the trapezoid rule on each step (O(h²)).
     */
    static void convolve(double[] f, double h, double[] out) {
        int n = f.length;
        int m = 2 * n - 1;                 // symmetric grid index j ↔ τ = (j − (n − 1))h
        double e = Math.exp(-h);
        double[] forward = new double[m];
        double prev = 0;
        for (int j = 0; j < m; j++) {
            double fj = f[Math.abs(j - (n - 1))];
            if (j > 0) {
                double fp = f[Math.abs(j - 1 - (n - 1))];
                prev = e * prev + 0.5 * h * (e * fp + fj);
            }
            forward[j] = prev;
        }
        double back = 0;
        for (int j = m - 1; j >= n - 1; j--) {
            double fj = f[Math.abs(j - (n - 1))];
            if (j < m - 1) {
                double fn = f[Math.abs(j + 1 - (n - 1))];
                back = e * back + 0.5 * h * (e * fn + fj);
            }
            out[j - (n - 1)] = 0.5 * (forward[j] + back);
        }
    }
}
