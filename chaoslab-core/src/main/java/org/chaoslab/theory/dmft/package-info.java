/**
 * Dynamic mean-field theory of random rate networks (Sompolinsky, Crisanti &amp; Sommers 1988): the stationary
 * autocorrelation for any transfer function, fixed points and their stability, the transition g_c, noise-driven DMFT
 * (white, Ornstein–Uhlenbeck, quenched) and the largest Lyapunov exponent of the DMFT.
 */
package org.chaoslab.theory.dmft;
