package org.chaoslab.analysis.kernel;

import java.util.List;

import org.chaoslab.analysis.Estimate;

/**
 * An empirical kernel ridge regression learning curve: test errors against the number P of training stimuli.
 *
 * @param ridge       λ of α = (K_train + λI)⁻¹ y (Gram matrix not divided by P)
 * @param labelNoise  σ, standard deviation of Gaussian noise added to the training labels (errors are measured
 *                    against the clean target)
 * @param draws       independent random training sets per P
 * @param targetPower mean of y² over all stimuli (divide an error by it for a normalised error)
 * @param points      one entry per P, in the order requested
 */
public record LearningCurve(double ridge, double labelNoise, int draws, double targetPower,
        List<Point> points) {

    /** Compact constructor: an unmodifiable copy of the points. */
    public LearningCurve {
        points = List.copyOf(points);
    }

    /**
     * Errors at one training-set size, each the mean over draws with its standard error.
     *
     * @param trainSize       P
     * @param testError       mean over the held-out stimuli of (f̂ − y)²: the plain, unnormalised test MSE
     * @param allStimuliError mean over all stimuli (training ones included) of (f̂ − y)², f̂ from the test kernel
     *                        everywhere; when the stimuli are a fine uniform grid this is the generalization error
     *                        E_g of the theory, whereas testError leaves out the training points, where the error is
     *                        smaller, and is biased up by (P/(M − P))·(allStimuliError − training-point error)
     */
    public record Point(int trainSize, Estimate testError, Estimate allStimuliError) {
    }
}
