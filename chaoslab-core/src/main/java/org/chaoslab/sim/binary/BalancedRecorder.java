package org.chaoslab.sim.binary;

/**
 * Observes a run of the balanced binary network and keeps only what it needs, as {@link org.chaoslab.sim.Recorder}
 * does for a rate network: the event loop of {@link BalancedSimulator} calls every recorder at the start of the
 * recording, at every sample time, at the first event at or after each of its time marks (before the event), at every state change of replica 0 and at
 * the end. The replicas are owned by the simulator and valid only during a call. Times are in units of τ_E since the
 * start of the run.
 */
interface BalancedRecorder {

    /** The recording starts at t0 (the end of the transient; replica 1, if any, has branched off). */
    default void start(double t0, BalancedReplicas replicas) {
    }

    /** Sample s, at time t0 + s·Δt: the state between the events around that time. */
    default void sample(int s, BalancedReplicas replicas) {
    }

    /**
     * The next time mark of this recorder (a time past which it wants {@link #reach}), +∞ (the default) when none:
     * the loop calls {@link #reach} only at events at or after the earliest mark, not at every event.
     */
    default double nextMark() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The run reached time t ≥ {@link #nextMark()} of some recorder (at most one event past the end); the event at t
     * is not applied yet.
     */
    default void reach(double t, BalancedReplicas replicas) {
    }

    /** Unit i of replica 0 changed its state to {@code sigma} at time t (a recorded event). */
    default void transition(int i, double t, byte sigma) {
    }

    /** The recording ends at tEnd, after its last sample. */
    default void finish(double tEnd, BalancedReplicas replicas) {
    }
}
