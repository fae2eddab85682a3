package org.chaoslab.analysis;

/**
 * Statistics over neuron pairs of one covariance matrix C (N×N, symmetric): the mean autocovariance
 * ā = tr C/N, the mean and variance of the cross-covariances c_ij (i &lt; j), and the participation
 * ratio PR = (tr C)²/tr(C²) (Hu &amp; Sompolinsky, PLoS CB 18:e1010327 (2022), eq. 2).
 *
 * <p>{@link #crossBlock} uses two independent estimates C_a, C_b of the same C (e.g. two halves of
 * a run): products c^a_ij c^b_ij are unbiased for c_ij² because the sampling noises are independent,
 * whereas the naive estimator adds the sampling variance to Var c_ij and to tr C² (biasing PR low).
 *
 * @param n                      N
 * @param meanAutoCov            ā = tr C / N
 * @param meanCrossCov           mean of c_ij over i &lt; j
 * @param varCrossCov            variance of c_ij over i &lt; j (population form over pairs)
 * @param participationRatio     (tr C)² / tr(C²)
 */
public record CovarianceStatistics(int n, double meanAutoCov, double meanCrossCov, double varCrossCov,
                                   double participationRatio) {

    /** PR/N. */
    public double participationRatioPerN() {
        return participationRatio / n;
    }

    /** The naive statistics of one matrix. */
    public static CovarianceStatistics of(double[] c, int n) {
        return crossBlock(c, c, n);
    }

    /** The cross-block statistics of two independent estimates of the same covariance. */
    public static CovarianceStatistics crossBlock(double[] a, double[] b, int n) {
        double trA = 0;
        double trB = 0;
        for (int i = 0; i < n; i++) {
            trA += a[i * n + i];
            trB += b[i * n + i];
        }
        double sum = 0;
        double sumProduct = 0;
        double trAB = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double p = a[i * n + j] * b[i * n + j];
                trAB += p;            // tr(A B) for symmetric A, B
                if (j > i) {
                    sum += 0.5 * (a[i * n + j] + b[i * n + j]);
                    sumProduct += p;
                }
            }
        }
        double pairs = 0.5 * n * (n - 1.0);
        double mean = pairs > 0 ? sum / pairs : Double.NaN;
        double var = pairs > 0 ? sumProduct / pairs - mean * mean : Double.NaN;
        return new CovarianceStatistics(n, 0.5 * (trA + trB) / n, mean, var, trA * trB / trAB);
    }
}
