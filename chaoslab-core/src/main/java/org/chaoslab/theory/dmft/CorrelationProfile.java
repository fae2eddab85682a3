package org.chaoslab.theory.dmft;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * The autocovariance Δ(τ) of the chaotic solution on a uniform lag grid, and C(τ) = F_φ(Δ(τ)).
 *
 * <h2>Method</h2>
 * Energy conservation gives the quadrature (SCS 1988)
 * <pre>  τ(Δ) = ∫_Δ^{Δ0} dΔ′ / √(2[V(Δ0) − V(Δ′)]).</pre>
 * With the endpoint substitution Δ′ = Δ0 − u² the integrand becomes regular:
 * D(u) = V(Δ0) − V(Δ0 − u²) = ∫₀ᵘ 2w R(w) dw with the force R(u) = r(Δ0 − u²), so
 * D(u) = u² E(u), E(u) = ∫₀¹ 2t R(ut) dt, and dτ/du = 1/√(E(u)/2).
 * Its inverse is the first-order equation du/dτ = √(E(u)/2), u(0) = 0, integrated with Dormand–Prince
 * 8(5,3) and dense output onto the grid. Unlike the Newtonian form Δ″ = −V′(Δ), whose homoclinic orbit
 * is unstable at rate κ (errors grow like e^{κτ}), this flow is attracting at u∞ = √(Δ0 − Δ∞)
 * (u∞ − u decays like e^{−κτ}), so errors do not grow along the tail.
 *
 * <p>F_φ(Δ0 − u²) is sampled once on Chebyshev–Lobatto points in u (the inner standard deviation of
 * the engine's decomposition is exactly u; the variable makes kinked φ smooth and puts the
 * singularities of smooth φ at O(1) distance), refined by doubling until the coefficients have
 * decayed to 10⁻¹³; the force R, the energy E and C(τ) are then evaluated from the series. E is
 * computed by exact Gauss–Legendre quadratures of the polynomial integrals, from u = 0 on the first
 * half and from u∞ on the second (using V(Δ0) = V(Δ∞)), so that near the plateau its relative
 * accuracy is that of the force (≈ 10⁻¹⁶ Δ0/(κ²(Δ − Δ∞)))
 * rather than that of a difference of energies. Once Δ − Δ∞ falls below 10⁻¹⁰ (Δ0 − Δ∞) the tail
 * continues as the linearized solution Δ − Δ∞ ∝ e^{−κτ}, κ = √(1 − g²F_{φ′}(Δ∞)).
 *
 * <p>Measured: the grid values satisfy Δ″ = Δ − g²C − σ_I² to the truncation error of the central
 * difference; the Fourier fixed point g²Ĉ(ω)/(1 + ω²) reproduces Δ − Δ∞ to ≈ 5·10⁻¹¹ (Δ0 − Δ∞).
 */
final class CorrelationProfile {

    /** The profile on the grid, and τ½. */
    record Result(double[] tau, double[] delta, double[] rate, double tauHalf, int chebyshevDegree) {
    }

    private static final double COEFFICIENT_TOLERANCE = 1e-13;
    private static final int MIN_DEGREE = 16;
    private static final int MAX_DEGREE = 512;
    private static final double TAIL_SWITCH = 1e-10;

    private CorrelationProfile() {
    }

    /** The constant profile of a fixed point: Δ(τ) ≡ q, C(τ) ≡ ⟨φ²⟩. */
    static Result constant(double q, double c0, DmftOptions options) {
        int n = options.points();
        double[] tau = grid(options);
        double[] d = new double[n];
        double[] c = new double[n];
        Arrays.fill(d, q);
        Arrays.fill(c, c0);
        return new Result(tau, d, c, Double.NaN, 0);
    }

    static double[] grid(DmftOptions options) {
        int n = options.points();
        double[] tau = new double[n];
        for (int k = 0; k < n; k++) {
            tau[k] = k * options.dTau();
        }
        return tau;
    }

    /**
     * The chaotic profile.
     *
     * @param kappa the tail rate √(1 − g²F_{φ′}(Δ∞))
     */
    static Result chaotic(MeanField mf, double delta0, double deltaInf, double mu, double kappa, DmftOptions options) {
        double uInf = Math.sqrt(delta0 - deltaInf);
        Chebyshev rate = rateSeries(mf, delta0, deltaInf, mu, uInf);
        int n = rate.degree();

        EnergyFunction eHat = new EnergyFunction(rate, mf.g2, mf.inputVariance, delta0, uInf);

        double[] tau = grid(options);
        int points = tau.length;
        double[] v = new double[points];
        integrate(eHat, uInf, tau, v);

        // linearized tail once Δ − Δ∞ = v(2u∞ − v) is down to 10⁻¹⁰ of its range
        double span = uInf * uInf;
        int switchAt = -1;
        for (int k = 1; k < points; k++) {
            if (v[k] * (2.0 * uInf - v[k]) <= TAIL_SWITCH * span) {
                switchAt = k;
                break;
            }
        }
        if (switchAt > 0 && kappa > 0) {
            for (int k = switchAt + 1; k < points; k++) {
                // v ∝ Δ − Δ∞ ∝ e^{−κτ} to relative O(v/u∞) ≤ 10⁻¹⁰
                v[k] = v[switchAt] * Math.exp(-kappa * (tau[k] - tau[switchAt]));
            }
        }
        double[] delta = new double[points];
        double[] c = new double[points];
        for (int k = 0; k < points; k++) {
            double vk = Math.max(v[k], 0.0);
            delta[k] = deltaInf + vk * (2.0 * uInf - vk);
            c[k] = rate.value(uInf - vk);
        }
        delta[0] = delta0;
        double tauHalf = halfTime(eHat, uInf);
        return new Result(tau, delta, c, tauHalf, n);
    }

    /** Chebyshev series of u ↦ F_φ(Δ0 − u²; μ, Δ0) on [0, u∞], refined by doubling the degree. */
    private static Chebyshev rateSeries(MeanField mf, double delta0, double deltaInf, double mu, double uInf) {
        int n = MIN_DEGREE;
        double[] values = sample(mf, delta0, deltaInf, mu, uInf, n, null);
        Chebyshev series = Chebyshev.fromValues(0.0, uInf, values);
        while (series.tail() > COEFFICIENT_TOLERANCE * series.scale() && n < MAX_DEGREE) {
            n *= 2;
            values = sample(mf, delta0, deltaInf, mu, uInf, n, values);
            series = Chebyshev.fromValues(0.0, uInf, values);
        }
        return series;
    }

    /** Values at the n + 1 Lobatto points; those at even indices are reused from the previous level. */
    private static double[] sample(MeanField mf, double delta0, double deltaInf, double mu, double uInf, int n,
                                   double[] previous) {
        double[] x = Chebyshev.points(0.0, uInf, n);
        double[] v = new double[n + 1];
        IntStream.rangeClosed(0, n).parallel().forEach(j -> {
            if (previous != null && j % 2 == 0) {
                v[j] = previous[j / 2];
                return;
            }
            double u = x[j];
            double c = j == 0 ? deltaInf : (j == n ? delta0 : delta0 - u * u);
            v[j] = mf.rateCorrelation(mu, delta0, c);
        });
        return v;
    }

    /**
     * The deviation v = u∞ − u obeys dv/dτ = −sgn(v) √(E(u∞ − v)/2), v(0) = u∞; integrated for v rather
     * than u so that the relative error control of the integrator applies to Δ − Δ∞ = v(2u∞ − v) along
     * the whole tail. Sampled on the grid by the integrator's dense output.
     */
    private static void integrate(EnergyFunction energy, double uInf, double[] tau, double[] out) {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double speed = Math.sqrt(0.5 * Math.max(energy.atDeviation(y[0]), 0.0));
                return new double[] {y[0] >= 0.0 ? -speed : speed};
            }
        };
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(1e-12, Math.max(1.0, tau[tau.length - 1]), 1e-300, 1e-13);
        int[] next = {1};
        out[0] = uInf;
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double end = interpolator.getCurrentState().getTime();
                while (next[0] < tau.length && tau[next[0]] <= end) {
                    out[next[0]] = interpolator.getInterpolatedState(tau[next[0]]).getPrimaryState()[0];
                    next[0]++;
                }
            }
        });
        if (tau.length > 1) {
            integrator.integrate(ode, new ODEState(0.0, new double[] {uInf}), tau[tau.length - 1]);
        }
        for (int k = next[0]; k < tau.length; k++) {
            out[k] = out[next[0] - 1];
        }
    }

    /** τ½ = ∫₀^{u½} du / √(Ê(u)/2), u½ = u∞/√2 (Δ − Δ∞ = (Δ0 − Δ∞)/2), by Gauss–Legendre. */
    private static double halfTime(EnergyFunction eHat, double uInf) {
        double uHalf = uInf / Math.sqrt(2.0);
        GaussIntegrator gl = new GaussIntegratorFactory().legendre(96, 0.0, uHalf);
        return gl.integrate(u -> 1.0 / Math.sqrt(0.5 * eHat.applyAsDouble(u)));
    }

    /**
     * E(u) = D(u)/u², D(u) = V(Δ0) − V(Δ0 − u²), from the Chebyshev series of F. Two exact
     * Gauss–Legendre representations of the polynomial integrals avoid cancellation at both ends:
     * near u = 0, E(u) = ∫₀¹ 2t R(ut) dt; near u∞ (using V(Δ0) = V(Δ∞)),
     * D(u) = −∫_u^{u∞} 2w [R(w) − R(u∞)] dw, which is O((u∞ − u)²) term by term, so that the
     * relative accuracy of E near the plateau is that of the force R, not of V. Subtracting
     * R(u∞) = r(Δ∞) (≈ 10⁻¹⁶) makes the double zero at u∞ exact.
     */
    private static final class EnergyFunction implements java.util.function.DoubleUnaryOperator {
        private final Chebyshev rate;
        private final double g2;
        private final double s2;
        private final double delta0;
        private final double uInf;
        private final double uSplit;
        private final double forceEnd;
        private final double[] nodes;
        private final double[] weights;

        EnergyFunction(Chebyshev rate, double g2, double s2, double delta0, double uInf) {
            this.rate = rate;
            this.g2 = g2;
            this.s2 = s2;
            this.delta0 = delta0;
            this.uInf = uInf;
            this.uSplit = uInf / Math.sqrt(2.0);
            int m = rate.degree() / 2 + 2; // exact for the degree-(n + 1) integrands
            GaussIntegrator gl = new GaussIntegratorFactory().legendre(m, 0.0, 1.0);
            nodes = new double[m];
            weights = new double[m];
            for (int i = 0; i < m; i++) {
                nodes[i] = gl.getPoint(i);
                weights[i] = gl.getWeight(i);
            }
            this.forceEnd = force(uInf);
        }

        /** R(w) = r(Δ0 − w²) = g²F_φ(Δ0 − w²) + σ_I² − Δ0 + w². */
        private double force(double w) {
            return g2 * rate.value(w) + s2 - delta0 + w * w;
        }

        /** E(u). */
        @Override
        public double applyAsDouble(double u) {
            return u <= uSplit ? nearStart(u) : atDeviation(uInf - u);
        }

        /** E(u∞ − v), accurate in relative terms for small v (also for v slightly negative). */
        double atDeviation(double v) {
            double u = uInf - v;
            if (u <= uSplit) {
                return nearStart(u);
            }
            double sum = 0.0;
            for (int i = 0; i < nodes.length; i++) {
                double w = uInf - v * (1.0 - nodes[i]); // w runs over [u, u∞]
                sum += weights[i] * 2.0 * w * (force(w) - forceEnd);
            }
            return -v * sum / (u * u);
        }

        /** E(u) = ∫₀¹ 2t R(ut) dt. */
        private double nearStart(double u) {
            double sum = 0.0;
            for (int i = 0; i < nodes.length; i++) {
                double t = nodes[i];
                sum += weights[i] * 2.0 * t * force(u * t);
            }
            return sum;
        }
    }
}
