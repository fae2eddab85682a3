package org.chaoslab.theory.dmft;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.linalg.Blas;
import org.chaoslab.model.TransferFunction;
import org.netlib.util.intW;

/**
 * The largest Lyapunov exponent of the SCS network from its DMFT solution (time in units of τ = 1).
 *
 * <p><b>Chaotic phase.</b> The distance between two replicas started close together obeys a linear
 * equation whose growth rate is set by the ground state of the Schrödinger operator
 * H = −d²/dτ² + 1 − g² C_d(τ), with C_d(τ) = ⟨φ′(x(t))φ′(x(t+τ))⟩ = F_{φ′}(Δ(τ); μ, Δ0) the
 * correlation of the slopes along the stationary solution: λ_max = √(1 − E0) − 1 (Sompolinsky,
 * Crisanti &amp; Sommers, PRL 61:259 (1988), eqs. 9–10; in this convention λ_max ≈ (g−1)²/2 near g = 1).
 * Δ′(τ) is a zero mode of H (differentiate Δ″ = Δ − g²C_φ by Price's theorem), so its first excited
 * level is E1 = 0: {@link Result#zeroModeEnergy()} reports it as a built-in accuracy check.
 * H is discretized by second-order finite differences on τ ∈ [−τmax, τmax] (Dirichlet ends, where
 * the bound state has decayed) and its two lowest levels found by LAPACK bisection (dstebz).
 *
 * <p><b>Fixed point.</b> The Jacobian −1 + J diag φ′(x*) has its spectrum in a disk of radius
 * g√⟨φ′²⟩ around −1 (circular law), so λ_max = −1 + g√⟨φ′²⟩ = −1 + √s with s the stability gain.
 */
public final class DmftLyapunov {

    /**
     * @param lambdaMax      the largest Lyapunov exponent
     * @param groundEnergy   E0 (chaotic phase; NaN otherwise)
     * @param zeroModeEnergy E1, which is 0 exactly; its deviation measures the discretization error (NaN off chaos)
     * @param method         "schroedinger-ground-state", "circular-law" or "none" (unstable network)
     */
    public record Result(double lambdaMax, double groundEnergy, double zeroModeEnergy, String method) {
    }

    private final GaussianExpectation engine;
    private final double step;

    /**
     * @param engine the Gaussian engine (use the solver's)
     * @param step   the lag step of the finite-difference operator (e.g. 0.02)
     */
    public DmftLyapunov(GaussianExpectation engine, double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step must be finite and > 0 (got " + step + ")");
        }
        this.engine = engine;
        this.step = step;
    }

    /**
     * λ_max for a white- or OU-noise DMFT solution (any φ, mean and plateau; two copies driven by the same noise; Schuecker, Goedeke &amp; Helias,
     * PRX 8:041029 (2018)): the ground state of the same H with the kinked c(τ).
     */
    public Result largest(NoisyDmftSolution s, TransferFunction phi) {
        return groundState(s.tau(), s.delta(), s.c0(), s.deltaInf(), s.mean(), s.g(), s.decayRate(), phi);
    }

    /** λ_max for a DMFT solution of a network with transfer function {@code phi}. */
    public Result largest(DmftSolution s, TransferFunction phi) {
        return switch (s.phase()) {
            case FIXED_POINT -> new Result(-1.0 + Math.sqrt(s.stabilityGain()), Double.NaN, Double.NaN, "circular-law");
            case UNSTABLE -> new Result(Double.NaN, Double.NaN, Double.NaN, "none");
            case CHAOTIC -> chaotic(s, phi);
        };
    }

    private Result chaotic(DmftSolution s, TransferFunction phi) {
        return groundState(s.tau(), s.delta(), s.delta0(), s.deltaInf(), s.mean(), s.g(), s.decayRate(), phi);
    }

    /**
     * λ_max from the ground state of H for a given stationary autocovariance Δ(τ) on a uniform grid (used for the
     * autonomous and the noise-driven solutions; with noise Δ is kinked at 0 and E1 is no longer 0).
     */
    Result groundState(double[] tau, double[] delta, double delta0, double deltaInf, double mean, double g, double kappa,
                       TransferFunction phi) {
        double tauMax = tau[tau.length - 1];
        // the bound state lives on the scale of the correlation time: take the box to at least 40 decay lengths,
        // continuing Δ beyond the solved grid by its exponential tail Δ∞ + (Δ(τmax) − Δ∞)e^{−κ(τ−τmax)}
        double box = Math.max(tauMax, kappa > 0 ? 40.0 / kappa : tauMax);
        double h = Math.max(step, box / 4000.0);
        int half = (int) Math.floor(box / h);
        int n = 2 * half - 1;                       // interior points τ_i = (i − half + 1)·h, |τ| < box
        var dPhi = TransferIntegrands.derivative(phi);
        double g2 = g * g;
        double tail = delta[delta.length - 1] - deltaInf;
        double[] potential = new double[half];     // V(|τ|) at |τ| = k·h, k < half
        for (int k = 0; k < half; k++) {
            double t = k * h;
            double d = t <= tauMax ? interpolate(tau, delta, t) : deltaInf + tail * Math.exp(-kappa * (t - tauMax));
            d = Math.max(-delta0, Math.min(delta0, d));
            potential[k] = 1.0 - g2 * engine.correlation(dPhi, mean, delta0, d);
        }
        double h2 = 1.0 / (h * h);
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        for (int i = 0; i < n; i++) {
            diag[i] = 2.0 * h2 + potential[Math.abs(i - (half - 1))];
        }
        java.util.Arrays.fill(off, -h2);
        intW m = new intW(0);
        intW nsplit = new intW(0);
        intW info = new intW(0);
        double[] w = new double[n];
        int[] iblock = new int[n];
        int[] isplit = new int[n];
        Blas.lapack().dstebz("I", "E", n, 0.0, 0.0, 1, 2, 0.0, diag, off, m, nsplit, w, iblock, isplit,
                new double[4 * n], new int[3 * n], info);
        if (info.val != 0 || m.val < 2) {
            throw new IllegalStateException("dstebz failed for the DMFT stability operator (info = " + info.val + ")");
        }
        double e0 = w[0];
        double lambda = e0 < 1.0 ? Math.sqrt(1.0 - e0) - 1.0 : Double.NaN;
        return new Result(lambda, e0, w[1], "schroedinger-ground-state");
    }

    private static double interpolate(double[] x, double[] y, double at) {
        double h = x[1] - x[0];
        int i = (int) Math.floor((at - x[0]) / h);
        if (i >= x.length - 1) {
            return y[y.length - 1];
        }
        double f = (at - x[i]) / h;
        return y[i] + f * (y[i + 1] - y[i]);
    }
}
