/**
 * Stimulus-driven networks simulated in batches: the responses of one network realization to P stimuli × T trials
 * advance together as the columns of one N × (P·T) state (one matrix–matrix product per step for the synchronous maps
 * and the continuous-time rate network; asynchronous Glauber updates per column), recorded as float32 response
 * arrays from which {@code analysis.kernel} builds kernels (Bauer, Keup, Kadmon &amp; Helias 2026).
 */
package org.chaoslab.sim.kernel;
