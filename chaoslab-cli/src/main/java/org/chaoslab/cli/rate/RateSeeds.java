package org.chaoslab.cli.rate;

import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.random.StreamSeeds;

/** The {@code seeds} of a rate-network run in summary.json: the master seed, the realizations, the named streams. */
public final class RateSeeds {

    /** The streams under each realization's master seed (one per coupling row, replica, noisy unit). */
    static final String STREAMS = StreamSeeds.COUPLINGS + "/<row>, " + StreamSeeds.INITIAL + "/<replica>, " + StreamSeeds.NOISE
            + "/<replica>/<unit> (white, OU noise), " + StreamSeeds.NOISE + "/quenched/<trial>/<unit> (quenched noise)";

    private RateSeeds() {
    }

    /**
     * Adds the master seed, the realizations' seeds (realization r uses master + r) when there are several, and the
     * streams.
     */
    public static RunSummary.Builder add(RunSummary.Builder summary, long master, int realizations) {
        summary.seed("master", master);
        if (realizations > 1) {
            summary.seed("realizations", master + " .. " + (master + realizations - 1));
        }
        return summary.seed("streams", STREAMS);
    }
}
