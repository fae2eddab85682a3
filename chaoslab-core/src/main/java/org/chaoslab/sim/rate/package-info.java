/**
 * The simulator of random rate networks (SCS 1988): realizations, integrators (Euler/map,
 * exponential Euler, RK4), batched replicas, batched gain sweeps and the run loop. The integrators' stages are described
 * once ({@link org.chaoslab.sim.rate.IntegratorStages}): the simulator's stepper and the Lyapunov analyzer's tangent
 * system ({@code org.chaoslab.sim.lyapunov}) both advance with them, the problem (the product F = Jφ + I) kept apart.
 * One step loop ({@code RateLoop}) advances every batch — the M replicas of {@link org.chaoslab.sim.rate.RateSimulator},
 * the K points of a g-sweep of one realization of {@link org.chaoslab.sim.rate.GainBatchSimulator}
 * (F_k = g_k·J₁φ(x_k) + I, one product J₁·Φ per step), the trajectory pairs of {@link org.chaoslab.sim.rate.ReplicaPairs}
 * (the batched two-replica Lyapunov estimate) — as groups of columns, each group with its own recorders and step
 * handler ({@link org.chaoslab.sim.rate.GroupStepHandler}) and stopped on its own when it diverges.
 */
package org.chaoslab.sim.rate;
