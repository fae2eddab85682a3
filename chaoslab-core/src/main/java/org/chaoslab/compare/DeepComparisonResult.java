package org.chaoslab.compare;

import org.chaoslab.model.DeepNetworkInputs;
import org.chaoslab.sim.deep.DeepRecording;
import org.chaoslab.theory.deep.CircleTrajectory;
import org.chaoslab.theory.deep.LayerTrajectory;
import org.chaoslab.theory.deep.SignalPropagation;

/**
 * A random deep network, mean-field theory beside finite-width simulation.
 *
 * @param inputs           the probe inputs used (the circle's input length as simulated)
 * @param theory           the fixed-point summary
 * @param layers           the maps iterated for the probe pairs
 * @param circle           the theory of the circle (NaN with dropout)
 * @param recording        the raw simulation
 * @param q                q^l per layer
 * @param c                c^l per layer
 * @param jacobian         mean squared singular value of the layer Jacobian per layer
 * @param circleLength     Euclidean length of the circle's image per layer
 * @param curvature        its mean curvature in units of the radius per layer
 * @param resolvedLayers   layers 1 … this where every realization's polygon turns by ≤ {@link DeepComparison#MAX_TURNING}
 *                         per vertex (the circle is resolved); 0 without a circle
 * @param lengthGrowth     the length growth factor per layer, exp of the least-squares slope of ln L^E_l over
 *                         the resolved layers (the theory's is fitted the same way; √χ1 once q^l = q*), with
 *                         the standard error over realizations; null when fewer than 3 layers are resolved or with
 *                         dropout ({@link #withoutLengthGrowth})
 */
public record DeepComparisonResult(DeepNetworkInputs inputs, SignalPropagation theory, LayerTrajectory layers,
                                   CircleTrajectory circle, DeepRecording recording, DeepLayerDeviations q,
                                   DeepLayerDeviations c, DeepLayerDeviations jacobian, DeepLayerDeviations circleLength,
                                   DeepLayerDeviations curvature, int resolvedLayers, Deviation lengthGrowth) {

    /** The comparison without a length growth factor (fewer than 3 resolved layers, or dropout). */
    public static DeepComparisonResult withoutLengthGrowth(DeepNetworkInputs inputs, SignalPropagation theory, LayerTrajectory layers,
                                                           CircleTrajectory circle, DeepRecording recording, DeepLayerDeviations q,
                                                           DeepLayerDeviations c, DeepLayerDeviations jacobian,
                                                           DeepLayerDeviations circleLength, DeepLayerDeviations curvature,
                                                           int resolvedLayers) {
        return new DeepComparisonResult(inputs, theory, layers, circle, recording, q, c, jacobian, circleLength, curvature,
                resolvedLayers, null);
    }

    /** Whether the length growth factor was measured. */
    public boolean hasLengthGrowth() {
        return lengthGrowth != null;
    }
}
