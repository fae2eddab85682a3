package org.chaoslab.theory.glauber;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.StimulusNetwork;

/**
 * The rate network matched to a stimulus-driven Glauber network (Keup, Kühn, Dahmen &amp; Helias, PRX 11:021064
 * (2021); derivation in {@link GlauberAutocorrelation}, not a quotation): τ dy = (−y + F(h)) dt + √(2τa) dW,
 * h = Σ J y + x(θ) − b, F(h) = H(−h/σ), with the Glauber network's N, g, J0, b, σ, τ and the output-noise variance
 * a = m − C_x(0) of the dynamic mean field <b>with the stimulus</b>: every unit receives the static input
 * x_i(θ) = s(ξ_i cos θ + η_i sin θ), a quenched input of variance s² across units, so the field has variance
 * g² m + s² + σ² and lag covariance g² C_n(s) + s² ({@link GlauberStationaryState#solve(org.chaoslab.model.GlauberNetwork,
 * double, GaussianExpectation)}). The value of a does not depend on θ: for every stimulus of the circle the input
 * has the same variance s² over units.
 *
 * <p>With this a the matched network shares the Glauber network's single-trial statistics at the stimulus: mean
 * response m, same-trial second moment (1/N)Σ y² = m (so the population variance of y is m(1 − m), as for 0/1 units),
 * the autocorrelation C_n(s), and, through the quenched argument of {@code theory.kernel.BinaryKernelTheory}, the
 * cross-trial kernel of independent trials: K(0⁺) = q = C_n(∞) (the time-averaged rates are functions of the static
 * field in both networks). a without the stimulus (s = 0) is larger: the static stimulus freezes part of the activity.
 *
 * <p>Numerics: the dynamic mean field is solved on lags 0, 0.01τ, …, 20τ by default. Measured (g = 1, 0.5, 2; s = 0,
 * 0.5, 1, 2): halving the step to 0.005τ changes a by 1·10⁻⁶ … 1.0·10⁻⁵ (the filter is second order, so the default's
 * error is ≈ 4/3 of that), cutting the lags at 15τ instead of 30τ by less than 4·10⁻¹¹. A solve takes 1–6 s (most
 * of it in the near-step orthant integrals at small lags, more of them the larger s²/(g² m)).
 */
public final class MatchedRate {

    /** Default lag step of the dynamic mean field, in units of τ. */
    public static final double LAG_STEP = 0.01;
    /** Default largest lag of the dynamic mean field, in units of τ. */
    public static final double MAX_LAG = 20.0;

    private MatchedRate() {
    }

    /**
     * The matched rate network of a GLAUBER stimulus network driven by stimuli of strength s.
     *
     * @param glauber a {@link StimulusNetwork.Kind#GLAUBER} network
     * @param s       the stimulus strength (input variance s² across units; {@code Stimuli.Circle} scale)
     * @param dt      the time step of the matched network, 0 &lt; dt ≤ τ
     * @return the {@link StimulusNetwork.Kind#MATCHED_RATE} network with the same N, g, J0, b, σ, τ, precision and a
     */
    public static StimulusNetwork of(StimulusNetwork glauber, double s, double dt) {
        return of(glauber, s, dt, GaussianExpectation.standard());
    }

    /** As {@link #of(StimulusNetwork, double, double)} with a given Gaussian-integral engine. */
    public static StimulusNetwork of(StimulusNetwork glauber, double s, double dt, GaussianExpectation engine) {
        return of(glauber, theory(glauber, s, engine), dt);
    }

    /**
     * The matched rate network with the output noise of an already solved dynamic mean field (from
     * {@link #theory}: it must belong to {@code glauber} at the intended stimulus strength; its network is checked).
     */
    public static StimulusNetwork of(StimulusNetwork glauber, GlauberAutocorrelation theory, double dt) {
        checkGlauber(glauber);
        if (!theory.state().network().equals(glauber.glauberNetwork())) {
            throw new IllegalArgumentException("the dynamic mean field belongs to " + theory.state().network()
                    + ", not to " + glauber.glauberNetwork());
        }
        double a = theory.outputNoiseVariance();
        return new StimulusNetwork(StimulusNetwork.Kind.MATCHED_RATE, glauber.n(), glauber.g(), glauber.meanCoupling(),
                glauber.threshold(), 0.0, null, glauber.thresholdNoise(), a, glauber.tau(), dt, glauber.precision());
    }

    /** The dynamic mean field of the GLAUBER network at stimulus strength s on the default lag grid. */
    public static GlauberAutocorrelation theory(StimulusNetwork glauber, double s, GaussianExpectation engine) {
        return theory(glauber, s, LAG_STEP, MAX_LAG, engine);
    }

    /**
     * The dynamic mean field of the GLAUBER network at stimulus strength s: its {@link GlauberAutocorrelation#state()}
     * holds m and q, {@link GlauberAutocorrelation#outputNoiseVariance()} the matched a.
     *
     * @param step   lag step in units of τ
     * @param maxLag largest lag in units of τ (several correlation times)
     */
    public static GlauberAutocorrelation theory(StimulusNetwork glauber, double s, double step, double maxLag,
                                                GaussianExpectation engine) {
        checkGlauber(glauber);
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("stimulus strength s must be finite and >= 0 (got " + s + ")");
        }
        double tau = glauber.tau();
        GlauberStationaryState state = GlauberStationaryState.solve(glauber.glauberNetwork(), s * s, engine);
        return GlauberAutocorrelation.solve(state, step * tau, maxLag * tau, engine);
    }

    private static void checkGlauber(StimulusNetwork glauber) {
        if (glauber == null || glauber.kind() != StimulusNetwork.Kind.GLAUBER) {
            throw new IllegalArgumentException("the matched rate network needs a glauber network (got "
                    + (glauber == null ? "null" : glauber.kind().label()) + ")");
        }
    }
}
