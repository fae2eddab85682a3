/**
 * The Gaussian-expectation engine shared by every mean-field theory of chaoslab.
 *
 * <p>{@link org.chaoslab.gauss.GaussianExpectation} computes E f(x) for x ~ N(μ, v) and the bivariate
 * averages F_{f,h}(c) = E f(x) h(y) of jointly Gaussian x, y, by nested one-dimensional integrals
 * over the standard-normal variable (x = μ + √(q−|c|) y₁ + √|c| z). The one-dimensional rule is a
 * strategy ({@link org.chaoslab.gauss.QuadratureRule}): an adaptive trapezoid rule (default) or
 * Gauss–Hermite. Functions with kinks ({@link org.chaoslab.gauss.PiecewiseSmooth} with
 * breakpoints, e.g. ReLU) are integrated piecewise with composite Gauss–Legendre panels split at
 * the kinks. {@link org.chaoslab.gauss.TransferIntegrands} turns a model transfer function into
 * such integrands (φ, φ′, Φ).
 */
package org.chaoslab.gauss;
