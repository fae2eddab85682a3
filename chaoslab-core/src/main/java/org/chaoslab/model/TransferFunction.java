package org.chaoslab.model;

/**
 * A single-unit transfer function φ, with the derivative φ′ needed by stability analyses and the
 * antiderivative Φ (Φ′ = φ, Φ(0) = 0) needed by the potential of the mean-field theory
 * (Sompolinsky, Crisanti &amp; Sommers, PRL 61:259 (1988)).
 *
 * <p>Implementations are immutable and cheap to share between threads.
 */
public interface TransferFunction {

    /** φ(x). */
    double phi(double x);

    /** φ′(x). */
    double derivative(double x);

    /** Φ(x) = ∫₀ˣ φ(u) du. */
    double antiderivative(double x);

    /** A short name that {@link TransferFunctions#parse(String)} reads back. */
    String name();

    /** True when φ(−x) = −φ(x); then ⟨φ⟩ = 0 for zero-mean input and the DMFT plateau Δ∞ vanishes. */
    boolean isOdd();

    /**
     * The points where φ is not smooth (φ′ jumps), ascending; empty for smooth φ. Quadratures split there
     * (a kink left unsplit costs the Gaussian integrals many digits).
     */
    default double[] kinks() {
        return new double[0];
    }

    /** Applies φ element-wise: {@code out[i] = φ(in[i])} for {@code i < n}. Override for speed. */
    default void apply(double[] in, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = phi(in[i]);
        }
    }

    /** Applies φ element-wise from a double state into float storage. */
    default void apply(double[] in, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = (float) phi(in[i]);
        }
    }
}
