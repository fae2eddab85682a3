package org.chaoslab.cli.deep;

import java.util.List;

import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.DeepNetworkInputs;

/**
 * The network, inputs and seeds as written into deepnet summaries.
 *
 * @param seedStreams the named random streams under each realization's master seed (seed + r)
 */
public record DeepParameters(String phi, double sigmaW2, double sigmaB2, double keep, int width, int depth, double q0,
                             double c0, int pairs, int circlePoints, double circleQ0, Integer realizations, Long seed,
                             List<String> seedStreams) {

    /** The named random streams under each realization's master seed. */
    public static final List<String> STREAMS = List.of("inputs/pairs/p", "inputs/circle", "weights/layer/l/i (row i)",
            "biases/layer/l", "dropout/layer/l/m (column m)");

    static DeepParameters of(DeepNetwork n, DeepNetworkInputs in, Integer realizations, Long seed) {
        return new DeepParameters(n.transfer().name(), n.weightVariance(), n.biasVariance(), n.keepProbability(), n.width(),
                n.depth(), in.inputLength(), in.inputCorrelation(), in.pairs(), in.circlePoints(), in.circleLength(),
                realizations, seed, seed == null ? null : STREAMS);
    }
}
