/**
 * The rate-network commands ({@code simulate rate}, {@code dmft scs|transition}, {@code compare scs}, {@code lyapunov},
 * {@code lyapunov-sweep}): the SCS network dx/dt = -x + J phi(x) + I + xi, simulated and beside its DMFT (Sompolinsky,
 * Crisanti &amp; Sommers 1988; with noise docs/noise.md). Thin: the network and run options (mixins
 * {@link org.chaoslab.cli.rate.NetworkOptions}, {@link org.chaoslab.cli.rate.RunOptions}, also used by
 * {@code cli.correlations} and {@code demo}) to model records, core calls, outputs through {@code cli.common} and
 * {@code RateOutputs}.
 */
package org.chaoslab.cli.rate;
