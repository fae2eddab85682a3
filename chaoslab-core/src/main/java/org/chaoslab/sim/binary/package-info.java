/**
 * Binary networks: the balanced E/I network (event-driven, van Vreeswijk &amp; Sompolinsky), Glauber networks with
 * replicas, and the matched rate network with output noise (Keup et al. 2021).
 */
package org.chaoslab.sim.binary;
