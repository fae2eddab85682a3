package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * DMFT of the rate network driven by Gaussian white noise, dx_i/dt = −x_i + Σ_j J_ij φ(x_j) + ξ_i,
 * ⟨ξ_i(t)ξ_j(s)⟩ = σ²δ_ij δ(t − s), J_ij ~ N(0, g²/N), for odd φ without mean coupling or constant
 * input (Schuecker, Goedeke &amp; Helias, PRX 8:041029 (2018), "SGH").
 *
 * <h2>Equations</h2>
 * (1 − ∂τ²) c(τ) = g² F_φ(c(τ); c0) + σ²δ(τ) (SGH eq. 5): for τ &gt; 0 Newtonian motion
 * c″ = −∂V/∂c in V(c; c0) = −c²/2 + g² F_Φ(c; c0), with the kink c′(0±) = ∓σ²/2 from the δ source.
 * The bounded solution comes to rest at c = 0 (odd φ), so energy conservation from τ = 0⁺ to ∞ gives
 * the self-consistency (SGH eq. 8)
 * <pre>  c0²/2 − σ⁴/8 = g² Var Φ(x),  x ~ N(0, c0),</pre>
 * solved for c0 by Brent's method (g = 0 gives the OU value σ²/2, linear φ σ²/(2√(1 − g²))). The profile
 * follows from ½c′² = V(0) − V(c): with y = ln c, dy/dτ = −√(K(c))/c, K(c) = c² − 2g² F_Φ̃(c; c0)
 * (Φ̃ = Φ − ⟨Φ⟩, so F_Φ̃(0) = 0), integrated by Dormand–Prince 8(5,3) from y = ln c0; below
 * c = 10⁻⁴c0 the Mehler series K/c² = 1 − g²⟨φ′⟩² + O(c²) is used (the tail e^{−κτ}).
 *
 * <p>The largest Lyapunov exponent (two copies with the same noise) is the ground state of the same
 * operator H = −∂τ² + 1 − g²F_{φ′}(c(τ)) as without noise ({@link DmftLyapunov}); with noise Δ′ is no
 * zero mode (the kink), and the transition to chaos, λ_max = 0, lies above the local-stability line
 * g²⟨φ′²⟩ = 1 (SGH, Fig. 3). Stateless apart from its options; thread-safe.
 */
public final class WhiteNoiseDmft {

    private static final double TAIL = 1e-4;

    private final DmftOptions options;
    private final GaussianExpectation engine;

    /** A solver on the lag grid of {@code options}. */
    public WhiteNoiseDmft(DmftOptions options) {
        this.options = options;
        this.engine = new GaussianExpectation(options.quadrature());
    }

    /** The Gaussian engine used. */
    public GaussianExpectation engine() {
        return engine;
    }

    /**
     * Solves the noisy DMFT of {@code network}, whose input must carry {@link Noise.White} noise.
     *
     * @throws IllegalArgumentException for other noise, non-odd φ, a mean coupling or a constant input
     */
    public NoisyDmftSolution solve(RateNetwork network) {
        double sigma = sigma(network);
        MeanField mf = MeanField.of(network, engine);
        double c0 = variance(mf, sigma);
        double[] tau = CorrelationProfile.grid(options);
        double[] c = profile(mf, sigma, c0, tau);
        double[] rate = new double[tau.length];
        for (int k = 0; k < tau.length; k++) {
            rate[k] = mf.rateCorrelation(0.0, c0, c[k]);
        }
        double meanSlope = engine.expectation(mf.dphi, 0.0, c0);
        double kappa = Math.sqrt(Math.max(0.0, 1.0 - mf.g2 * meanSlope * meanSlope));
        double s = mf.g2 * mf.meanSquareSlope(0.0, c0);
        double lambda = mf.g == 0.0 ? -1.0
                : new DmftLyapunov(engine, 0.01).groundState(tau, c, c0, 0.0, 0.0, mf.g, kappa, network.transfer()).lambdaMax();
        return new NoisyDmftSolution(mf.g, network.transfer().name(), network.input().noise().label(), sigma, c0,
                mf.meanSquareRate(0.0, c0), kappa, s, lambda, lambda > 0 ? "chaotic" : "noise-driven", tau, c, rate);
    }

    /**
     * The transition to chaos: the gain g_c at which λ_max = 0 (Brent on g), and the local-stability line g_local where
     * g²⟨φ′²⟩ = 1 at the noisy c0. Returns {gCritical, gLocal}.
     */
    public double[] transition(RateNetwork network) {
        double sigma = sigma(network);
        MeanField base = MeanField.of(network, engine);
        double gLocal = root(g -> {
            MeanField mf = base.withGain(g);
            return mf.g2 * mf.meanSquareSlope(0.0, variance(mf, sigma)) - 1.0;
        }, 1.0 / Math.sqrt(base.meanSquareSlope(0.0, 0.0)));
        WhiteNoiseDmft coarse = new WhiteNoiseDmft(options.withDTau(Math.max(options.dTau(), 0.02)));
        org.chaoslab.model.Couplings c = network.couplings();
        double gCritical = root(g -> coarse.solve(network.withCouplings(new org.chaoslab.model.Couplings(g, 0.0, c.symmetry(),
                c.zeroDiagonal(), c.precision()))).lambdaMax(), gLocal);
        return new double[] {gCritical, gLocal};
    }

    private static double root(java.util.function.DoubleUnaryOperator f, double start) {
        double lo = start;
        double flo = f.applyAsDouble(lo);
        double hi = lo;
        double fhi = flo;
        for (int k = 0; k < 60 && Math.signum(fhi) == Math.signum(flo); k++) {
            if (flo > 0) {
                hi = lo;
                fhi = flo;
                lo = lo / 1.25;
                flo = f.applyAsDouble(lo);
            } else {
                lo = hi;
                flo = fhi;
                hi = hi * 1.25;
                fhi = f.applyAsDouble(hi);
            }
        }
        if (Math.signum(fhi) == Math.signum(flo)) {
            return Double.NaN;
        }
        return new BracketingNthOrderBrentSolver(1e-9, 1e-9, 1e-14, 5).solve(200, f::applyAsDouble,
                Math.min(lo, hi), Math.max(lo, hi), AllowedSolution.ANY_SIDE);
    }

    private static double sigma(RateNetwork network) {
        if (!(network.input().noise() instanceof Noise.White w)) {
            throw new IllegalArgumentException("the white-noise DMFT needs --noise white:SIGMA (got "
                    + network.input().noise().label() + ")");
        }
        TransferFunction phi = network.transfer();
        if (!(phi instanceof TransferFunctions.Tanh || phi instanceof TransferFunctions.ScaledErf
                || phi instanceof TransferFunctions.Linear)) {
            throw new IllegalArgumentException("the noisy DMFT is implemented for odd phi (tanh, erf, linear); got "
                    + phi.name());
        }
        ExternalInput in = network.input();
        if (in.mean() != 0.0 || in.variance() != 0.0 || network.couplings().meanCoupling() != 0.0) {
            throw new IllegalArgumentException("the noisy DMFT is implemented without constant input and with j0 = 0");
        }
        if (!(w.sigma() > 0)) {
            throw new IllegalArgumentException("noise sigma must be > 0 for the noisy DMFT");
        }
        return w.sigma();
    }

    /** Var Φ(x), x ~ N(0, c0), with the centred antiderivative (as in {@link ChaoticSolver}). */
    private double varBigPhi(MeanField mf, double c0) {
        double mean = engine.expectation(mf.bigPhi, 0.0, c0);
        PiecewiseSmooth centred = mf.bigPhi.minus(mean);
        return engine.correlation(centred, 0.0, c0, c0);
    }

    /** c0 from c0²/2 − σ⁴/8 = g² Var Φ (SGH eq. 8). */
    double variance(MeanField mf, double sigma) {
        double s4 = Math.pow(sigma, 4);
        java.util.function.DoubleUnaryOperator energy = c0 -> 0.5 * c0 * c0 - s4 / 8.0 - mf.g2 * varBigPhi(mf, c0);
        double lo = 0.5 * sigma * sigma;      // g = 0 value; g²Var Φ ≥ 0 puts the root above it
        if (energy.applyAsDouble(lo) >= 0) {
            return lo;
        }
        double hi = 2 * lo;
        for (int k = 0; k < 200 && energy.applyAsDouble(hi) < 0; k++) {
            lo = hi;
            hi *= 2;
        }
        if (energy.applyAsDouble(hi) < 0) {
            throw new NoSolutionException("no bounded noisy solution (activity diverges; g^2<phi'>^2 >= 1?)");
        }
        return new BracketingNthOrderBrentSolver(1e-15, 1e-14 * hi, 1e-15 * hi * hi, 5)
                .solve(500, energy::applyAsDouble, lo, hi, AllowedSolution.ANY_SIDE);
    }

    private double[] profile(MeanField mf, double sigma, double c0, double[] tau) {
        double mean = engine.expectation(mf.bigPhi, 0.0, c0);
        PiecewiseSmooth centred = mf.bigPhi.minus(mean);
        double slope = engine.expectation(mf.dphi, 0.0, c0);
        double tailK = 1.0 - mf.g2 * slope * slope;   // Mehler: K/c² → 1 − g²⟨φ′⟩² as c → 0
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double c = Math.exp(y[0]);
                double k;
                if (c < TAIL * c0) {
                    k = tailK;
                } else {
                    k = Math.max(0.0, (c * c - 2.0 * mf.g2 * engine.correlation(centred, 0.0, c0, Math.min(c, c0))) / (c * c));
                }
                return new double[] {-Math.sqrt(k)};
            }
        };
        double[] out = new double[tau.length];
        out[0] = c0;
        if (tau.length < 2) {
            return out;
        }
        double y0 = Math.log(c0);
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
            out[k] = Math.exp(logs[k]);
        }
        return out;
    }
}
