/**
 * Binary networks: the balanced E/I network (event-driven, van Vreeswijk &amp; Sompolinsky; the simulator's event
 * loop apart from the recorders it calls, {@link org.chaoslab.sim.binary.BalancedSimulator}), Glauber networks with
 * replicas, and the matched rate network with output noise (Keup et al. 2021).
 */
package org.chaoslab.sim.binary;
