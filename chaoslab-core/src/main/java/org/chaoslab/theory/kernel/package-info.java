/**
 * Two-replica mean-field theory of stimulus-response kernels of random networks (Bauer, Keup, Kadmon &amp; Helias,
 * arXiv:2606.04426 (2026); reconstruction in the science notes §5, derivations in docs/kernels.md): the stationary
 * cross-trial kernel K(Δ), its same-trial value, the nugget ν = K(0) − K(0⁺) (chaotic regularization), transients
 * from a shared state with their roughness exponents, and circle spectra.
 *
 * <ul>
 *   <li>{@link org.chaoslab.theory.kernel.BinaryKernelTheory}: 0/1 units, synchronous map and Glauber dynamics;</li>
 *   <li>{@link org.chaoslab.theory.kernel.RateMapKernelTheory}: the synchronous rate map x ← Jφ(x) + x(θ) + I;</li>
 *   <li>{@link org.chaoslab.theory.kernel.RateFlowKernelTheory}: the continuous-time rate network, on top of the DMFT;</li>
 *   <li>{@link org.chaoslab.theory.kernel.BivariateNormal}: Owen's T and the equal-argument orthant probability;</li>
 *   <li>{@link org.chaoslab.theory.kernel.CircleSpectrum}: eigenvalues on the circle and the power-law exponent.</li>
 * </ul>
 * Pure functions of plain parameters; nothing here imports the simulators.
 */
package org.chaoslab.theory.kernel;
