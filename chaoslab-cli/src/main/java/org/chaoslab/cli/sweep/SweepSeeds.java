package org.chaoslab.cli.sweep;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.chaoslab.random.StreamSeeds;

/**
 * The seed of a (point, realization): the stream {@code <spec seed>/sweep/<point key>/<realization>} of the project's
 * seed scheme ({@link StreamSeeds}), its 64-bit key kept non-negative (commands take {@code --seed} as a long ≥ 0).
 * The point key lists the point's parameters sorted by name ({@code name=value;...}) with the values as typed on the
 * command line, so the seed depends on what a point is, never on its index or on the order tasks run in; adding a
 * point to a sweep changes no other point's seed.
 *
 * <p>Parameters named in the spec's {@code same-realization-across} are left out of the key: the points that differ
 * only in them share their realizations (same couplings, initial conditions and noise), as in a g-sweep of one
 * network, which the local engine can then run as columns of one matrix product.
 */
public final class SweepSeeds {

    private SweepSeeds() {
    }

    /** The seed of realization {@code realization} of the point with {@code parameters}. */
    public static long seed(long specSeed, Map<String, Object> parameters, Set<String> sameRealizationAcross,
                            int realization) {
        return StreamSeeds.of(specSeed).child("sweep").child(pointKey(parameters, sameRealizationAcross))
                .child(realization).key() & Long.MAX_VALUE;
    }

    /** The canonical text of a point's parameters, without those in {@code leaveOut}. */
    public static String pointKey(Map<String, Object> parameters, Set<String> leaveOut) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(parameters).forEach((k, v) -> {
            if (!leaveOut.contains(k)) {
                b.append(k).append('=').append(SweepArguments.text(v)).append(';');
            }
        });
        return b.toString();
    }
}
