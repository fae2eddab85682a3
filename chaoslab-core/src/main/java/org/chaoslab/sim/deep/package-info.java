/**
 * Finite-width random deep feed-forward networks: many realizations, each propagating a batch of
 * probe inputs (input pairs and a circle of ≥ 1000 points) through all layers with one matrix product
 * per layer, and measuring per layer q^l, c^l, the Jacobian's mean squared singular value and the
 * circle's length and curvature. Never imports the theory.
 */
package org.chaoslab.sim.deep;
