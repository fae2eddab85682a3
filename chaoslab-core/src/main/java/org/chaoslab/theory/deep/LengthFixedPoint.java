package org.chaoslab.theory.deep;

/**
 * The fixed point of the length map q* = Q(q*), or the statement that none exists.
 *
 * @param exists           false when q^l grows without bound (then {@code qStar} is +∞)
 * @param qStar            q*, the squared length per unit of the pre-activations in deep layers
 * @param slope            Q′(q*), the slope of the map at the fixed point (NaN if none)
 * @param convergenceDepth the first layer l with |q^l − q*| ≤ 10⁻³·max(q*, q^1) starting from the given
 *                         q^1; −1 if not reached within {@link LengthMap#MAX_DEPTH} layers or not computed
 */
public record LengthFixedPoint(boolean exists, double qStar, double slope, int convergenceDepth) {
}
