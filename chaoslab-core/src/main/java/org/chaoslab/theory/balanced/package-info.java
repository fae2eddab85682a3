/**
 * Mean-field theory of the balanced E/I binary network (van Vreeswijk &amp; Sompolinsky 1996, 1998): large-K balance,
 * finite-K rates, quenched rate distribution, replica distance, stability against the inhibitory time constant.
 */
package org.chaoslab.theory.balanced;
