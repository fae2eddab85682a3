/**
 * The simulator of random rate networks (SCS 1988): realizations, integrators (Euler/map,
 * exponential Euler, RK4), batched replicas and the run loop. The integrators' stages are described once
 * ({@link org.chaoslab.sim.rate.IntegratorStages}): the simulator's stepper and the Lyapunov analyzer's tangent system
 * ({@code org.chaoslab.sim.lyapunov}) both advance with them, the problem (the product F = Jφ + I) kept apart.
 */
package org.chaoslab.sim.rate;
