package org.chaoslab.theory.dmft;

/**
 * The transition to chaos of a noise-driven rate network at its φ, noise and inputs (Schuecker, Goedeke &amp; Helias,
 * PRX 8:041029 (2018)): noise separates the local stability line from the onset of chaos.
 *
 * @param gCritical the gain where the DMFT λ_max crosses 0 (chaos)
 * @param gLocal    the gain where g²⟨φ′²⟩ = 1 at the noisy state (local instability, below gCritical with noise)
 */
public record Transition(double gCritical, double gLocal) {
}
