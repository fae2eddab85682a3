package org.chaoslab.sim.kernel;

/**
 * Observes a batched response run at its recording times (the {@link org.chaoslab.sim.Recorder} pattern: the driver
 * runs the loop, recorders keep what they need). The source is valid only during the call.
 */
public interface ResponseRecorder {

    /** Called once before the first recording. */
    default void start(ResponseSource layout, int recordings) {
    }

    /**
     * Called at each recording time.
     *
     * @param index  recording index k (0-based)
     * @param time   the protocol time t_k in units of τ
     * @param source the state at t_k
     */
    void record(int index, double time, ResponseSource source);

    /** Called once at the end, also after a divergence: keep what was recorded. */
    default void finish() {
    }
}
