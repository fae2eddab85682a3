package org.chaoslab.theory.dmft;

/**
 * The fixed point of the stationary noisy DMFT in the form c = c_noise + g²F∞ + σ_I² + g²K∗(F_φ(c; μ, c0) − F∞),
 * shared by the OU-noise DMFT of the ODE ({@link OuNoiseDmft}: K(τ) = ½e^{−|τ|}, trapezoid convolution) and the
 * DMFT of a one-stage scheme ({@link SteppedNoisyDmft}: the lattice kernel of x_{n+1} = κx_n + γu_n). F_φ(·; μ, c0)
 * through a Chebyshev series in c on [−c0, c0] rebuilt each iteration (μ(c0) self-consistent); the plateau
 * F∞ = F_φ(c∞) ({@link Plateau}) added analytically, so that the finite window truncates only the decaying part;
 * Anderson-accelerated mixing (depth 8, β = ½; {@link Anderson}), plain ½-mixing from its best iterate if it has not
 * converged after {@value #ANDERSON_ITERATIONS} steps, until max|G(c) − c| &lt; tolerance·c0.
 */
final class StationaryFixedPoint {

    /** Anderson steps before falling back to plain ½-mixing (which converges, slowly, where Anderson stalls). */
    static final int ANDERSON_ITERATIONS = 400;
    /** Bound of the iteration. */
    static final int MAX_ITERATIONS = 6000;

    /** y = K∗f for an even f given on the lags 0, 1, … (the kernel integrates to 1: K∗1 = 1). */
    @FunctionalInterface
    interface Convolution {
        void apply(double[] f, double[] out);
    }

    private StationaryFixedPoint() {
    }

    /**
     * Iterates from c = c_noise.
     *
     * @param what      names the solver in the messages ("OU-noise DMFT", …)
     * @param tolerance the convergence criterion max|G(c) − c| &lt; tolerance·c0
     * @return c(τ) on the lags of {@code noise}
     * @throws NoSolutionException if c0 leaves (0, ∞), the iteration diverges or does not converge
     */
    static double[] solve(MeanField mf, double[] noise, Convolution kernel, String what, double tolerance) {
        int n = noise.length;
        double[] c = noise.clone();
        double[] f = new double[n];
        double[] y = new double[n];
        double[] next = new double[n];
        boolean converged = false;
        Anderson anderson = new Anderson(8, 0.5);
        double[] best = c.clone();
        double bestChange = Double.POSITIVE_INFINITY;
        double change = Double.NaN;
        for (int it = 0; it < MAX_ITERATIONS && !converged; it++) {
            if (it == ANDERSON_ITERATIONS) {
                c = best.clone();   // Anderson stalled: plain ½-mixing from its best iterate
            }
            double c0 = c[0];
            if (!(c0 > 0)) {
                throw new NoSolutionException(what + " iteration left c0 > 0 (c0 = " + c0 + ")");
            }
            double mu = mf.selfConsistentMean(c0);
            Chebyshev series = rateSeries(mf, mu, c0);
            // c∞ = g²F(c∞) + σ_I² is solved for the current c0 (exact 0 for odd φ without input) rather than read off
            // c(τ_max), whose slow tail (κ → 0 near the transition) would otherwise feed back as a spurious plateau
            double plateau = Plateau.of(mf, mu, c0);
            double fInf = series.value(Math.max(-c0, Math.min(c0, Double.isNaN(plateau) ? c[n - 1] : plateau)));
            for (int k = 0; k < n; k++) {
                f[k] = series.value(Math.max(-c0, Math.min(c0, c[k]))) - fInf;
            }
            kernel.apply(f, y);
            change = 0;
            for (int k = 0; k < n; k++) {
                next[k] = noise[k] + mf.g2 * (y[k] + fInf) + mf.inputVariance;
                if (!Double.isFinite(next[k])) {
                    throw new NoSolutionException(what + " iteration diverged (activity unbounded?)");
                }
                change = Math.max(change, Math.abs(next[k] - c[k]));
            }
            converged = change < tolerance * c[0];
            if (change < bestChange) {
                bestChange = change;
                best = c.clone();
            }
            if (!converged && it >= ANDERSON_ITERATIONS) {
                for (int k = 0; k < n; k++) {
                    c[k] = 0.5 * (c[k] + next[k]);
                }
            } else if (!converged) {
                // Anderson-accelerated mixing: the plain ½-mixing contracts at a rate → 1 near the transition
                double[] proposal = anderson.next(c, next);
                double floor = 0.5 * Math.min(c[0], next[0]);
                if (!(proposal[0] > floor)) {
                    // an extrapolation that (nearly) empties c0 leaves the domain of F_φ(·; c0): plain mixing instead
                    anderson.reset();
                    for (int k = 0; k < n; k++) {
                        proposal[k] = 0.5 * (c[k] + next[k]);
                    }
                }
                c = proposal;
            }
        }
        if (!converged) {
            throw new NoSolutionException(String.format(java.util.Locale.ROOT, "the %s fixed-point iteration for C(tau) "
                    + "did not converge in %d iterations (last max change %.3g, needs < %.3g C(0) = %.3g); near or beyond the "
                    + "transition the activity may be unbounded", what, MAX_ITERATIONS, change, tolerance, tolerance * c[0]));
        }
        return c;
    }

    /** F_φ(·; μ, c0) as a Chebyshev series of degree 48 on [−c0, c0]. */
    private static Chebyshev rateSeries(MeanField mf, double mu, double c0) {
        int deg = 48;
        double[] nodes = Chebyshev.points(-c0, c0, deg);
        double[] vals = new double[deg + 1];
        for (int j = 0; j <= deg; j++) {
            vals[j] = mf.rateCorrelation(mu, c0, Math.max(-c0, Math.min(c0, nodes[j])));
        }
        return Chebyshev.fromValues(-c0, c0, vals);
    }
}
