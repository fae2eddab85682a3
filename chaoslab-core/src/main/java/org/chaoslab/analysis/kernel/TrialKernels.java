package org.chaoslab.analysis.kernel;

/**
 * Same-trial and cross-trial stimulus kernels, both P×P symmetric row-major (Bauer, Keup, Kadmon &amp; Helias 2026):
 * K_same(p,q) = (1/T) Σ_t (1/N) Σ_i r_i(p,t) r_i(q,t) and
 * K_cross(p,q) = (1/(T(T−1))) Σ_{t≠t′} (1/N) Σ_i r_i(p,t) r_i(q,t′) (both orders, hence symmetric).
 * The gap K_same(p,p) − K_cross(p,p) is the trial-to-trial variance per unit: the nugget.
 *
 * @param stimuli    P
 * @param trials     T the kernels were averaged over
 * @param units      N
 * @param sameTrial  K_same, P×P row-major
 * @param crossTrial K_cross, P×P row-major (NaN everywhere when T = 1)
 */
public record TrialKernels(int stimuli, int trials, int units, double[] sameTrial, double[] crossTrial) {
}
