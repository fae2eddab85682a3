package org.chaoslab.model;

/**
 * The probe inputs sent through a {@link DeepNetwork}, shared by theory and simulation.
 *
 * <ul>
 *   <li>{@code pairs} pairs of inputs x_a, x_b ∈ R^N with squared length per component
 *       |x|²/N = q0 and correlation x_a·x_b/|x_a||x_b| = c0 (each pair in a random plane); the
 *       length map starts from q^1 = σ_w² q0 + σ_b² and the correlation map from
 *       c^1 = (σ_w² q0 c0 + σ_b²)/q^1 (Poole et al. 2016, Eq. 2 and its initial condition);</li>
 *   <li>a great circle of {@code circlePoints} inputs x(θ_k) = √(N q0c)(u0 cos θ_k + u1 sin θ_k),
 *       θ_k = 2πk/K, with u0, u1 random orthonormal (Poole et al. 2016, Sec. 4); 0 for none.</li>
 * </ul>
 *
 * @param inputLength       q0 &gt; 0
 * @param inputCorrelation  c0 ∈ [−1, 1]
 * @param pairs             number of input pairs P ≥ 1
 * @param circlePoints      K = 0 (no circle) or K ≥ 16
 * @param circleLength      q0c &gt; 0, the squared length per component of the circle's inputs
 */
public record DeepNetworkInputs(double inputLength, double inputCorrelation, int pairs, int circlePoints,
                                double circleLength) {

    public DeepNetworkInputs {
        Validate.positive("q0", inputLength);
        if (!(inputCorrelation >= -1.0 && inputCorrelation <= 1.0)) {
            throw new IllegalArgumentException("c0 must be in [-1, 1] (got " + inputCorrelation + ")");
        }
        Validate.atLeast("pairs", pairs, 1);
        if (circlePoints != 0 && circlePoints < 16) {
            throw new IllegalArgumentException("circle-points must be 0 (no circle) or >= 16 (got " + circlePoints + ")");
        }
        Validate.positive("circle-q0", circleLength);
    }

    /** Pairs only, no circle. */
    public static DeepNetworkInputs pairs(double q0, double c0, int pairs) {
        return new DeepNetworkInputs(q0, c0, pairs, 0, q0);
    }

    /** The same inputs with a circle of K points at input length q0c. */
    public DeepNetworkInputs withCircle(int points, double q0c) {
        return new DeepNetworkInputs(inputLength, inputCorrelation, pairs, points, q0c);
    }

    /** Whether a circle is propagated. */
    public boolean hasCircle() {
        return circlePoints > 0;
    }
}
