/** Recorders: streamed statistics and subsampled traces of a run, shared by all simulators of batched state. */
package org.chaoslab.sim.record;
