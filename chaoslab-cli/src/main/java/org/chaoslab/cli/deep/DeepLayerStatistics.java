package org.chaoslab.cli.deep;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.sim.deep.DeepRecording;
import org.chaoslab.sim.deep.LayerSeries;

/**
 * Per-layer means over realizations and their standard errors (index l − 1), as written by
 * {@code deepnet simulate}.
 */
public record DeepLayerStatistics(double[] q, double[] qStdErr, double[] c, double[] cStdErr, double[] jacobian,
                                  double[] jacobianStdErr, double[] circleLength, double[] circleLengthStdErr,
                                  double[] grassmannLength, double[] grassmannLengthStdErr, double[] curvature,
                                  double[] curvatureStdErr) {

    static DeepLayerStatistics of(DeepRecording r) {
        double[][] q = stats(r.q());
        double[][] c = stats(r.c());
        double[][] j = stats(r.jacobian());
        double[][] le = stats(r.circleLength());
        double[][] lg = stats(r.grassmannLength());
        double[][] k = stats(r.curvature());
        return new DeepLayerStatistics(q[0], q[1], c[0], c[1], j[0], j[1], le[0], le[1], lg[0], lg[1], k[0], k[1]);
    }

    /** {mean, standard error} per layer, over the realizations with a finite value. */
    static double[][] stats(LayerSeries s) {
        double[] mean = new double[s.depth()];
        double[] se = new double[s.depth()];
        for (int l = 1; l <= s.depth(); l++) {
            RunningStatistics st = new RunningStatistics();
            for (double v : s.atLayer(l)) {
                if (Double.isFinite(v)) {
                    st.add(v);
                }
            }
            mean[l - 1] = st.mean();
            se[l - 1] = st.standardError();
        }
        return new double[][] {mean, se};
    }
}
