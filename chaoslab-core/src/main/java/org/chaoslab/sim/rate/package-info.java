/**
 * The simulator of random rate networks (SCS 1988): realizations, integrators (Euler/map,
 * exponential Euler, RK4), batched replicas and the run loop.
 */
package org.chaoslab.sim.rate;
