package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.analysis.RunningStatistics;

/**
 * The L2 distance between a simulated autocorrelation (mean over realizations) and the theory on
 * τ ∈ [0, τmax], relative to the L2 norm of the theory, with the noise level of the simulated mean:
 * the rms over realizations of the relative L2 distance of each realization from the mean, / √R.
 *
 * @param maxLag       τmax
 * @param relativeL2   ‖sim − theory‖ / ‖theory‖
 * @param noiseL2      the statistical error of {@code relativeL2}: (rms_r ‖sim_r − sim‖/‖theory‖)/√(R−1)
 */
public record ShapeDeviation(double maxLag, double relativeL2, double noiseL2) {

    static ShapeDeviation of(double[] lags, double[] theory, List<double[]> realizations, double maxLag) {
        int r = realizations.size();
        int m = 0;
        while (m < lags.length && lags[m] <= maxLag + 1e-12) {
            m++;
        }
        double[] mean = new double[m];
        for (double[] a : realizations) {
            for (int j = 0; j < m; j++) {
                mean[j] += a[j] / r;
            }
        }
        double norm = 0;
        double diff = 0;
        for (int j = 0; j < m; j++) {
            norm += theory[j] * theory[j];
            diff += (mean[j] - theory[j]) * (mean[j] - theory[j]);
        }
        RunningStatistics spread = new RunningStatistics();
        for (double[] a : realizations) {
            double d = 0;
            for (int j = 0; j < m; j++) {
                d += (a[j] - mean[j]) * (a[j] - mean[j]);
            }
            spread.add(d / norm);
        }
        // E‖sim_r − sim‖² = (R−1)/R · E‖sim_r − E sim‖²; the error of the mean has E‖sim − E sim‖² = that / R
        double noise = r > 1 ? Math.sqrt(spread.mean() * r / (r - 1.0) / r) : Double.NaN;
        return new ShapeDeviation(maxLag, Math.sqrt(diff / norm), noise);
    }
}
