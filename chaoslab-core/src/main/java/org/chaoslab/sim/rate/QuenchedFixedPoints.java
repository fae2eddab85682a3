package org.chaoslab.sim.rate;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Noise;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.Validate;

/**
 * The fixed points x* = ξ + I + Jφ(x*) of one realized network for many trials of a quenched (frozen) input
 * ξ_i ~ N(0, σ²) on top of the network's constant input I_i: trial m draws its input from the same streams as
 * {@link RealizedRateNetwork#draw(org.chaoslab.model.RateNetwork, long, int, long)} does for trial m
 * ({@code seed/noise/quenched/m/i}), so trial m's fixed point is the state a simulation of that trial settles to when
 * it settles. For odd φ without input the trial mean of x*_i is 0; otherwise (non-odd φ, a constant input) each unit
 * has its own nonzero trial mean, which the statistics across trials subtract
 * ({@link org.chaoslab.compare.QuenchedCorrelationComparison}).
 *
 * <p>All trials are solved together, as the columns of one matrix–matrix product per iteration (the batched product
 * of {@link CouplingMatrix#multiply}: each entry from its own column, so results do not depend on the thread count),
 * by the relaxation x ← x + α_m(ξ + Jφ(x) − x), the Euler step of the dynamics with step α_m. With α = 1 the error
 * contracts with the Jacobian J·diag(φ′(x*)), of spectral radius ≈ g√⟨φ′²⟩ (block circular law), in about
 * log(tolerance)/log(g√⟨φ′²⟩) iterations — the regime of the quenched covariance theory (g²⟨φ′²⟩ &lt; 1). At finite N
 * a trial's Jacobian can have an eigenvalue outside the unit disc with real part below 1 (a fixed point the dynamics
 * reaches but the plain iteration oscillates around, seen for a few trials in a hundred at N = 200, g = 2, σ = 3):
 * a trial whose change has not decreased over {@value #WINDOW} iterations has its step α_m halved (down to
 * {@value #MIN_ALPHA}), which maps every eigenvalue λ with Re λ &lt; 1 into the unit disc for α small enough. The
 * steps depend on the trial's own history only, so results do not depend on the batch or the thread count. A trial
 * still moving after {@code maxIterations} has no stable fixed point within reach (chaotic, or too close to the
 * transition) and is reported as such.
 */
public final class QuenchedFixedPoints {

    /**
     * The fixed points of the trials.
     *
     * @param n           N
     * @param states      trial m's fixed point at {@code states[m·N .. m·N + N)}
     * @param iterations  iterations done
     * @param unconverged trials whose largest change in the last iteration exceeded the tolerance (0 when all settled)
     * @param residual    the largest change max_i |Δx_i| / (1 + |x_i|) in the last iteration, over all trials
     * @param settled     per trial whether it settled (its last change within the tolerance)
     */
    public record Result(int n, double[] states, int iterations, int unconverged, double residual, boolean[] settled) {
    }

    /** Iterations over which a trial's change must decrease, or its step is halved. */
    static final int WINDOW = 50;
    /** The smallest relaxation step. */
    static final double MIN_ALPHA = 1.0 / 64;

    private QuenchedFixedPoints() {
    }

    /**
     * Solves trials {@code 0 … trials − 1} of the quenched input of {@code noise} on the couplings of {@code net}.
     *
     * @param tolerance     stop when every component changes by at most tolerance·(1 + |x_i|) (e.g. 1e-12)
     * @param maxIterations at most this many iterations (≥ 1)
     */
    public static Result solve(RealizedRateNetwork net, Noise.Quenched noise, int trials, int threads, double tolerance,
                               int maxIterations) {
        Validate.atLeast("trials", trials, 1);
        Validate.atLeast("threads", threads, 1);
        Validate.atLeast("max iterations", maxIterations, 1);
        Validate.positive("tolerance", tolerance);
        int n = net.network().size();
        CouplingMatrix j = net.couplings();
        TransferFunction phi = net.network().transfer();
        double[] xi = new double[trials * n];
        for (int m = 0; m < trials; m++) {
            for (int i = 0; i < n; i++) {
                xi[m * n + i] = net.network().input().constantPart(i) + NoiseSource.quenchedInput(noise.sigma(), net.seed(), m, i);
            }
        }
        double[] x = xi.clone();
        double[] rates = new double[trials * n];
        double[] drive = new double[trials * n];
        boolean[] settled = new boolean[trials];
        double[] alpha = new double[trials];
        double[] windowStart = new double[trials];
        java.util.Arrays.fill(alpha, 1.0);
        java.util.Arrays.fill(windowStart, Double.POSITIVE_INFINITY);
        int iterations = 0;
        int unconverged = trials;
        double residual = Double.POSITIVE_INFINITY;
        try (ParallelRows pool = new ParallelRows(threads)) {
            while (iterations < maxIterations && unconverged > 0) {
                phi.apply(x, rates, x.length);
                j.multiply(rates, drive, trials, pool);
                iterations++;
                unconverged = 0;
                residual = 0.0;
                boolean windowEnd = iterations % WINDOW == 0;
                for (int m = 0; m < trials; m++) {
                    double a = alpha[m];
                    double largest = 0.0;
                    for (int i = m * n; i < m * n + n; i++) {
                        double next = x[i] + a * (xi[i] + drive[i] - x[i]);
                        double change = Math.abs(next - x[i]) / (1.0 + Math.abs(next));
                        largest = Math.max(largest, change);
                        x[i] = next;
                    }
                    settled[m] = largest <= tolerance;
                    if (!settled[m]) {
                        unconverged++;
                    }
                    residual = Math.max(residual, largest);
                    if (windowEnd) {
                        if (!(largest < windowStart[m]) && a > MIN_ALPHA) {
                            alpha[m] = 0.5 * a;
                        }
                        windowStart[m] = largest;
                    }
                }
                if (!Double.isFinite(residual)) {
                    break;
                }
            }
        }
        return new Result(n, x, iterations, unconverged, residual, settled);
    }
}
