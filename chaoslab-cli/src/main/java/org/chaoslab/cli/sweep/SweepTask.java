package org.chaoslab.cli.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * One run of a sweep: a point of the parameter grid and one realization of it.
 *
 * @param id          stable identifier, {@code p<point>-r<realization>} (e.g. {@code p0007-r02}); names the point's
 *                    directory and the row of the results table
 * @param point       the point's index in the spec's grid (row-major over the swept keys, in spec order)
 * @param realization the realization index, 0 … realizations − 1
 * @param parameters  every parameter of the run by the command's option name without dashes (fixed ones first, then
 *                    the swept ones), values as Long, Double, Boolean or String; the seed is not among them
 * @param seed        the run's master seed, derived from (spec seed, point parameters, realization), never from
 *                    the order in which tasks run ({@link SweepSeeds})
 */
public record SweepTask(String id, int point, int realization, Map<String, Object> parameters, long seed)
        implements Serializable {

    /** The id of a (point, realization). */
    public static String id(int point, int realization) {
        return String.format("p%04d-r%02d", point, realization);
    }
}
