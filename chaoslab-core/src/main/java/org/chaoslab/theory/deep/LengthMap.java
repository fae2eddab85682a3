package org.chaoslab.theory.deep;

import java.util.function.DoubleUnaryOperator;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.TransferFunction;

/**
 * The length map of a random deep network, q^l = (σ_w²/ρ) ∫Dz φ(√q^{l−1} z)² + σ_b², its slope,
 * its fixed point q* and the single-input susceptibilities χ1 and χ2. Pure functions of the network
 * description (width and depth are not used); immutable and thread-safe.
 */
public final class LengthMap {

    /** Layers iterated at most when measuring the convergence depth. */
    public static final int MAX_DEPTH = 100_000;
    /** Relative tolerance of the convergence depth: |q^l − q*| ≤ this · max(q*, q^1). */
    public static final double DEPTH_TOLERANCE = 1e-3;
    /** Smallest variance used where a kink must be seen from both sides (limit q → 0⁺). */
    static final double TINY_VARIANCE = 1e-12;

    /** Plain iterations before the root is polished by Newton's method. */
    private static final int ITERATIONS = 3;
    /** q beyond this multiple of max(1, q^1) counts as growing without bound. */
    private static final double UNBOUNDED = 1e12;

    private final double sw2;
    private final double sb2;
    private final double keep;
    private final GaussianExpectation engine;
    private final PiecewiseSmooth phi2;
    private final PiecewiseSmooth dphi2;
    private final PiecewiseSmooth stein;
    private final DoubleUnaryOperator ddphi2;

    /** The map of {@code network} evaluated with {@code engine}. */
    public LengthMap(DeepNetwork network, GaussianExpectation engine) {
        this.sw2 = network.weightVariance();
        this.sb2 = network.biasVariance();
        this.keep = network.keepProbability();
        this.engine = engine;
        TransferFunction f = network.transfer();
        this.phi2 = TransferIntegrands.phiSquared(f);
        this.dphi2 = TransferIntegrands.derivativeSquared(f);
        double[] kinks = TransferIntegrands.kinks(f);
        this.stein = PiecewiseSmooth.of(x -> x * f.phi(x) * f.derivative(x), kinks);
        DoubleUnaryOperator dd = SecondDerivative.of(f);
        this.ddphi2 = dd == null ? null : PiecewiseSmooth.smooth(x -> {
            double v = dd.applyAsDouble(x);
            return v * v;
        });
    }

    /** q^1 = σ_w² q0 + σ_b², the first layer fed by an input with |x|²/N = q0 (Poole et al. 2016, after Eq. 3). */
    public double first(double q0) {
        return sw2 * q0 + sb2;
    }

    /** Q(q) = (σ_w²/ρ) ⟨φ(√q z)²⟩ + σ_b² (Poole et al. 2016, Eq. 3; dropout: Schoenholz et al. 2017, Eq. 18). */
    public double next(double q) {
        return sw2 / keep * engine.expectation(phi2, 0.0, q) + sb2;
    }

    /**
     * Q′(q) = (σ_w²/ρ) ⟨x φ(x) φ′(x)⟩/q, x ~ N(0, q): by Stein's lemma equal to
     * (σ_w²/ρ) ⟨φ′² + φ φ″⟩, the quantity in ξ_q (Schoenholz et al. 2017, Eq. 5), but valid for kinked φ.
     */
    public double slope(double q) {
        double v = Math.max(q, TINY_VARIANCE);
        return sw2 / keep * engine.expectation(stein, 0.0, v) / v;
    }

    /** χ1 = σ_w² ⟨φ′(√q z)²⟩ (Poole et al. 2016, Eq. 5; Schoenholz et al. 2017, Eq. 3), at q → 0⁺ for q = 0. */
    public double chi1(double q) {
        return sw2 * engine.expectation(dphi2, 0.0, Math.max(q, TINY_VARIANCE));
    }

    /**
     * χ2 = σ_w² q ⟨φ″(√q z)²⟩ (Poole et al. 2016, Eq. 9), +∞ for a φ with kinks (φ″ has a δ).
     */
    public double chi2(double q) {
        if (ddphi2 == null) {
            return Double.POSITIVE_INFINITY;
        }
        return sw2 * q * engine.expectation(ddphi2, 0.0, q);
    }

    /** ⟨φ″²⟩·σ_w² at variance q (χ2/q, finite also at q = 0); +∞ for kinked φ. */
    double curvatureSource(double q) {
        if (ddphi2 == null) {
            return Double.POSITIVE_INFINITY;
        }
        return sw2 * engine.expectation(ddphi2, 0.0, q);
    }

    /**
     * The fixed point reached by iterating the map from q^1, without the convergence depth.
     *
     * @param q1 the first layer's q (≥ 0)
     */
    public LengthFixedPoint fixedPoint(double q1) {
        return solve(q1, false);
    }

    /** As {@link #fixedPoint(double)}, and also counts the layers needed to converge from q^1. */
    public LengthFixedPoint fixedPointWithDepth(double q1) {
        return solve(q1, true);
    }

    private LengthFixedPoint solve(double q1, boolean depth) {
        if (!(q1 >= 0) || !Double.isFinite(q1)) {
            throw new IllegalArgumentException("q1 must be finite and >= 0 (got " + q1 + ")");
        }
        double cap = UNBOUNDED * Math.max(1.0, q1);
        double q = q1;
        for (int it = 0; it < ITERATIONS; it++) {
            double next = next(q);
            if (!(next <= cap)) {
                return unbounded();
            }
            q = next;
        }
        double polished = newton(q, cap);
        q = Double.isNaN(polished) ? refine(q, cap) : polished;
        if (Double.isInfinite(q)) {
            return unbounded();
        }
        int d = depth ? depth(q1, q) : -1;
        return new LengthFixedPoint(true, q, slope(q), d);
    }

    private static LengthFixedPoint unbounded() {
        return new LengthFixedPoint(false, Double.POSITIVE_INFINITY, Double.NaN, -1);
    }

    /**
     * Newton's method on G(q) = Q(q) − q with G′ = Q′ − 1 from the iterate q; NaN when a step meets
     * Q′ ≥ 1 (not the attracting root), leaves [0, cap] or does not settle in 30 steps.
     */
    private double newton(double q, double cap) {
        for (int it = 0; it < 30; it++) {
            double g = next(q) - q;
            double d = slope(q) - 1.0;
            if (!(d < 0)) {
                return Double.NaN;
            }
            double step = g / d;
            double nq = q - step;
            if (!(nq >= 0 && nq <= cap)) {
                return Double.NaN;
            }
            if (Math.abs(step) <= 1e-14 * nq || nq == q) {
                return nq;
            }
            q = nq;
        }
        return Double.NaN;
    }

    /** G(q) = Q(q) − q. */
    private double excess(double q) {
        return next(q) - q;
    }

    /**
     * The root of G = Q − q that the iteration from q approaches: above q when G(q) &gt; 0 (found by
     * doubling up to the cap, beyond which q^l is unbounded), below q when G(q) &lt; 0 (halving; 0
     * when G stays negative down to 10⁻³⁰⁰, as for odd φ, σ_b = 0 in the ordered phase).
     */
    private double refine(double q, double cap) {
        double g = excess(q);
        if (g == 0.0) {
            return q;
        }
        if (g > 0) {
            double lo = q;
            double hi = 2.0 * q + sb2 + 1e-300;
            while (excess(hi) > 0) {
                lo = hi;
                hi *= 2.0;
                if (hi > cap) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            return Roots.brent(this::excess, lo, hi, 1e-15);
        }
        double hi = q;
        double lo = 0.5 * q;
        while (excess(lo) < 0) {
            hi = lo;
            lo *= 0.5;
            if (lo < 1e-300) {
                return 0.0;
            }
        }
        return Roots.brent(this::excess, lo, hi, 1e-15);
    }

    private int depth(double q1, double qStar) {
        double tol = DEPTH_TOLERANCE * Math.max(qStar, q1);
        double q = q1;
        for (int l = 1; l <= MAX_DEPTH; l++) {
            if (Math.abs(q - qStar) <= tol) {
                return l;
            }
            q = next(q);
        }
        return -1;
    }
}
