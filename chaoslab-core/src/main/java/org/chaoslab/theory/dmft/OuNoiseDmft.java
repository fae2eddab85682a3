package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;

/**
 * DMFT of the rate network driven by Ornstein–Uhlenbeck noise τ_n η′ = −η + σξ, N → ∞, for any φ, mean coupling J0 and
 * static input (mean I, variance σ_I²): x = μ + δx, μ = I + J0⟨φ⟩, and
 * <pre>  (1 − ∂τ²) c(τ) = g² F_φ(c(τ); μ, c0) + σ_I² + σ²/(2τ_n) e^{−|τ|/τ_n}</pre>
 * (Schuecker, Goedeke &amp; Helias, PRX 8:041029 (2018), coloured-noise form of eq. 5, with the mean and static input of
 * {@link DmftSolver}). There is no energy integral; the solution is the fixed point
 * c = c_noise + g²F∞ + σ_I² + g² K∗(F_φ(c; μ, c0) − F∞), K(τ) = ½e^{−|τ|} the Green's function of 1 − ∂² (K∗1 = 1), with
 * the noise part in closed form c_noise(τ) = σ²/(2(1 − τ_n²))[e^{−|τ|} − τ_n e^{−|τ|/τ_n}] (ibid.; its limit τ_n → 1 is
 * σ²(1 + |τ|)e^{−|τ|}/4), so that no truncated 1/ω² tail biases c0, and the plateau F∞ = F_φ(c∞) ({@link Plateau}) added
 * analytically, so that the finite window truncates only the decaying part. The convolution is done in the time domain
 * by the two one-sided exponential recursions (trapezoid, O(h²)), F_φ(·; μ, c0) through a Chebyshev series in c on
 * [−c0, c0] rebuilt each iteration (μ(c0) self-consistent), with Anderson-accelerated mixing (depth 8, β = ½;
 * {@link Anderson}; plain ½-mixing from its best iterate if it has not converged
 * after 400 steps) until max|G(c) − c| &lt; 10⁻¹⁰c0.
 * λ_max follows from the same operator as without noise ({@link DmftLyapunov}).
 */
public final class OuNoiseDmft implements NoisyDmftSolver {

    /** Bound of the fixed-point iteration ({@link StationaryFixedPoint}). */
    public static final int MAX_ITERATIONS = StationaryFixedPoint.MAX_ITERATIONS;

    private final DmftOptions options;
    private final GaussianExpectation engine;

    /** A solver on the lag grid of {@code options}. */
    public OuNoiseDmft(DmftOptions options) {
        this.options = options;
        this.engine = new GaussianExpectation(options.quadrature());
    }

    /** The Gaussian engine used. */
    @Override
    public GaussianExpectation engine() {
        return engine;
    }

    /**
     * Solves the OU-noise DMFT.
     *
     * @throws IllegalArgumentException for other noise or unsupported φ/input
     * @throws NoSolutionException if the iteration does not converge
     */
    @Override
    public NoisyDmftSolution solve(RateNetwork network) {
        return solve(network, true);
    }

    @Override
    public NoisyDmftSolution stationary(RateNetwork network) {
        return solve(network, false);
    }

    private NoisyDmftSolution solve(RateNetwork network, boolean withLyapunov) {
        Noise.OrnsteinUhlenbeck ou = noise(network);
        MeanField mf = MeanField.of(network, engine);
        double[] tau = CorrelationProfile.grid(options);
        int n = tau.length;
        double[] noise = noisePart(ou, tau);
        double h = h();
        double[] c = StationaryFixedPoint.solve(mf, noise, (f, y) -> convolve(f, h, y), "OU-noise DMFT", 1e-10);
        double c0 = c[0];
        double mu = mf.selfConsistentMean(c0);
        double cInf = Plateau.of(mf, mu, c0);
        if (Double.isNaN(cInf)) {
            cInf = c[n - 1];
        }
        // the tail of c − c∞ decays at min(κ, 1/τ_n), κ = √(1 − g²F_{φ′}(c∞)) (linearization about the plateau)
        double kappa = Math.min(Math.sqrt(Math.max(0.0, 1.0 - mf.g2 * mf.slopeCorrelation(mu, c0, cInf))), 1.0 / ou.tau());
        return NoisySolutions.finish(mf, engine, network, ou.sigma(), c0, cInf, mu, kappa, tau, c, withLyapunov);
    }

    /**
     * The transition to chaos with OU noise: {gCritical, gLocal}, g_c where λ_max = 0 (ground state of the same
     * stability operator, on the coloured c(τ); Brent on g) and g_local where g²⟨φ′²⟩ = 1 at the noisy c0. As τ_n → 0
     * both tend to the white-noise values; as σ → 0 to the noiseless fixed-point instability (1 for tanh).
     */
    @Override
    public Transition transition(RateNetwork network) {
        noise(network);
        MeanField base = MeanField.of(network, engine);
        OuNoiseDmft coarse = new OuNoiseDmft(options.withDTau(Math.max(options.dTau(), 0.02)));
        return NoisySolutions.transition(network, g -> {
            NoisyDmftSolution s = coarse.solveWithoutLyapunov(network, g);
            return s.stabilityGain() - 1.0;
        }, net -> coarse.solve(net).lambdaMax(), base);
    }

    /** The stationary state at gain g without the (costlier) Lyapunov exponent (λ_max reported as NaN). */
    private NoisyDmftSolution solveWithoutLyapunov(RateNetwork network, double g) {
        org.chaoslab.model.Couplings cp = network.couplings();
        RateNetwork net = network.withCouplings(new org.chaoslab.model.Couplings(g, cp.meanCoupling(), cp.symmetry(),
                cp.zeroDiagonal(), cp.precision()));
        return solve(net, false);
    }

    private double h() {
        return options.dTau();
    }

    private static Noise.OrnsteinUhlenbeck noise(RateNetwork network) {
        if (!(network.input().noise() instanceof Noise.OrnsteinUhlenbeck ou) || !(ou.sigma() > 0)) {
            throw new IllegalArgumentException("noise must be ou:SIGMA:TAU with SIGMA > 0 for the OU-noise DMFT (got "
                    + network.input().noise().label() + ")");
        }
        return ou;
    }

    /** Schuecker et al. 2018: c_noise = σ²/(2(1 − τ_n²))[e^{−τ} − τ_n e^{−τ/τ_n}]; τ_n = 1: σ²(1 + τ)e^{−τ}/4. */
    private static double[] noisePart(Noise.OrnsteinUhlenbeck ou, double[] tau) {
        double s2 = ou.sigma() * ou.sigma();
        double tn = ou.tau();
        double[] noise = new double[tau.length];
        for (int k = 0; k < tau.length; k++) {
            double t = tau[k];
            noise[k] = Math.abs(1.0 - tn) < 1e-6 ? 0.25 * s2 * (1 + t) * Math.exp(-t)
                    : s2 / (2 * (1 - tn * tn)) * (Math.exp(-t) - tn * Math.exp(-t / tn));
        }
        return noise;
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
