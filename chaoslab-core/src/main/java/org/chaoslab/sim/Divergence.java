package org.chaoslab.sim;

/**
 * Where a run stopped because the state became NaN or infinite.
 *
 * @param step    the step (counted from the start, transient included) after which the state was not finite
 * @param time    the simulated time at that step, from the start
 */
public record Divergence(long step, double time) {

    /** A one-line message for users. */
    public String message() {
        return "simulation diverged (NaN/Inf) at step " + step + " (t = " + time + "); outputs keep what was recorded before it";
    }
}
