/**
 * The kernel commands ({@code kernel theory|simulate|spectrum|learning-curve|regularization}, {@code compare kernel}):
 * stimulus-response kernels and chaotic regularization (Bauer, Keup, Kadmon &amp; Helias 2026; docs/kernels.md). Thin:
 * options (shared as mixins: {@link org.chaoslab.cli.kernel.KernelNetworkOptions}, {@link org.chaoslab.cli.kernel.StimulusOptions},
 * {@link org.chaoslab.cli.kernel.ProtocolOptions}) to model records, core calls, outputs through {@code cli.common}.
 */
package org.chaoslab.cli.kernel;
