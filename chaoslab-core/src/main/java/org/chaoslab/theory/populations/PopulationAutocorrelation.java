package org.chaoslab.theory.populations;

/**
 * The stationary solution of the time-dependent population DMFT ({@link PopulationDmft}): per population k the mean
 * input μ_k and the autocovariance Δ_k(τ) of a unit's input about μ_k on the lag grid τ_i = i·h (Kadmon &amp;
 * Sompolinsky, PRX 5:041030, 2015; the vector generalization of Sompolinsky, Crisanti &amp; Sommers 1988).
 * Δ_k(0) is the variance across units at any instant, Δ_k(∞) the variance of the units' time averages (the quenched
 * part), Δ_k(0) − Δ_k(∞) each unit's variance in time (0 at a fixed point).
 *
 * @param mean            μ_k = I_k + Σ_l J̄_kl α_l ⟨φ_l⟩
 * @param rate            ⟨φ_k(x)⟩, x ~ N(μ_k, Δ_k(0))
 * @param lagStep         h, the spacing of the lag grid
 * @param delta           Δ_k(τ_i), i = 0 … n − 1 (row k); beyond the last lag Δ_k is its plateau Δ_k(∞)
 * @param rateCorrelation C_k(τ_i) = ⟨φ_k(x(t)) φ_k(x(t + τ_i))⟩ (uncentred)
 * @param tailStability   M∞_kl = α_l g_kl² ⟨φ_l′(x) φ_l′(y)⟩ at Cov(x, y) = Δ_l(∞): Δ_k(τ) − Δ_k(∞) decays like
 *                        e^{−κτ} with κ = √(1 − ρ(M∞)) (the linearization of (1 − ∂²)Δ = Σ α g² C about the plateau)
 * @param decayRate       κ = √(1 − ρ(M∞)); NaN at a fixed point (no temporal part to decay)
 * @param iterations      iterations of the self-consistency (all lag windows together)
 * @param residual        max |T(x) − x| of the last iteration, relative to max_k Δ_k(0)
 */
public record PopulationAutocorrelation(double[] mean, double[] rate, double lagStep, double[][] delta,
                                        double[][] rateCorrelation, double[][] tailStability, double decayRate,
                                        int iterations, double residual) {

    /** P. */
    public int populations() {
        return mean.length;
    }

    /** The number of lags on the grid. */
    public int lags() {
        return delta[0].length;
    }

    /** The lags τ_i = i·h. */
    public double[] lagTimes() {
        double[] t = new double[lags()];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * lagStep;
        }
        return t;
    }

    /** Δ_k(0) per population: the variance of the input across units at one instant. */
    public double[] delta0() {
        double[] d = new double[populations()];
        for (int k = 0; k < d.length; k++) {
            d[k] = delta[k][0];
        }
        return d;
    }

    /** Δ_k(∞) per population: the variance across units of the units' time averages (last lag of the grid). */
    public double[] deltaInf() {
        double[] d = new double[populations()];
        for (int k = 0; k < d.length; k++) {
            d[k] = delta[k][lags() - 1];
        }
        return d;
    }

    /** Δ_k(0) − Δ_k(∞): each unit's variance in time over an infinite window. */
    public double[] temporalVariance() {
        double[] d = new double[populations()];
        for (int k = 0; k < d.length; k++) {
            d[k] = delta[k][0] - delta[k][lags() - 1];
        }
        return d;
    }

    /** Whether the solution has a temporal part (the chaotic phase): Δ_k(0) − Δ_k(∞) above 10⁻⁸ Δ_k(0) somewhere. */
    public boolean isChaotic() {
        double[] t = temporalVariance();
        for (int k = 0; k < t.length; k++) {
            if (t[k] > 1e-8 * Math.max(delta[k][0], 1e-300)) {
                return true;
            }
        }
        return false;
    }

    /** Δ_k(τ) by cubic interpolation on the grid (the plateau beyond it). */
    public double delta(int k, double tau) {
        return interpolate(delta[k], Math.abs(tau));
    }

    /** C_k(τ) by cubic interpolation on the grid (the plateau beyond it). */
    public double rateCorrelation(int k, double tau) {
        return interpolate(rateCorrelation[k], Math.abs(tau));
    }

    /**
     * The expected value of the temporal variance measured the way {@code PopulationStatistics} measures it: each unit's
     * variance about its own mean over n samples spaced s apart, (1/n)Σ(x_t − x̄)². Its expectation in the stationary
     * state is Δ(0) − (1/n²)Σ_{t,t′} Δ(|t − t′|s), which falls short of Δ(0) − Δ(∞) by the slow part of Δ the window's
     * own mean absorbs (≈ (2/T)∫(Δ(τ) − Δ(∞))dτ for a window T ≫ the correlation time).
     */
    public double[] windowedTemporalVariance(long samples, double spacing) {
        double[] out = new double[populations()];
        for (int k = 0; k < out.length; k++) {
            double[] d = delta[k];
            double plateau = d[lags() - 1];
            // (1/n²)Σ_{t,t'} (Δ(|t−t'|s) − Δ∞) = (1/n)[Δ0 − Δ∞] + (2/n²)Σ_{m≥1} (n − m)(Δ(ms) − Δ∞)
            double sum = (d[0] - plateau) / samples;
            for (long m = 1; m < samples; m++) {
                double excess = interpolate(d, m * spacing) - plateau;
                if (excess == 0.0) {
                    break;
                }
                sum += 2.0 * (samples - m) * excess / ((double) samples * samples);
            }
            out[k] = d[0] - plateau - sum;
        }
        return out;
    }

    /** Cubic Lagrange interpolation on the four nearest lags (the even extension Δ(−τ) = Δ(τ) at the origin). */
    private double interpolate(double[] values, double tau) {
        int n = values.length;
        double x = tau / lagStep;
        int i = (int) x;
        if (i >= n - 1) {
            return values[n - 1];
        }
        double f = x - i;
        if (f == 0.0) {
            return values[i];
        }
        double a = at(values, i - 1);
        double b = values[i];
        double c = values[i + 1];
        double d = at(values, i + 2);
        return -f * (f - 1) * (f - 2) / 6 * a + (f + 1) * (f - 1) * (f - 2) / 2 * b
                - (f + 1) * f * (f - 2) / 2 * c + (f + 1) * f * (f - 1) / 6 * d;
    }

    private static double at(double[] values, int i) {
        return values[Math.min(Math.abs(i), values.length - 1)];
    }
}
