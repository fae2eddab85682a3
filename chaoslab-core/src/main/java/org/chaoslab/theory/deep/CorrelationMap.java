package org.chaoslab.theory.deep;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.PiecewiseSmooth;
import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.DeepNetwork;

/**
 * The correlation map of two inputs through a random deep network: with both inputs at squared length q
 * and correlation c in layer l−1,
 * c^l = [σ_w² ∫Dz₁Dz₂ φ(u₁)φ(u₂) + σ_b²] / q^l, u₁ = √q z₁, u₂ = √q (c z₁ + √(1−c²) z₂),
 * its slope and its stable fixed point. Dropout (independent masks for the two inputs) enters only
 * through q^l. Immutable and thread-safe.
 */
public final class CorrelationMap {

    /** Iterations of the safeguarded Newton method started from a guess. */
    private static final int NEWTON_ITERATIONS = 12;
    /** Newton stops once a step is this small (the next one would be ~its square). */
    private static final double NEWTON_STEP = 1e-9;

    private final double sw2;
    private final double sb2;
    private final boolean dropout;
    private final LengthMap length;
    private final GaussianExpectation engine;
    private final PiecewiseSmooth phi;
    private final PiecewiseSmooth dphi;

    /** The map of {@code network} evaluated with {@code engine}. */
    public CorrelationMap(DeepNetwork network, GaussianExpectation engine) {
        this.sw2 = network.weightVariance();
        this.sb2 = network.biasVariance();
        this.dropout = network.hasDropout();
        this.length = new LengthMap(network, engine);
        this.engine = engine;
        this.phi = TransferIntegrands.phi(network.transfer());
        this.dphi = TransferIntegrands.derivative(network.transfer());
    }

    /** c^1 = (σ_w² q0 c0 + σ_b²)/q^1 for inputs with |x|²/N = q0 and correlation c0. */
    public double first(double q0, double c0) {
        return (sw2 * q0 * c0 + sb2) / length.first(q0);
    }

    /** The next layer's covariance q_ab^l = σ_w² ⟨φ(u₁)φ(u₂)⟩ + σ_b² (Poole et al. 2016, Eq. 4). */
    public double nextCovariance(double q, double c) {
        return sw2 * engine.correlation(phi, 0.0, q, clamp(c) * q) + sb2;
    }

    /** c^l from layer l−1 at (q, c): q_ab^l / q^l (Poole et al. 2016, Eq. 4; Schoenholz et al. 2017, Eq. 2). */
    public double next(double q, double c) {
        return nextCovariance(q, c) / length.next(q);
    }

    /**
     * ∂c^l/∂c^{l−1} = σ_w² q ⟨φ′(u₁)φ′(u₂)⟩ / q^l; at the fixed point q^l = q = q* this is
     * χ_c = σ_w² ∫Dz₁Dz₂ φ′(u₁)φ′(u₂) (Schoenholz et al. 2017, Eq. 7; Price's theorem).
     */
    public double slope(double q, double c) {
        return sw2 * q * engine.correlation(dphi, 0.0, q, clamp(c) * q) / length.next(q);
    }

    /** χ_c at the fixed point q*: σ_w² ⟨φ′(u₁)φ′(u₂)⟩ with variance q* and correlation c. */
    public double chiC(double qStar, double c) {
        return sw2 * engine.correlation(dphi, 0.0, Math.max(qStar, LengthMap.TINY_VARIANCE),
                clamp(c) * Math.max(qStar, LengthMap.TINY_VARIANCE));
    }

    /**
     * The stable fixed point of c ↦ M(c) = [σ_w² ⟨φ(u₁)φ(u₂)⟩ + σ_b²]/q* at q = q*.
     * Without dropout and with χ1 ≤ 1 (to 10⁻¹²) this is c* = 1 (ordered phase); otherwise (chaotic, or any
     * dropout, which makes M(1) &lt; 1) the largest root of M(c) = c below 1 that attracts from above.
     *
     * @param qStar the length fixed point (finite)
     * @param chi1  χ1 at q*
     * @param guess a nearby c* (e.g. a neighbouring grid point) to start Newton's method from, or NaN
     */
    public CorrelationFixedPoint fixedPoint(double qStar, double chi1, double guess) {
        if (!dropout && (chi1 <= 1.0 + DeepPhase.CRITICAL_WIDTH || qStar == 0.0)) {
            return new CorrelationFixedPoint(1.0, chi1);
        }
        double start = Double.isNaN(guess) ? nearOne(qStar, chi1) : guess;
        CorrelationFixedPoint fp = Double.isNaN(start) ? null : newton(qStar, start);
        if (fp == null) {
            double c = bracketed(qStar);
            fp = new CorrelationFixedPoint(c, chiC(qStar, c));
        }
        return fp;
    }

    /**
     * The start 1 − 2(χ1 − 1)/χ2 from G(1 − ε) ≈ −(χ1 − 1)ε + χ2 ε²/2 (M″(1) = σ_w² q*⟨φ″²⟩ = χ2), exact
     * near the boundary; NaN with dropout, for kinked φ, or when it leaves (−1, 1).
     */
    private double nearOne(double qStar, double chi1) {
        if (dropout) {
            return Double.NaN;
        }
        double chi2 = length.chi2(qStar);
        double eps = 2.0 * (chi1 - 1.0) / chi2;
        return eps > 0 && eps < 2.0 ? 1.0 - eps : Double.NaN;
    }

    /** G(c) = M(c) − c at q*. */
    private double excess(double qStar, double c) {
        return (sw2 * engine.correlation(phi, 0.0, qStar, c * qStar) + sb2) / qStar - c;
    }

    /**
     * Safeguarded Newton from a guess; null when it leaves [−1, 1) or meets a slope M′ ≥ 1 (the
     * stable root has M′ &lt; 1; elsewhere Newton may run to the repelling root c = 1).
     */
    private CorrelationFixedPoint newton(double qStar, double guess) {
        double c = guess;
        for (int it = 0; it < NEWTON_ITERATIONS; it++) {
            if (!(c >= -1.0 && c < 1.0)) {
                return null;
            }
            double g = excess(qStar, c);
            double slope = chiC(qStar, c);
            if (!(slope < 1.0)) {
                return null;
            }
            double step = g / (slope - 1.0);
            if (Math.abs(step) <= NEWTON_STEP) {
                // quadratic convergence: c − step is exact to ~(M″/|G′|)·step² ≤ 1e-18/(1 − χ_c);
                // χ_c, taken at c, is off by M″·|step| ≤ M″·1e-9
                return new CorrelationFixedPoint(c - step, slope);
            }
            c -= step;
        }
        return null;
    }

    /**
     * Brackets the stable root by walking toward c = 1 along c_k = 1 − 2^{−k} while G ≥ 0 (and below
     * 1/2 toward −1 when G(1/2) &lt; 0), then solves with Brent's method. G(−1) ≥ 0 always since M ≥ −1.
     */
    private double bracketed(double qStar) {
        double a;
        double b;
        if (excess(qStar, 0.5) >= 0) {
            a = 0.5;
            b = Double.NaN;
            for (int k = 2; k <= 52; k++) {
                double c = 1.0 - Math.scalb(1.0, -k);
                if (excess(qStar, c) < 0) {
                    b = c;
                    break;
                }
                a = c;
            }
            if (Double.isNaN(b)) {
                return 1.0; // G ≥ 0 up to 1 − 2⁻⁵²: c* = 1 to double precision
            }
        } else {
            b = 0.5;
            a = Double.NaN;
            for (double c : new double[] {0.25, 0.0, -0.5, -0.9, -1.0}) {
                double g = excess(qStar, c);
                if (g == 0.0 && chiC(qStar, c) < 1.0) {
                    return c; // an exact, attracting root (c* = 0 for odd φ, σ_b = 0, deep in the chaotic phase)
                }
                if (g == 0.0) {
                    a = aboveUnstableRoot(qStar, c, b);
                    if (Double.isNaN(a)) {
                        return c;
                    }
                    break;
                }
                if (g > 0) {
                    a = c;
                    break;
                }
                b = c;
            }
            if (Double.isNaN(a)) {
                return -1.0;
            }
        }
        double lo = a;
        double hi = b;
        return Roots.brent(c -> excess(qStar, c), lo, hi, 1e-15);
    }

    /** A point in (root, b) where G &gt; 0, just above a repelling exact root; NaN if none is found. */
    private double aboveUnstableRoot(double qStar, double root, double b) {
        for (int k = 1; k <= 40; k++) {
            double c = root + Math.scalb(b - root, -k);
            if (excess(qStar, c) > 0) {
                return c;
            }
        }
        return Double.NaN;
    }

    private static double clamp(double c) {
        return Math.max(-1.0, Math.min(1.0, c));
    }
}
