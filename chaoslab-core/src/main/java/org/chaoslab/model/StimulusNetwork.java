package org.chaoslab.model;

import java.util.Locale;

/**
 * A random network driven by a stimulus-dependent input x(θ) ({@link Stimuli}), whose responses to many stimuli
 * define a kernel (Bauer, Keup, Kadmon &amp; Helias 2026; Keup, Kühn, Dahmen &amp; Helias, PRX 11:021064 (2021);
 * science notes binary-deep-kernels §3, §5). Couplings J_ij ~ N(J0/N, g²/N) i.i.d. In units of τ:
 * <ul>
 *   <li>{@link Kind#BINARY_SYNC}: n_{t+1} = Θ(J n_t + x(θ) − b), n ∈ {0,1}, all units at once; response n.</li>
 *   <li>{@link Kind#GLAUBER}: the same field, each unit updated at Poisson times of rate 1/τ with threshold noise
 *       ξ ~ N(0, σ²): n_i ← Θ(h_i + ξ); response n.</li>
 *   <li>{@link Kind#RATE_SYNC}: x_{t+1} = J φ(x_t) + x(θ) + I; response φ(x).</li>
 *   <li>{@link Kind#RATE}: τ dx/dt = −x + J φ(x) + x(θ) + I, time step dt; response φ(x).</li>
 *   <li>{@link Kind#MATCHED_RATE}: τ dy = (−y + F(J y + x(θ) − b)) dt + √(2τa) dW, F(h) = H(−h/σ) (Θ for σ = 0),
 *       the rate network matched to GLAUBER ({@link MatchedRateNetwork}); response y.</li>
 *   <li>{@link Kind#BALANCED}: the balanced E/I binary network ({@link BalancedNetwork}: sparse couplings J_kl/√K,
 *       external drive √K E_k m0, thresholds θ_k, Poisson updates at rates 1/τ_E, 1/τ_I) with x_i(θ) added to every
 *       unit's input; response n. Its parameters are those of {@code balanced}; n = N_E + N_I, τ = τ_E, and the
 *       i.i.d.-coupling fields (g, J0, b, …) are unused.</li>
 * </ul>
 * Fields a kind does not use keep their defaults (0, or null for φ).
 *
 * @param kind                the dynamics
 * @param n                   N ≥ 2
 * @param g                   g ≥ 0 (coupling standard deviation g/√N)
 * @param meanCoupling        J0 (mean coupling J0/N)
 * @param threshold           b, the threshold of binary units (BINARY_SYNC, GLAUBER, MATCHED_RATE)
 * @param input               I, the constant input of rate units (RATE_SYNC, RATE)
 * @param transfer            φ (RATE_SYNC, RATE); null otherwise
 * @param thresholdNoise      σ ≥ 0 (GLAUBER, MATCHED_RATE)
 * @param outputNoiseVariance a ≥ 0 (MATCHED_RATE); the matched value for a GLAUBER network at stimulus strength s is
 *                            computed by {@code theory.glauber.MatchedRate.of(glauber, s, dt)} (it depends on s)
 * @param tau                 τ &gt; 0
 * @param dt                  time step &gt; 0 of the continuous-time kinds (RATE, MATCHED_RATE), ≤ τ
 * @param precision           storage of J in the simulator (binary sync: FLOAT32 selects the float32 product;
 *                            BFLOAT16: the couplings rounded to bfloat16, then widened to float64 for the stimulus
 *                            simulators, which read float arrays: the bfloat16 network, no memory saved)
 * @param balanced            the balanced network (BALANCED only; null otherwise)
 */
public record StimulusNetwork(Kind kind, int n, double g, double meanCoupling, double threshold, double input,
                              TransferFunction transfer, double thresholdNoise, double outputNoiseVariance, double tau,
                              double dt, Precision precision, BalancedNetwork balanced) {

    /** The dynamics of a stimulus-driven network. */
    public enum Kind {
        /** Synchronous binary map n ← Θ(Jn + x − b). */
        BINARY_SYNC,
        /** Asynchronous (Glauber) binary network, Poisson updates of rate 1/τ. */
        GLAUBER,
        /** Synchronous rate map x ← Jφ(x) + x(θ) + I. */
        RATE_SYNC,
        /** Continuous-time rate network. */
        RATE,
        /** The matched rate network of Keup et al. 2021 (output noise). */
        MATCHED_RATE,
        /** The balanced E/I binary network (van Vreeswijk &amp; Sompolinsky 1998), Poisson updates. */
        BALANCED;

        /** True for kinds whose response is a binary state n ∈ {0, 1}. */
        public boolean binary() {
            return this == BINARY_SYNC || this == GLAUBER || this == BALANCED;
        }

        /** True for kinds advanced synchronously, one update per unit per step. */
        public boolean synchronous() {
            return this == BINARY_SYNC || this == RATE_SYNC;
        }

        /** True for kinds integrated with a time step dt. */
        public boolean continuousTime() {
            return this == RATE || this == MATCHED_RATE;
        }

        /** Reads binary-sync, glauber, rate-sync, rate, matched-rate, balanced. */
        public static Kind parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "binary-sync", "binary" -> BINARY_SYNC;
                case "glauber" -> GLAUBER;
                case "rate-sync" -> RATE_SYNC;
                case "rate" -> RATE;
                case "matched-rate" -> MATCHED_RATE;
                case "balanced" -> BALANCED;
                default -> throw new IllegalArgumentException(
                        "kind must be one of binary-sync, glauber, rate-sync, rate, matched-rate, balanced (got '" + s + "')");
            };
        }

        /** The name {@link #parse} reads back. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public StimulusNetwork {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be given");
        }
        Validate.atLeast("n", n, 2);
        Validate.finiteAtLeast("g", g, 0.0);
        Validate.finite("j0", meanCoupling);
        Validate.finite("b (threshold)", threshold);
        Validate.finite("input", input);
        Validate.finiteAtLeast("sigma (threshold noise)", thresholdNoise, 0.0);
        Validate.finiteAtLeast("output noise variance", outputNoiseVariance, 0.0);
        Validate.positive("tau", tau);
        Validate.positive("dt", dt);
        if (kind.continuousTime() && dt > tau) {
            throw new IllegalArgumentException("dt must be <= tau = " + tau + " (got " + dt + ")");
        }
        if ((kind == Kind.RATE_SYNC || kind == Kind.RATE) && transfer == null) {
            throw new IllegalArgumentException("phi must be given for kind " + kind.label());
        }
        if (precision == null) {
            precision = Precision.FLOAT64;
        }
        if ((kind == Kind.BALANCED) != (balanced != null)) {
            throw new IllegalArgumentException(kind == Kind.BALANCED ? "the balanced network must be given for kind balanced"
                    : "a balanced network is given for kind " + kind.label());
        }
        if (balanced != null && (n != balanced.size() || tau != balanced.tauE())) {
            throw new IllegalArgumentException("n and tau of kind balanced must be N_E + N_I = " + balanced.size()
                    + " and tau_E = " + balanced.tauE() + " (got " + n + ", " + tau + ")");
        }
    }

    /** A network of any kind but BALANCED (no balanced description). */
    public StimulusNetwork(Kind kind, int n, double g, double meanCoupling, double threshold, double input,
                           TransferFunction transfer, double thresholdNoise, double outputNoiseVariance, double tau, double dt,
                           Precision precision) {
        this(kind, n, g, meanCoupling, threshold, input, transfer, thresholdNoise, outputNoiseVariance, tau, dt, precision, null);
    }

    /** The balanced E/I network {@code net} driven by a stimulus (time in units of τ_E). */
    public static StimulusNetwork balanced(BalancedNetwork net) {
        return new StimulusNetwork(Kind.BALANCED, net.size(), 0, 0, 0, 0, null, 0, 0, net.tauE(), net.tauE(), Precision.FLOAT64,
                net);
    }

    /** Synchronous binary map n ← Θ(Jn + x(θ) − b), J ~ N(0, g²/N). */
    public static StimulusNetwork binarySync(int n, double g, double threshold) {
        return new StimulusNetwork(Kind.BINARY_SYNC, n, g, 0, threshold, 0, null, 0, 0, 1, 1, Precision.FLOAT32);
    }

    /** Glauber network with threshold b, threshold noise σ and update interval τ. */
    public static StimulusNetwork glauber(int n, double g, double threshold, double sigma, double tau) {
        return new StimulusNetwork(Kind.GLAUBER, n, g, 0, threshold, 0, null, sigma, 0, tau, tau, Precision.FLOAT64);
    }

    /** Synchronous rate map x ← Jφ(x) + x(θ) + I. */
    public static StimulusNetwork rateSync(int n, double g, TransferFunction phi, double input) {
        return new StimulusNetwork(Kind.RATE_SYNC, n, g, 0, 0, input, phi, 0, 0, 1, 1, Precision.FLOAT64);
    }

    /** Continuous-time rate network τ dx/dt = −x + Jφ(x) + x(θ) + I with τ = 1 and step dt. */
    public static StimulusNetwork rate(int n, double g, TransferFunction phi, double input, double dt) {
        return new StimulusNetwork(Kind.RATE, n, g, 0, 0, input, phi, 0, 0, 1, dt, Precision.FLOAT64);
    }

    /** The rate network matched to a Glauber network (threshold b, noise σ, output noise a, τ, step dt). */
    public static StimulusNetwork matchedRate(int n, double g, double threshold, double sigma, double outputNoiseVariance,
                                              double tau, double dt) {
        return new StimulusNetwork(Kind.MATCHED_RATE, n, g, 0, threshold, 0, null, sigma, outputNoiseVariance, tau, dt,
                Precision.FLOAT64);
    }

    /** The same network with mean coupling J0/N. */
    public StimulusNetwork withMeanCoupling(double j0) {
        return new StimulusNetwork(kind, n, g, j0, threshold, input, transfer, thresholdNoise, outputNoiseVariance, tau, dt,
                precision, balanced);
    }

    /** The same network with J stored in {@code p}. */
    public StimulusNetwork withPrecision(Precision p) {
        return new StimulusNetwork(kind, n, g, meanCoupling, threshold, input, transfer, thresholdNoise, outputNoiseVariance,
                tau, dt, p, balanced);
    }

    /** The coupling ensemble (i.i.d., diagonal kept), in this network's storage precision. */
    public Couplings couplings() {
        return new Couplings(g, meanCoupling, 0.0, false, precision);
    }

    /** For GLAUBER and MATCHED_RATE: the Glauber network without stimulus (input 0). */
    public GlauberNetwork glauberNetwork() {
        return new GlauberNetwork(n, meanCoupling, g, 0.0, threshold, thresholdNoise, tau);
    }

    /** The time step of one update per unit in units of τ: dt/τ for continuous-time kinds, 1 otherwise. */
    public double stepInTau() {
        return kind.continuousTime() ? dt / tau : 1.0;
    }
}
