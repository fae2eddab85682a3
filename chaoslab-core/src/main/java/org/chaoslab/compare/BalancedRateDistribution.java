package org.chaoslab.compare;

import java.util.Arrays;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.theory.balanced.BalancedSolution;

/**
 * The distribution of time-averaged rates, simulation against theory, by the Kolmogorov–Smirnov
 * distance. A rate averaged over a finite time T carries sampling noise. It is measured from the two
 * halves of the run (the variance of the full average is E(r₁ − r₂)²/4 per unit), modelled as
 * Var = κ m(1 − m), and folded into the theory: a unit of true rate m is active in Poisson(μ) episodes of
 * exponential length d (compound Poisson: mean m, variance 2dm/T), with d = κT(1 − m)/2 and μ = mT/d,
 * so P(r ≤ v | m) = e^{−μ} + (1 − e^{−μ}) G(v), G a Gamma law with the compound sum's mean and
 * variance given at least one episode; this keeps the atom at r = 0 of
 * units that never switched on; then F_T(v) = ∫Dx P(r ≤ v | m(x)) with m(x) the mean-field rate of a
 * unit with quenched field x (van Vreeswijk &amp; Sompolinsky 1998, eq. 3.9).
 *
 * @param population      "E" or "I"
 * @param units           number of units compared
 * @param ksDistance      sup |F_emp − F_T|
 * @param ksBound         the 99.9 % critical value 1.95/√n of the KS statistic for n independent samples
 * @param ksDistanceNoNoise sup |F_emp − F| against the theory without the finite-T noise (for reference)
 * @param noiseKappa      κ of the finite-T noise model
 */
public record BalancedRateDistribution(String population, int units, double ksDistance, double ksBound,
                                       double ksDistanceNoNoise, double noiseKappa) {

    /**
     * Compares the rates of units [from, to) of two blocks of equal length with the theory of population {@code pop}.
     */
    public static BalancedRateDistribution of(BalancedSolution theory, int pop, double[] half1, double[] half2, int from, int to,
                                              GaussianExpectation engine) {
        int n = to - from;
        double[] r = new double[n];
        double noise = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            double a = half1[from + i];
            double b = half2[from + i];
            r[i] = 0.5 * (a + b);
            noise += 0.25 * (a - b) * (a - b);
            spread += r[i] * (1 - r[i]);
        }
        double kappa = spread > 0 ? noise / spread : 0.0;
        Arrays.sort(r);
        double top = Math.max(r[n - 1], 1e-9);
        double[] grid = new double[GRID + 1];
        for (int g = 0; g <= GRID; g++) {
            grid[g] = convolvedCdf(theory, pop, top * g / GRID, kappa, engine);
        }
        double ks = 0;
        double ks0 = 0;
        for (int i = 0; i < n; i++) {
            double v = r[i];
            double pos = v / top * GRID;
            int g = Math.min(GRID - 1, (int) pos);
            double f = v == 0 ? grid[0] : grid[g] + (pos - g) * (grid[g + 1] - grid[g]);
            double f0 = theory.rateCdf(pop, v);
            // the empirical CDF jumps from i/n to (i+1)/n at r[i] (ties: only the last step matters, handled by max)
            ks = Math.max(ks, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (double) (i + 1) / n)));
            ks0 = Math.max(ks0, Math.max(Math.abs(f0 - (double) i / n), Math.abs(f0 - (double) (i + 1) / n)));
        }
        return new BalancedRateDistribution(pop == 0 ? "E" : "I", n, ks, 1.95 / Math.sqrt(n), ks0, kappa);
    }

    private static final int GRID = 64;

    /** F_T on a grid of {@link #GRID} + 1 points on [0, max], interpolated linearly between them. */
    static double convolvedCdf(BalancedSolution theory, int pop, double v, double kappa, GaussianExpectation engine) {
        if (kappa <= 0) {
            return theory.rateCdf(pop, v);
        }
        return engine.expectation(x -> noisyCdf(theory.unitRate(pop, x), v, kappa), 0.0, 1.0);
    }

    /** P(r ≤ v | m) for the compound-Poisson noise model. */
    static double noisyCdf(double m, double v, double kappa) {
        if (v < 0) {
            return 0.0;
        }
        if (m <= 0) {
            return 1.0;
        }
        double d = 0.5 * kappa * Math.max(1e-12, 1 - m); // episode length in units of T
        double mu = m / d;
        double total = Math.exp(-mu);
        if (v == 0) {
            return total;
        }
        // given at least one episode, a Gamma law with the conditional mean and variance of the compound sum
        double pOn = -Math.expm1(-mu);
        double mean = m / pOn;
        double second = (2 * d * m + m * m) / pOn;
        double var = Math.max(1e-300, second - mean * mean);
        double shape = mean * mean / var;
        total += pOn * org.apache.commons.numbers.gamma.RegularizedGamma.P.value(shape, v * mean / var);
        return Math.min(1.0, total);
    }
}
