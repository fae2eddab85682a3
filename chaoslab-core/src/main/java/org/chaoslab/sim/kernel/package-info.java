/**
 * Stimulus-driven networks simulated in batches: the responses of one network realization to P stimuli × T trials
 * advance together as the columns of one N × (P·T) state (one matrix–matrix product per step for the synchronous maps
 * and the continuous-time rate network; asynchronous Glauber updates per column), recorded as float32 response
 * arrays from which {@code analysis.kernel} builds kernels (Bauer, Keup, Kadmon &amp; Helias 2026).
 *
 * <p>Measured (KernelBenchmarkTest, 100 steps of 1024 stimuli × 2 trials at N = 2000, 2 threads on 2 AVX-512 cores
 * with the pure-Java VectorBLAS, machine shared with other jobs at load 5–7; GFLOP/s counted as 2N²·columns per step):
 * rate sync tanh float64 805 ms/step (20 GFLOP/s), float32 440 ms/step (37); binary sync with the float32 sgemm
 * 269 ms/step (61), with the column sums 127 ms/step (129 equivalent). The Vector API kernels run slowly until the
 * JIT has compiled them (the first step or two of a JVM).
 */
package org.chaoslab.sim.kernel;
