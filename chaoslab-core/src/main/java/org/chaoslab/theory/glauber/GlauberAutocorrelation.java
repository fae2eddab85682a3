package org.chaoslab.theory.glauber;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;

/**
 * Dynamic mean field of the Glauber network: the unit-averaged, uncentred autocorrelation
 * C_n(s) = [⟨n_i(t) n_i(t+s)⟩], and the output-noise variance of the matched rate model (Keup, Kühn, Dahmen &amp;
 * Helias, PRX 11:021064 (2021), matching of first and second order statistics; derivation, not a quotation).
 *
 * <h2>Derivation</h2>
 * A unit updated at Poisson times (rate 1/τ) to 1 with probability F(h) = H(−h/σ) (Θ(h) for σ = 0) has, given its
 * field history, P(n(t) = 1) = x(t) with τ ẋ = −x + F(h(t)) (the last update lies an Exp(τ) time back), and
 * E[n(t) n(t+s) | h] = x(t) x(t+s) + e^{−|s|/τ} x(t)(1 − x(t)) (no update in between with probability e^{−|s|/τ}).
 * Hence n = x + η with an output noise η, uncorrelated with x, of covariance e^{−|s|/τ} x(1 − x), and
 * <pre>  C_n(s) = C_x(s) + e^{−|s|/τ} (m − C_x(0)),   C_x(s) = ∫ dv e^{−|v|/τ}/(2τ) C_F(s − v),</pre>
 * C_F(s) = E F(h(t)) F(h(t+s)) = P(u₁ &gt; 0, u₂ &gt; 0) for Gaussian u of mean μ, variance g² m + s² + σ² and
 * covariance g² C_n(s) + s² (the field covariance over J is g² times the uncentred C_n; the threshold noise is
 * independent at distinct updates; a quenched input of variance s² across units, {@link
 * GlauberStationaryState#inputVariance()}, e.g. a static stimulus, is the same at all lags and adds s² to both). Solved by damped fixed-point iteration on a lag grid; the filter is applied exactly to the
 * piecewise-linear interpolant of C_F. C_n(0) = m holds by construction and C_n(∞) = q is the static q of
 * {@link GlauberStationaryState} (a check).
 * <p>The <b>matched rate model</b> τ dy = (−y + F(h)) dt + √(2τ a) dW, h = Σ_j J_ij y_j + x − θ (white noise on the
 * rate, i.e. an output noise of covariance a e^{−|s|/τ} on the filtered rate x) obeys the same equations with
 * C_y(s) = C_x(s) + a e^{−|s|/τ}; it matches the binary network at every lag iff a = m − C_x(0) = m(1 − m) − Var x:
 * the rate unit's total output variance Var y = Var x + a equals the binary unit's m(1 − m).
 * <p>With a quenched input (s² &gt; 0) m, q, C_x and hence a all change (a static stimulus of strength s freezes part
 * of the activity: q rises towards m, Var x grows and a falls); {@link MatchedRate} builds the matched stimulus
 * network from it.
 *
 * @param state     the stationary state
 * @param lags      lag grid s_k = kΔ
 * @param binary    C_n(s_k), uncentred
 * @param filtered  C_x(s_k), uncentred
 * @param outputNoiseVariance a = m − C_x(0)
 * @param iterations fixed-point iterations used
 */
public record GlauberAutocorrelation(GlauberStationaryState state, double[] lags, double[] binary, double[] filtered,
                                     double outputNoiseVariance, int iterations) {

    private static final int MAX_ITERATIONS = 5000;
    private static final double TOLERANCE = 1e-11;

    /**
     * Solves the dynamic mean field on lags 0, Δ, …, maxLag (beyond maxLag C_F is taken as constant, its value at
     * maxLag; choose maxLag of several correlation times).
     */
    public static GlauberAutocorrelation solve(GlauberStationaryState state, double step, double maxLag, GaussianExpectation engine) {
        if (!(step > 0) || !(maxLag > step)) {
            throw new IllegalArgumentException("need 0 < step < maxLag (got " + step + ", " + maxLag + ")");
        }
        GlauberNetwork net = state.network();
        double tau = net.tau();
        int k = (int) Math.round(maxLag / step);
        double[] s = new double[k + 1];
        double[] cn = new double[k + 1];
        double m = state.m();
        for (int i = 0; i <= k; i++) {
            s[i] = i * step;
            cn[i] = state.q() + (m - state.q()) * Math.exp(-s[i] / tau);
        }
        double g2 = net.gain() * net.gain();
        double s2 = state.inputVariance();
        double v = g2 * m + net.noise() * net.noise() + s2;
        double e = Math.exp(-step / tau);
        double r = step / tau;
        double w1 = (1 - e) - (1 - e - e * r) / r; // weight of the interval's right end (linear interpolant)
        double w0 = (1 - e) - w1;
        double[] cf = new double[k + 1];
        double[] cx = new double[k + 1];
        double[] a = new double[2 * k + 1];
        int it = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change > TOLERANCE && it < MAX_ITERATIONS) {
            for (int i = 0; i <= k; i++) {
                cf[i] = v == 0 ? (state.mean() > 0 ? 1 : 0) : GlauberStationaryState.bothAbove(engine, state.mean(), v, Math.min(v, g2 * cn[i] + s2));
            }
            // A(s) = ∫_{−∞}^{s} e^{−(s−v)/τ}/τ C_F(v) dv on s ∈ [−S, S] (C_F even, constant beyond S); B(s) = A(−s)
            a[0] = cf[k];
            for (int j = 1; j <= 2 * k; j++) {
                double f0 = cf[Math.abs(j - 1 - k)];
                double f1 = cf[Math.abs(j - k)];
                a[j] = e * a[j - 1] + w0 * f0 + w1 * f1;
            }
            for (int i = 0; i <= k; i++) {
                cx[i] = 0.5 * (a[k + i] + a[k - i]);
            }
            change = 0;
            double noise = m - cx[0];
            for (int i = 0; i <= k; i++) {
                double next = cx[i] + Math.exp(-s[i] / tau) * noise;
                change = Math.max(change, Math.abs(next - cn[i]));
                cn[i] = 0.5 * cn[i] + 0.5 * next;
            }
            it++;
        }
        if (change > TOLERANCE) {
            throw new IllegalStateException("Glauber autocorrelation did not converge (change " + change + ")");
        }
        return new GlauberAutocorrelation(state, s, cn, cx.clone(), m - cx[0], it);
    }

    /** The matched rate model's C_y(s_k) = C_x(s_k) + a e^{−s_k/τ} (equal to {@link #binary()} at convergence). */
    public double[] matchedRate() {
        double[] c = new double[lags.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = filtered[i] + outputNoiseVariance * Math.exp(-lags[i] / state.network().tau());
        }
        return c;
    }

    /** C_n(s) − m² interpolated linearly at lag s (clamped to the grid). */
    public double covarianceAt(double lag) {
        double step = lags[1] - lags[0];
        double x = Math.min(lag / step, lags.length - 1.0);
        int i = (int) Math.floor(x);
        double f = x - i;
        double c = i + 1 < lags.length ? (1 - f) * binary[i] + f * binary[i + 1] : binary[i];
        return c - state.m() * state.m();
    }
}
