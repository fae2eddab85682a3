/**
 * {@code chaoslab bench}: speed as ratios measured in one run against numpy peers (chaoslab-bench/python) and the
 * machine bounds (memory bandwidth, gemm rate); {@code bench lyapunov} and {@code bench kernel} for the Lyapunov
 * spectrum and the stimulus-response loop. Results in docs/benchmarks.md.
 */
package org.chaoslab.bench;
