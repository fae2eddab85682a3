/**
 * The deep-network commands ({@code deepnet maps|boundary|phase-diagram|simulate|compare}): random deep feed-forward
 * networks, signal-propagation theory beside finite-width simulation (Poole et al. 2016; Schoenholz et al. 2017).
 * Thin: options (mixins {@link org.chaoslab.cli.deep.DeepNetworkOptions}, {@link org.chaoslab.cli.deep.DeepInputOptions},
 * {@link org.chaoslab.cli.deep.DeepRunOptions}; the three together, with the checks before a simulation, as
 * {@link org.chaoslab.cli.deep.DeepSimulationOptions} for {@code simulate} and {@code compare}) to model records, core
 * calls, outputs through {@code cli.common} and {@code DeepOutputs}.
 */
package org.chaoslab.cli.deep;
