/**
 * The binary-network commands ({@code simulate balanced|glauber}, {@code meanfield balanced|glauber},
 * {@code compare balanced|glauber}): the balanced E/I network (van Vreeswijk &amp; Sompolinsky 1998) and the Glauber
 * network with Gaussian couplings and its matched rate model (docs/glauber.md). Thin: options (mixins
 * {@link org.chaoslab.cli.binary.BalancedOptions}, also used by {@code cli.kernel}, and
 * {@code GlauberOptions}) to model records, core calls, outputs through {@code cli.common}
 * and {@code BalancedPlots}.
 */
package org.chaoslab.cli.binary;
