package org.chaoslab.sim;

/**
 * Where a run stopped because the state became NaN or infinite, or grew beyond {@link #STATE_LIMIT} (where the
 * recorders' sums of squares would overflow).
 *
 * @param step    the step (counted from the start, transient included) after which the state was not finite
 * @param time    the simulated time at that step, from the start
 */
public record Divergence(long step, double time) {

    /**
     * The bound on the sum of |x| over the state beyond which a run counts as diverged: x^2 summed over units and
     * samples must stay finite in double precision (1e100 squared is 1e200, far from the overflow at 1.8e308).
     */
    public static final double STATE_LIMIT = 1e100;

    /** A one-line message for users. */
    public String message() {
        return "simulation diverged (state NaN/Inf or beyond 1e100) at step " + step + " (t = " + time
                + "); outputs keep what was recorded before it";
    }
}
