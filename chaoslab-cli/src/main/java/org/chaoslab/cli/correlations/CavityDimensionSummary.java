package org.chaoslab.cli.correlations;

/**
 * {@code correlations theory --json} without noise: the dimension of the noiseless chaotic state from the two-site
 * cavity theory (Clark, Abbott &amp; Litwin-Kumar, PRL 2023), for x and for φ(x).
 *
 * @param phi                       transfer function
 * @param g                         coupling gain
 * @param noise                     "none"
 * @param n                         N if --n was given, else null
 * @param mapping                   "cavity"
 * @param participationRatioPerN    PR^x/N (equal-time covariance of x)
 * @param participationRatioPhiPerN PR^φ/N (equal-time covariance of φ(x))
 * @param participationRatio        N·PR^x/N (null without --n)
 * @param participationRatioPhi     N·PR^φ/N (null without --n)
 * @param delta0                    Δ0 = ⟨x²⟩ of the DMFT (the mean autocovariance of x)
 * @param variancePhi               ⟨φ²⟩ − ⟨φ⟩² (the mean autocovariance of φ)
 * @param meanSlope                 ⟨φ′⟩ at variance Δ0
 * @param psiX                      ψ^x = N × mean squared cross-covariance of x
 * @param psiPhi                    ψ^φ
 */
public record CavityDimensionSummary(String phi, double g, String noise, Integer n, String mapping,
                                     double participationRatioPerN, double participationRatioPhiPerN,
                                     double participationRatio, double participationRatioPhi, double delta0,
                                     double variancePhi, double meanSlope, double psiX, double psiPhi) {
}
