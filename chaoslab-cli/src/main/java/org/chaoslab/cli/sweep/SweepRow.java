package org.chaoslab.cli.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * What one task produced: one row of the results table.
 *
 * @param task        the task
 * @param status      {@link #COMPLETED}, {@link #DIVERGED} or {@link #FAILED}
 * @param message     why a run failed or diverged (the command's one-line error), empty when completed
 * @param results     the command's scalar results (its summary.json "results"), flattened: nested keys joined by
 *                    '_', an estimate as its value plus {@code _se} (standard error) or {@code _lower}/{@code _upper};
 *                    values Long, Double, Boolean or String; arrays are left to the point's directory
 * @param wallSeconds wall time of the run
 */
public record SweepRow(SweepTask task, String status, String message, Map<String, Object> results, double wallSeconds)
        implements Serializable {

    /** The command finished (exit 0). */
    public static final String COMPLETED = "completed";
    /** The simulation diverged or a solve found no solution (exit 3): results keep what was recorded. */
    public static final String DIVERGED = "diverged";
    /** Bad combination of parameters (exit 2) or an unexpected error. */
    public static final String FAILED = "failed";
}
