package org.chaoslab.model;

import java.util.Locale;

/**
 * A random input process ξ_i(t) added to every unit of a rate network, independent across units:
 * <ul>
 *   <li>{@link White}: Gaussian white noise, ⟨ξ_i(t)ξ_j(s)⟩ = σ²δ_ij δ(t−s) (annealed: fresh at every instant);</li>
 *   <li>{@link OrnsteinUhlenbeck}: coloured noise τ_n η′ = −η + σ ξ, stationary covariance
 *       σ²/(2τ_n) e^{−|t−s|/τ_n} (annealed);</li>
 *   <li>{@link Quenched}: a static input per unit, ξ_i ~ N(0, σ²), drawn once per trial (frozen).</li>
 * </ul>
 * Parsed from {@code none}, {@code white:SIGMA}, {@code ou:SIGMA:TAU}, {@code quenched:SIGMA}.
 */
public sealed interface Noise permits Noise.None, Noise.White, Noise.OrnsteinUhlenbeck, Noise.Quenched {

    /** No noise. */
    Noise NONE = new None();

    /** σ, the noise amplitude (0 for none). */
    double sigma();

    /** Whether the noise is time-dependent (white or OU), as opposed to none or quenched. */
    default boolean annealed() {
        return false;
    }

    /** The label {@link #parse} reads back. */
    String label();

    /** No noise. */
    record None() implements Noise {
        @Override public double sigma() { return 0.0; }
        @Override public String label() { return "none"; }
    }

    /** Gaussian white noise of intensity σ² (⟨ξξ⟩ = σ²δ(t − s)). */
    record White(double sigma) implements Noise {
        public White {
            Validate.finiteAtLeast("noise sigma", sigma, 0.0);
        }
        @Override public boolean annealed() { return true; }
        @Override public String label() { return "white:" + sigma; }
    }

    /** Ornstein–Uhlenbeck noise τ_n η′ = −η + σξ with correlation time τ_n &gt; 0. */
    record OrnsteinUhlenbeck(double sigma, double tau) implements Noise {
        public OrnsteinUhlenbeck {
            Validate.finiteAtLeast("noise sigma", sigma, 0.0);
            Validate.positive("noise correlation time", tau);
        }
        @Override public boolean annealed() { return true; }
        @Override public String label() { return "ou:" + sigma + ":" + tau; }

        /** The stationary variance σ²/(2τ_n) of η. */
        public double variance() {
            return sigma * sigma / (2.0 * tau);
        }
    }

    /** A frozen Gaussian input per unit, N(0, σ²), drawn once per trial. */
    record Quenched(double sigma) implements Noise {
        public Quenched {
            Validate.finiteAtLeast("noise sigma", sigma, 0.0);
        }
        @Override public String label() { return "quenched:" + sigma; }
    }

    /** Reads {@code none}, {@code white:SIGMA}, {@code ou:SIGMA:TAU} or {@code quenched:SIGMA}. */
    static Noise parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        String[] p = s.split(":");
        try {
            switch (p[0]) {
                case "none":
                    if (p.length == 1) {
                        return NONE;
                    }
                    break;
                case "white":
                    if (p.length == 2) {
                        return new White(Double.parseDouble(p[1]));
                    }
                    break;
                case "ou":
                    if (p.length == 3) {
                        return new OrnsteinUhlenbeck(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                    }
                    break;
                case "quenched":
                    if (p.length == 2) {
                        return new Quenched(Double.parseDouble(p[1]));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("noise: bad number in '" + spec + "'");
        }
        throw new IllegalArgumentException("noise must be one of none, white:SIGMA, ou:SIGMA:TAU, quenched:SIGMA (got '"
                + spec + "')");
    }
}
