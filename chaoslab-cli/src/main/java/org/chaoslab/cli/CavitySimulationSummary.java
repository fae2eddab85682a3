package org.chaoslab.cli;

import java.util.List;

import org.chaoslab.compare.Deviation;
import org.chaoslab.io.RunMetadata;

/**
 * summary.json of {@code correlations simulate} / {@code compare correlations} without noise: the dimension of the
 * simulated chaotic activity (cross-block PR of the equal-time covariances of x and φ(x), mean ± SE over realizations)
 * beside the two-site cavity theory. Finite networks deviate by O(1/N) in PR/N (an O(1) number of dimensions).
 *
 * @param network                   the network
 * @param run                       the run settings (seed of realization 0)
 * @param realizations              R
 * @param stride                    covariance samples every stride steps
 * @param theory                    the cavity prediction
 * @param participationRatioPerN    PR^x/N
 * @param participationRatioPhiPerN PR^φ/N
 * @param meanAutoCov               mean autocovariance of x beside Δ0
 * @param perRealizationX           PR^x/N of each realization
 * @param perRealizationPhi         PR^φ/N of each realization
 * @param excluded                  realizations excluded because their activity collapsed (fixed point)
 * @param files                     files written
 * @param metadata                  run metadata
 */
public record CavitySimulationSummary(String command, String status, NetworkParameters network, RunParameters run, int realizations, int stride,
                                      CavityDimensionSummary theory, Deviation participationRatioPerN,
                                      Deviation participationRatioPhiPerN, Deviation meanAutoCov,
                                      List<Double> perRealizationX, List<Double> perRealizationPhi, int excluded, List<String> files,
                                      RunMetadata metadata, List<org.chaoslab.compare.Verdict> verdicts, List<String> warnings) {
}
