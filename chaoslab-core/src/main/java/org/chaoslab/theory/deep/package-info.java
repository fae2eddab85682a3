/**
 * Signal propagation in random deep feed-forward networks, N → ∞ (Poole, Lahiri, Raghu,
 * Sohl-Dickstein &amp; Ganguli, NeurIPS 2016; Schoenholz, Gilmer, Ganguli &amp; Sohl-Dickstein, ICLR 2017).
 *
 * <p>{@link org.chaoslab.theory.deep.LengthMap} (q^l), {@link org.chaoslab.theory.deep.CorrelationMap}
 * (c^l), their fixed points and slopes; {@link org.chaoslab.theory.deep.DeepMeanField} combines them
 * into the order–chaos summary ({@link org.chaoslab.theory.deep.SignalPropagation}: q*, c*, χ1, χ_c,
 * depth scales ξ_q, ξ_c), layer-by-layer trajectories, and the propagation of a great circle
 * (length and extrinsic curvature); {@link org.chaoslab.theory.deep.OrderChaosBoundary} finds the
 * curve χ1 = 1 in the (σ_w², σ_b²) plane and {@link org.chaoslab.theory.deep.PhaseDiagram} computes
 * grids of χ1 and ξ_c. Every Gaussian average goes through {@link org.chaoslab.gauss.GaussianExpectation}.
 * This package never imports the simulator.
 */
package org.chaoslab.theory.deep;
