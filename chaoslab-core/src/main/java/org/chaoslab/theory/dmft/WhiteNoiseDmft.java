package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * DMFT of the rate network driven by Gaussian white noise, dx_i/dt = −x_i + Σ_j J_ij φ(x_j) + I_i + ξ_i,
 * ⟨ξ_i(t)ξ_j(s)⟩ = σ²δ_ij δ(t − s), J_ij ~ N(J0/N, g²/N), static input I_i with population mean I and variance
 * σ_I², any φ (Schuecker, Goedeke &amp; Helias, PRX 8:041029 (2018), "SGH", generalized here as
 * {@link DmftSolver} generalizes SCS 1988).
 *
 * <h2>Equations</h2>
 * x_i = μ + δx_i with μ = I + J0⟨φ(x)⟩ (x ~ N(μ, c0)), and the centred autocovariance c(τ) obeys
 * <pre>  (1 − ∂τ²) c(τ) = g² F_φ(c(τ); μ, c0) + σ_I² + σ²δ(τ)            (SGH eq. 5 with mean and static input)</pre>
 * For τ &gt; 0 this is Newtonian motion c″ = −∂V/∂c in V(c; c0) = −c²/2 + g² F_Φ(c; μ, c0) + σ_I² c (Price's
 * theorem, Φ′ = φ), with the kink c′(0±) = ∓σ²/2 from the δ source. The bounded solution comes to rest at the plateau
 * c∞ = g²F_φ(c∞) + σ_I² (a maximum of V; {@link Plateau}), which is 0 for odd φ without input and
 * g²⟨⟨φ⟩_z⟩² + σ_I² &gt; 0 otherwise (the quenched part of the variance). Energy conservation from τ = 0⁺ to ∞ gives
 * <pre>  V(c0) − V(c∞) + σ⁴/8 = 0,</pre>
 * i.e. for odd φ without input the SGH condition c0²/2 − σ⁴/8 = g² Var Φ(x). It is solved for c0 (with μ(c0) and
 * c∞(c0) self-consistent at each trial) by a scan upward from the g = 0 value σ²/2 (c0 ≥ σ²/2: the recurrent input
 * adds the non-negative g²K∗C) to the first sign change, then Brent (linear φ: σ²/(2√(1 − g²)) + quenched part).
 * The profile follows from ½c′² = V(c∞) − V(c): with y = ln(c − c∞), dy/dτ = −√(K), K = 2[V(c∞) − V(c)]/(c − c∞)²,
 * integrated by Dormand–Prince 8(5,3). K is evaluated without cancellation: with V′(c∞) = 0 and V″ = −1 + g²F_{φ′}
 * (Price's theorem twice), Taylor's remainder gives K(v) = 1 − 2g²∫₀¹(1 − t) F_{φ′}(c∞ + tv) dt, v = c − c∞, whose
 * limit at v → 0 is κ² = 1 − g²F_{φ′}(c∞) (the tail e^{−κτ}); F_{φ′} on [c∞, c0] is one Chebyshev interpolant in
 * u = √(c0 − c) (smooth also for kinked φ), the t-integral Gauss–Legendre in w = √(1 − t). (The direct difference of
 * two F_Φ quadratures divided by v² lost its digits near the tail and made the integrator crawl: minutes for a
 * sigmoid at σ = 0.1.)
 *
 * <p>The largest Lyapunov exponent (two copies with the same noise) is the ground state of the same operator
 * H = −∂τ² + 1 − g²F_{φ′}(c(τ)) as without noise ({@link DmftLyapunov}); with noise c′ is no zero mode (the kink),
 * and the transition to chaos, λ_max = 0, lies above the local-stability line g²⟨φ′²⟩ = 1 (SGH, Fig. 3).
 * Stateless apart from its options; thread-safe.
 */
public final class WhiteNoiseDmft implements NoisyDmftSolver {

    private final DmftOptions options;
    private final GaussianExpectation engine;

    /** A solver on the lag grid of {@code options}. */
    public WhiteNoiseDmft(DmftOptions options) {
        this.options = options;
        this.engine = new GaussianExpectation(options.quadrature());
    }

    /** The Gaussian engine used. */
    @Override
    public GaussianExpectation engine() {
        return engine;
    }

    /**
     * Solves the noisy DMFT of {@code network}, whose input must carry {@link Noise.White} noise with σ &gt; 0.
     *
     * @throws IllegalArgumentException for other noise
     * @throws NoSolutionException      if the activity diverges (no bounded stationary solution)
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
        double sigma = sigma(network);
        MeanField mf = MeanField.of(network, engine);
        Trial t = variance(mf, sigma);
        double c0 = t.c0;
        double mu = t.mean;
        double cInf = t.plateau;
        double[] tau = CorrelationProfile.grid(options);
        double[] c = profile(mf, sigma, t, tau);
        return NoisySolutions.finish(mf, engine, network, sigma, c0, cInf, mu, Math.sqrt(Math.max(0.0,
                1.0 - mf.g2 * mf.slopeCorrelation(mu, c0, cInf))), tau, c, withLyapunov);
    }

    /**
     * The transition to chaos: the gain g_c at which λ_max = 0 (Brent on g), and the local-stability line g_local where
     * g²⟨φ′²⟩ = 1 at the noisy stationary state. Returns {gCritical, gLocal} (NaN where no root is found).
     */
    @Override
    public Transition transition(RateNetwork network) {
        double sigma = sigma(network);
        MeanField base = MeanField.of(network, engine);
        WhiteNoiseDmft coarse = new WhiteNoiseDmft(options.withDTau(Math.max(options.dTau(), 0.02)));
        return NoisySolutions.transition(network, g -> {
            MeanField mf = base.withGain(g);
            Trial t = variance(mf, sigma);
            return mf.g2 * mf.meanSquareSlope(t.mean, t.c0) - 1.0;
        }, net -> coarse.solve(net).lambdaMax(), base);
    }

    private static double sigma(RateNetwork network) {
        if (!(network.input().noise() instanceof Noise.White w)) {
            throw new IllegalArgumentException("noise must be white:SIGMA for the white-noise DMFT (got "
                    + network.input().noise().label() + ")");
        }
        if (!(w.sigma() > 0)) {
            throw new IllegalArgumentException("noise sigma must be > 0 for the noisy DMFT");
        }
        return w.sigma();
    }

    /** One trial c0 with its self-consistent mean, plateau and energy residual. */
    record Trial(double c0, double mean, double plateau, double residual) {
    }

    /**
     * The energy residual V(c0) − V(c∞) + σ⁴/8 at trial c0 (Φ centred to limit cancellation); where r has no root on
     * [0, c0] (c0 below the static solution) a positive surrogate σ⁴/8 + |r(c0)|c0 (c0 is too small there).
     */
    Trial trial(MeanField mf, double sigma, double c0) {
        double mu = mf.selfConsistentMean(c0);
        double cInf = Plateau.of(mf, mu, c0);
        double s4 = Math.pow(sigma, 4);
        if (Double.isNaN(cInf)) {
            double r = mf.g2 * mf.rateCorrelation(mu, c0, c0) + mf.inputVariance - c0;
            return new Trial(c0, mu, cInf, s4 / 8.0 + Math.abs(r) * c0);
        }
        PiecewiseSmooth centred = mf.bigPhi.minus(engine.expectation(mf.bigPhi, mu, c0));
        double energy = -0.5 * (c0 - cInf) * (c0 + cInf)
                + mf.g2 * (engine.correlation(centred, mu, c0, c0) - engine.correlation(centred, mu, c0, cInf))
                + mf.inputVariance * (c0 - cInf);
        return new Trial(c0, mu, cInf, energy + s4 / 8.0);
    }

    /** c0 from V(c0) − V(c∞) + σ⁴/8 = 0 (SGH eq. 8, generalized). */
    Trial variance(MeanField mf, double sigma) {
        double lo = 0.5 * sigma * sigma;      // g = 0 value; the recurrent input only adds variance
        Trial low = trial(mf, sigma, lo);
        if (low.residual <= 0) {
            return low;
        }
        double hi = lo;
        Trial high = low;
        for (int k = 0; k < 400 && high.residual > 0; k++) {
            lo = hi;
            low = high;
            hi *= 1.25;
            high = trial(mf, sigma, hi);
            if (!Double.isFinite(high.residual) || hi > 1e12 * (1 + sigma * sigma)) {
                break;
            }
        }
        if (!(high.residual <= 0)) {
            throw new NoSolutionException("no bounded noisy solution (the activity diverges; g^2<phi'>^2 >= 1?)");
        }
        double a = lo;
        double b = hi;
        double root = new BracketingNthOrderBrentSolver(1e-15, 1e-14 * b, 1e-15 * b * b, 5)
                .solve(500, x -> trial(mf, sigma, x).residual, a, b, AllowedSolution.ANY_SIDE);
        Trial t = trial(mf, sigma, root);
        if (Double.isNaN(t.plateau)) {
            throw new NoSolutionException("noisy DMFT root-finding ended where no plateau exists (c0 = " + root + ")");
        }
        return t;
    }

    private double[] profile(MeanField mf, double sigma, Trial t, double[] tau) {
        double c0 = t.c0;
        double mu = t.mean;
        double cInf = t.plateau;
        double amplitude = c0 - cInf;
        // F_φ′(c) for c in [c∞, c0] as a Chebyshev series in u = √(c0 − c) (refined until its coefficients decay)
        double top = Math.sqrt(amplitude);
        Chebyshev slope = null;
        for (int degree = 16; degree <= 1024; degree *= 2) {
            double[] u = Chebyshev.points(0.0, top, degree);
            double[] v = new double[u.length];
            for (int k = 0; k < u.length; k++) {
                v[k] = mf.slopeCorrelation(mu, c0, Math.max(cInf, c0 - u[k] * u[k]));
            }
            slope = Chebyshev.fromValues(0.0, top, v);
            if (slope.tail() <= 1e-13 * slope.scale()) {
                break;
            }
        }
        Chebyshev f = slope;
        // K(v) = 1 − 2g² ∫₀¹ (1 − t) F_φ′(c∞ + t v) dt = 1 − 4g² ∫₀¹ w³ F_φ′(c∞ + (1 − w²) v) dw (t = 1 − w²)
        org.hipparchus.analysis.integration.gauss.GaussIntegrator rule =
                new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(32, 0.0, 1.0);
        int points = rule.getNumberOfPoints();
        double[] nodes = new double[points];
        double[] weights = new double[points];
        for (int q = 0; q < points; q++) {
            nodes[q] = rule.getPoint(q);
            weights[q] = rule.getWeight(q) * nodes[q] * nodes[q] * nodes[q];
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double time, double[] y) {
                double v = Math.min(Math.exp(y[0]), amplitude);
                double integral = 0.0;
                for (int q = 0; q < points; q++) {
                    double w2 = nodes[q] * nodes[q];
                    // √(c0 − c) at c = c∞ + (1 − w²)v
                    integral += weights[q] * f.value(Math.sqrt(Math.max(0.0, amplitude - v + w2 * v)));
                }
                double k = 1.0 - 4.0 * mf.g2 * integral;
                return new double[] {-Math.sqrt(Math.max(0.0, k))};
            }
        };
        double[] out = new double[tau.length];
        out[0] = c0;
        if (tau.length < 2) {
            return out;
        }
        double y0 = Math.log(amplitude);
        double[] logs = new double[tau.length];
        logs[0] = y0;
        int[] next = {1};
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-10, 5.0, 1e-11, 1e-11);
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double end = interpolator.getCurrentState().getTime();
                while (next[0] < tau.length && tau[next[0]] <= end) {
                    logs[next[0]] = interpolator.getInterpolatedState(tau[next[0]]).getPrimaryState()[0];
                    next[0]++;
                }
            }
        });
        integrator.integrate(ode, new ODEState(0.0, new double[] {y0}), tau[tau.length - 1]);
        for (int k = next[0]; k < tau.length; k++) {
            logs[k] = logs[next[0] - 1];
        }
        for (int k = 1; k < tau.length; k++) {
            out[k] = cInf + Math.exp(logs[k]);
        }
        return out;
    }
}
