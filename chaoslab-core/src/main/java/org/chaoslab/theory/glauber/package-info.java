/**
 * Mean-field theory of Glauber binary networks: rate and quenched q (with a static stimulus input), the dynamic mean
 * field of the autocorrelation and the matched rate network (Keup et al. 2021), the replica distance and its sqrt law.
 */
package org.chaoslab.theory.glauber;
