package org.chaoslab.theory.kernel;

/** One-line argument checks of this package, in the format of {@code model.Validate}. */
final class Checks {

    private Checks() {
    }

    /** A finite value in [lo, hi]. */
    static double inRange(String name, double value, double lo, double hi, String range) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " must be in " + range + " (got " + value + ")");
        }
        return value;
    }

    /** A stimulus distance Δ ∈ [0, π]. */
    static double delta(String name, double value) {
        return inRange(name, value, 0.0, Math.PI, "[0, pi]");
    }

    /** An input overlap o ∈ [−1, 1]. */
    static double overlap(double value) {
        return inRange("overlap", value, -1.0, 1.0, "[-1, 1]");
    }

    /** 1 − cos Δ = 2 sin²(Δ/2), exact for small Δ. */
    static double oneMinusCos(double delta) {
        double s = Math.sin(0.5 * delta);
        return 2.0 * s * s;
    }
}
