package org.chaoslab.theory.deep;

/**
 * The mean-field summary of signal propagation through a random deep network (N → ∞, L → ∞).
 *
 * @param phi              the transfer function's name
 * @param weightVariance   σ_w²
 * @param biasVariance     σ_b²
 * @param keepProbability  ρ (1: no dropout)
 * @param qStarExists      false when q^l grows without bound (then every other field but the phase is NaN)
 * @param qStar            q*, the fixed point of the length map
 * @param convergenceDepth layers from q^1 = σ_w² q0 + σ_b² until |q^l − q*| ≤ 10⁻³ max(q*, q^1); −1 if never
 * @param cStar            c*, the stable fixed point of the correlation map
 * @param chi1             χ1 = σ_w² ⟨φ′(√q* z)²⟩, the mean squared singular value of a layer's Jacobian
 *                         (without the 1/ρ of dropout) and the slope of the correlation map at c = 1
 * @param chiC             χ_c, the slope of the correlation map at c*
 * @param xiQ              ξ_q = −1/ln Q′(q*) (Schoenholz et al. 2017, Eq. 5); +∞ when Q′ ≥ 1
 * @param xiC              ξ_c = −1/ln χ_c (Schoenholz et al. 2017, Eq. 9); +∞ at the boundary
 * @param chi2             χ2 = σ_w² q* ⟨φ″²⟩ (+∞ for φ with kinks)
 * @param curvatureStar    κ̃* = √(3χ2/(χ1(χ1 − 1))), the limit of the circle's curvature in units of its
 *                         radius in the chaotic phase (Poole et al. 2016, Eq. 9); NaN elsewhere
 * @param phase            ordered, chaotic, critical or unbounded
 * @param note             a remark (dropout, no fixed point), or null
 */
public record SignalPropagation(String phi, double weightVariance, double biasVariance, double keepProbability,
                                boolean qStarExists, double qStar, int convergenceDepth, double cStar, double chi1,
                                double chiC, double xiQ, double xiC, double chi2, double curvatureStar, DeepPhase phase,
                                String note) {

    /** −1/ln x: the depth over which a perturbation shrinking by x per layer decays by e (+∞ for x ≥ 1). */
    static double depthScale(double x) {
        if (!(x < 1.0)) {
            return Double.isNaN(x) ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return x <= 0 ? 0.0 : -1.0 / Math.log(x);
    }
}
