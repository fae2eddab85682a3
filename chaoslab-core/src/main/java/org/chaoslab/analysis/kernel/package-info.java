/**
 * Analyses of stimulus responses (stimuli × trials × units): same-trial and cross-trial kernels, the kernel vs
 * stimulus distance on a circle and its nugget (Bauer, Keup, Kadmon &amp; Helias 2026), plain and cross-validated PCA
 * spectra with power-law fits (Stringer, Pachitariu et al., Nature 571:361, 2019), and empirical kernel ridge
 * regression learning curves (compare {@code org.chaoslab.theory.kernel.KernelRegressionTheory}).
 */
package org.chaoslab.analysis.kernel;
