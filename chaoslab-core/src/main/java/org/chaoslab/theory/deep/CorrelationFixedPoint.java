package org.chaoslab.theory.deep;

/**
 * The stable fixed point c* of the correlation map and the slope there.
 *
 * @param cStar the fixed point (1 in the ordered phase without dropout)
 * @param chiC  χ_c = σ_w² ∫Dz₁Dz₂ φ′(u₁)φ′(u₂) at c* (equals χ1 when c* = 1); from Newton's method it is
 *              taken at the last iterate, within M″(c*)·10⁻⁹ of its value at c*
 */
public record CorrelationFixedPoint(double cStar, double chiC) {
}
