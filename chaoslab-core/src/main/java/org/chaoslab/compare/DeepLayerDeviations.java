package org.chaoslab.compare;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.sim.deep.LayerSeries;

/**
 * One quantity, theory beside simulation, layer by layer (index l − 1): the mean over realizations,
 * its standard error (scatter over realizations / √R) and the z-score (simulation − theory)/SE.
 *
 * @param theory        the mean-field value per layer
 * @param simulation    the mean over realizations per layer
 * @param standardError per layer
 * @param zScore        per layer (NaN where either side is missing)
 */
public record DeepLayerDeviations(double[] theory, double[] simulation, double[] standardError, double[] zScore) {

    static DeepLayerDeviations of(double[] theory, LayerSeries sim) {
        int depth = sim.depth();
        double[] mean = new double[depth];
        double[] se = new double[depth];
        double[] z = new double[depth];
        for (int l = 1; l <= depth; l++) {
            RunningStatistics s = new RunningStatistics();
            for (double v : sim.atLayer(l)) {
                if (Double.isFinite(v)) {
                    s.add(v);
                }
            }
            mean[l - 1] = s.mean();
            se[l - 1] = s.standardError();
            z[l - 1] = (mean[l - 1] - theory[l - 1]) / se[l - 1];
        }
        return new DeepLayerDeviations(theory.clone(), mean, se, z);
    }

    /** The largest |z| over layers from {@code fromLayer} to {@code toLayer} (1-based, inclusive), NaNs skipped. */
    public double maxAbsZ(int fromLayer, int toLayer) {
        double max = 0;
        for (int l = fromLayer; l <= toLayer; l++) {
            double v = Math.abs(zScore[l - 1]);
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
