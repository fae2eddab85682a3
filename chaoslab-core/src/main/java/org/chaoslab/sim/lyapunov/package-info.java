/**
 * Chaos diagnostics of rate networks on the simulation side: the Lyapunov spectrum by the QR method
 * (tangent dynamics consistent with the integrator — state, replica and tangent vectors advanced by the rate
 * simulator's {@link org.chaoslab.sim.rate.IntegratorStages} — re-orthonormalization by Cholesky QR with a measured
 * orthogonality check and Householder QR as the fallback, batch-means confidence intervals), the
 * Kaplan–Yorke dimension, the Kolmogorov–Sinai entropy rate, the phase-space contraction check and a
 * two-replica estimate of the largest exponent. Entry point: {@link org.chaoslab.sim.lyapunov.LyapunovAnalyzer}; the
 * two-replica estimate alone, batched over the gains of one realization (one matrix product per stage for all of them):
 * {@link org.chaoslab.sim.lyapunov.TwoReplicaBatch}.
 */
package org.chaoslab.sim.lyapunov;
