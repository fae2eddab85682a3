package org.chaoslab.theory.dmft;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.TransferFunction;

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
 *
 * <p><b>Discretization.</b> H is discretized by second-order finite differences on τ ∈ [−L, L],
 * L = max(τmax, 40/κ) (Dirichlet ends, where the bound state has decayed), on nested grids of step
 * h_k = L/(256·2^k). The levels expand as E(h) = E + a₂h² + a₄h⁴ + …, so they are extrapolated to h → 0 by a
 * Richardson (Romberg) table, refined until the extrapolated E0 changes by less than 10⁻¹² max(1, |E0|) or by
 * the rounding level 16ε(4/h² + max|V|) of the finest grid, and at most down to a quarter of the smaller of the
 * given step and the lag step of Δ. Each level is the lowest eigenvalue of the even (E0) or odd (E1) block of the
 * tridiagonal matrix, by Sturm-sequence bisection. The potential needs F_{φ′}(Δ) at every grid point: it is
 * sampled once as a Chebyshev series in u = √(Δ0 − Δ) (33–65 Gaussian integrals instead of one per point), and
 * Δ between the points of the solved grid by 8-point Lagrange interpolation (one-sided at τ = 0, so the kink of
 * a noise-driven c(τ) is respected). At g = 1.5, 2, 3 (tanh) this takes 10–450 ms, nearly all in the Gaussian integrals, and stops at steps of 0.06–0.017.
 *
 * <p><b>Accuracy</b> (measured; tanh and erf at g = 1.5, 2, 3, against {@code scripts/dmft_lambda_max.py}, an
 * independent scipy solver that integrates Δ in Newtonian form, evaluates F_{φ′} by direct quadrature and agrees
 * with itself to ≤ 1.2·10⁻¹¹ relative between Richardson-extrapolated second-order and sixth-order
 * differences): λ_max within 3·10⁻¹² relative and |E1| ≤ 6·10⁻¹³, independent of the lag step dτ of Δ from
 * 0.005 to 0.1. The former single grid (step max(0.01, L/4000), no extrapolation) was high by 7–11·10⁻⁶
 * relative with |E1| up to 8·10⁻⁶. Near g = 1 (κ → 0) the box exceeds τmax and Δ is continued by its linear
 * tail, which limits the accuracy to ~10⁻⁹ relative at g = 1.1 with τmax = 60; at large g (tanh, g ≳ 20) the
 * well narrows like 1/g and the default lag step 0.01 still allows steps fine enough (g = 30: 2·10⁻¹⁰ between
 * dτ = 0.01 and 0.0025).
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

    /** Points on each side of τ = 0 of the coarsest grid (step box/256: 0.97 at g = 1.5, tanh). */
    private static final int FIRST_HALF = 256;
    private static final int MIN_HALF = 16;
    private static final int MAX_HALF = 1 << 20;
    /** Stop refining when the extrapolated E0 changes by less than this (relative to max(1, |E0|)). */
    private static final double TOLERANCE = 1e-12;
    /** 16 ε: the rounding level of a computed level relative to ‖H_h‖. */
    private static final double ROUNDING = 16 * 0x1.0p-52;

    private final GaussianExpectation engine;
    private final double step;

    /**
     * @param engine the Gaussian engine (use the solver's)
     * @param step   bounds the refinement of the finite-difference operator: its step goes down at most to a quarter
     *               of the smaller of this and the lag step of Δ (e.g. 0.01; the extrapolation usually stops earlier)
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
        Potential potential = new Potential(tau, delta, delta0, deltaInf, mean, g, kappa, phi);
        // the finest step the refinement may reach (it stops earlier once converged): a quarter of the given step, or
        // of the lag step of Δ if finer (resolves the narrow well of large g: width ~ 1/g for tanh)
        double hMin = 0.25 * (tau.length > 1 ? Math.min(step, tau[1] - tau[0]) : step);
        int half = FIRST_HALF;
        while (half > MIN_HALF && box / half < hMin) {
            half /= 2;
        }
        double[] v = potential.sample(box, half, null);
        double[] level = levels(v, box / half);
        // Richardson table of E0 and E1 in h_k = box/half_k, half_k = half·2^k (one box, nested grids)
        double[] row0 = {level[0]};
        double[] row1 = {level[1]};
        double best0 = level[0];
        double best1 = level[1];
        for (int k = 1; half < MAX_HALF && box / (2.0 * half) >= hMin; k++) {
            half *= 2;
            double h = box / half;
            v = potential.sample(box, half, v);
            level = levels(v, h);
            row0 = extrapolate(row0, level[0]);
            row1 = extrapolate(row1, level[1]);
            double change = Math.abs(row0[k] - best0);
            best0 = row0[k];
            best1 = row1[k];
            // converged, or at the rounding level of H_h (the levels carry errors ≈ ε‖H_h‖, ‖H_h‖ ≈ 4/h² + max V):
            // refining further would only add rounding
            double rounding = ROUNDING * (4.0 / (h * h) + potential.maxAbs());
            if (change <= Math.max(TOLERANCE * Math.max(1.0, Math.abs(best0)), rounding)) {
                break;
            }
        }
        double lambda = best0 < 1.0 ? Math.sqrt(1.0 - best0) - 1.0 : Double.NaN;
        return new Result(lambda, best0, best1, "schroedinger-ground-state");
    }

    /**
     * The next row of the Richardson table from the previous row and the level at the halved step: E(h) = E + a₂h² +
     * a₄h⁴ + …, so column j removes h^{2j}. This holds also for the kinked c(|τ|) of white noise (measured: g = 2,
     * σ = 1, tanh: column 1 converges like h⁴ and the diagonal to 10⁻¹²; removing an h³ term instead is worse).
     */
    private static double[] extrapolate(double[] previous, double value) {
        double[] row = new double[previous.length + 1];
        row[0] = value;
        for (int j = 1; j < row.length; j++) {
            double f = Math.pow(4.0, j);
            row[j] = (f * row[j - 1] - previous[j - 1]) / (f - 1.0);
        }
        return row;
    }

    /**
     * The two lowest levels of the second-order finite-difference H on τ_i = i·h, |i| &lt; half (Dirichlet at ±half·h),
     * from V(|τ|) at k·h, k = 0 … half − 1. V is even, so H splits into an even block (ψ_{−i} = ψ_i: rows 0 … half − 1,
     * the coupling of rows 0 and 1 symmetrized to −√2/h²) holding E0 and an odd block (ψ_0 = 0: rows 1 … half − 1)
     * holding E1; the lowest eigenvalue of each by Sturm-sequence bisection to the last bit.
     */
    private static double[] levels(double[] potential, double h) {
        int half = potential.length;
        double h2 = 1.0 / (h * h);
        double[] diag = new double[half];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < half; i++) {
            diag[i] = 2.0 * h2 + potential[i];
            low = Math.min(low, potential[i]);
            high = Math.max(high, potential[i]);
        }
        // all levels lie in [min V, max V + 4/h²] (Gershgorin; −Δ_h is positive semidefinite)
        double lo = low - 1.0;
        double hi = high + 4.0 * h2 + 1.0;
        double e0 = lowest(diag, 0, 2.0 * h2 * h2, h2 * h2, lo, hi);
        double e1 = lowest(diag, 1, h2 * h2, h2 * h2, lo, hi);
        return new double[] {e0, e1};
    }

    /**
     * The lowest eigenvalue of the symmetric tridiagonal matrix with diagonal a[first …] and squared off-diagonals
     * b2First (between its first two rows) and b2 (all others), bracketed by [lo, hi], by bisection on the Sturm
     * count (LDLᵀ pivots with LAPACK's pivmin guard) until the bracket is two units in the last place wide.
     */
    private static double lowest(double[] a, int first, double b2First, double b2, double lo, double hi) {
        double pivmin = Double.MIN_NORMAL * Math.max(1.0, Math.max(b2First, b2));
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi || hi - lo <= 2.0 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                return mid;
            }
            if (hasLevelBelow(a, first, b2First, b2, mid, pivmin)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }

    /** Whether an eigenvalue lies below x: a negative LDLᵀ pivot of (matrix − x) (Sylvester's law of inertia). */
    private static boolean hasLevelBelow(double[] a, int first, double b2First, double b2, double x, double pivmin) {
        double q = a[first] - x;
        if (Math.abs(q) <= pivmin) {
            q = -pivmin;
        }
        if (q < 0) {
            return true;
        }
        double coupling = b2First;
        for (int i = first + 1; i < a.length; i++) {
            q = a[i] - x - coupling / q;
            if (Math.abs(q) <= pivmin) {
                q = -pivmin;
            }
            if (q < 0) {
                return true;
            }
            coupling = b2;
        }
        return false;
    }

    /**
     * V(τ) = 1 − g²F_{φ′}(Δ(τ); μ, Δ0): Δ by local Lagrange interpolation of degree 7 on the solved grid (one-sided
     * near τ = 0 and τmax, so that a kink at 0 is respected), continued by the exponential tail; F_{φ′}(Δ0 − u²) by
     * a Chebyshev series in u = √(Δ0 − Δ) (for Δ ≥ 0 the inner standard deviation of the engine's decomposition,
     * in which kinked φ′ give smooth F), sampled once.
     */
    private final class Potential {
        private static final int STENCIL = 8;
        private static final double COEFFICIENT_TOLERANCE = 1e-11;
        private static final int MIN_DEGREE = 32;
        private static final int MAX_DEGREE = 1024;

        private final double[] tau;
        private final double[] delta;
        private final double delta0;
        private final double deltaInf;
        private final double g2;
        private final double kappa;
        private final double tail;
        private final double dTau;
        private final double uMax;
        private final double lowest;
        private final Chebyshev slopes;
        private final double flat;
        private double maxAbs;

        Potential(double[] tau, double[] delta, double delta0, double deltaInf, double mean, double g, double kappa,
                  TransferFunction phi) {
            this.tau = tau;
            this.delta = delta;
            this.delta0 = delta0;
            this.deltaInf = deltaInf;
            this.g2 = g * g;
            this.kappa = kappa;
            this.tail = delta[delta.length - 1] - deltaInf;
            this.dTau = tau.length > 1 ? tau[1] - tau[0] : 1.0;
            double low = deltaInf;
            for (double d : delta) {
                low = Math.min(low, d);
            }
            this.lowest = Math.max(-delta0, Math.min(delta0, low));
            this.uMax = Math.sqrt(delta0 - lowest);
            var dPhi = TransferIntegrands.derivative(phi);
            if (uMax > 0) {
                this.slopes = slopeSeries(dPhi, mean);
                this.flat = Double.NaN;
            } else {
                this.slopes = null;
                this.flat = engine.correlation(dPhi, mean, delta0, delta0);
            }
        }

        /** V at k·box/half, k = 0 … half − 1; the even entries are taken from {@code coarse} (half/2 points) if given. */
        double[] sample(double box, int half, double[] coarse) {
            double h = box / half;
            double[] v = new double[half];
            for (int k = 0; k < half; k++) {
                v[k] = coarse != null && k % 2 == 0 ? coarse[k / 2] : at(k * h);
                maxAbs = Math.max(maxAbs, Math.abs(v[k]));
            }
            return v;
        }

        /** max |V| over the points sampled so far. */
        double maxAbs() {
            return maxAbs;
        }

        private double at(double t) {
            double tauMax = tau[tau.length - 1];
            double d = t <= tauMax ? interpolate(t) : deltaInf + tail * Math.exp(-kappa * (t - tauMax));
            d = Math.max(lowest, Math.min(delta0, d));
            double slope = slopes == null ? flat : slopes.value(Math.min(uMax, Math.sqrt(delta0 - d)));
            return 1.0 - g2 * slope;
        }

        /** Δ(t), 0 ≤ t ≤ τmax, by the Lagrange polynomial through the 8 nearest grid points (fewer if the grid is short). */
        private double interpolate(double t) {
            int n = tau.length;
            double x = t / dTau;
            int i = (int) Math.floor(x);
            if (i >= n - 1) {
                return delta[n - 1];
            }
            if (x == i) {
                return delta[i];
            }
            int width = Math.min(STENCIL, n);
            int first = Math.max(0, Math.min(n - width, i - width / 2 + 1));
            double sum = 0.0;
            for (int j = 0; j < width; j++) {
                double weight = 1.0;
                for (int m = 0; m < width; m++) {
                    if (m != j) {
                        weight *= (x - (first + m)) / (j - m);
                    }
                }
                sum += weight * delta[first + j];
            }
            return sum;
        }

        /** u ↦ F_{φ′}(Δ0 − u²) on [0, uMax], degree doubled until the coefficients decay to 10⁻¹⁴ or stop decaying. */
        private Chebyshev slopeSeries(DoubleUnaryOperator dPhi, double mean) {
            int n = MIN_DEGREE;
            double[] values = sampleSlopes(dPhi, mean, n, null);
            Chebyshev series = Chebyshev.fromValues(0.0, uMax, values);
            while (series.tail() > COEFFICIENT_TOLERANCE * series.scale() && n < MAX_DEGREE) {
                n *= 2;
                values = sampleSlopes(dPhi, mean, n, values);
                Chebyshev refined = Chebyshev.fromValues(0.0, uMax, values);
                if (refined.tail() > 0.25 * series.tail()) {
                    return refined;   // the coefficients have reached the quadrature noise of the samples
                }
                series = refined;
            }
            return series;
        }

        private double[] sampleSlopes(DoubleUnaryOperator dPhi, double mean, int n, double[] previous) {
            double[] u = Chebyshev.points(0.0, uMax, n);
            double[] v = new double[n + 1];
            // independent nodes, each computed by the thread-safe engine: the result does not depend on threads
            IntStream.rangeClosed(0, n).parallel().forEach(j -> {
                if (previous != null && j % 2 == 0) {
                    v[j] = previous[j / 2];
                    return;
                }
                double c = j == 0 ? lowest : (j == n ? delta0 : Math.max(lowest, delta0 - u[j] * u[j]));
                v[j] = engine.correlation(dPhi, mean, delta0, c);
            });
            return v;
        }
    }
}
