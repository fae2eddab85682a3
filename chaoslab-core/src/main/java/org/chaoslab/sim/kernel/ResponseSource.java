package org.chaoslab.sim.kernel;

/**
 * The batched state of a stimulus-driven network as a {@link ResponseRecorder} sees it: P stimuli × T trials of N
 * units; column c = p·T + t holds trial t of stimulus p.
 */
public interface ResponseSource {

    /** N. */
    int units();

    /** P. */
    int stimuli();

    /** T, trials per stimulus. */
    int trials();

    /** P·T, the number of columns. */
    default int columns() {
        return stimuli() * trials();
    }

    /**
     * Writes the current responses (binary n, rate φ(x), matched-rate y) as float32, {@code out[(p·T + t)·N + i]};
     * {@code out} must hold P·T·N values.
     */
    void copyResponses(float[] out);
}
