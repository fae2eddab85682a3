package org.chaoslab.gauss;

import org.chaoslab.model.TransferFunction;

/**
 * Turns a model {@link TransferFunction} into integrands for the engine: φ, φ′ and Φ (Φ′ = φ) as
 * {@link PiecewiseSmooth} functions carrying the kinks of φ as breakpoints.
 *
 * <p>The model interface does not (yet) declare kinks, so they are read from the known model
 * records: ReLU (0), threshold-linear (θ), and {@code custom:BASE:GAIN:OFFSET} (offset + b/gain for
 * each kink b of the base). tanh, erf, sigmoid and linear are smooth. An unknown implementation is
 * treated as smooth: if it has kinks, the trapezoid rule still converges, but only algebraically
 * (about h² for a kink, h for a step in φ′).
 */
public final class TransferIntegrands {

    private TransferIntegrands() {
    }

    /** The points where φ (hence φ′ and Φ″) is not smooth, ascending. */
    public static double[] kinks(TransferFunction phi) {
        if (phi == null) {
            throw new IllegalArgumentException("transfer function must be given");
        }
        double[] k = phi.kinks().clone();
        java.util.Arrays.sort(k);
        return k;
    }

    /** φ with its kinks. */
    public static PiecewiseSmooth phi(TransferFunction phi) {
        return PiecewiseSmooth.of(phi::phi, kinks(phi));
    }

    /** φ′ with the kinks of φ (where φ′ may jump). */
    public static PiecewiseSmooth derivative(TransferFunction phi) {
        return PiecewiseSmooth.of(phi::derivative, kinks(phi));
    }

    /** Φ, the antiderivative (Φ′ = φ, Φ(0) = 0), with the kinks of φ (where Φ″ may jump). */
    public static PiecewiseSmooth antiderivative(TransferFunction phi) {
        return PiecewiseSmooth.of(phi::antiderivative, kinks(phi));
    }

    /** φ′² with the kinks of φ. */
    public static PiecewiseSmooth derivativeSquared(TransferFunction phi) {
        return PiecewiseSmooth.of(x -> {
            double d = phi.derivative(x);
            return d * d;
        }, kinks(phi));
    }

    /** φ² with the kinks of φ. */
    public static PiecewiseSmooth phiSquared(TransferFunction phi) {
        return PiecewiseSmooth.of(x -> {
            double v = phi.phi(x);
            return v * v;
        }, kinks(phi));
    }
}
