package org.chaoslab.sim;

/** Receives progress of a long run (from the simulating thread); must be cheap. */
@FunctionalInterface
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} steps (transient included) are complete. */
    void progress(long done, long total);
}
