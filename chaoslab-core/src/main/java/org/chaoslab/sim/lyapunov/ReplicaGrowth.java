package org.chaoslab.sim.lyapunov;

import org.chaoslab.analysis.Estimate;

/**
 * The replica's log growths of one two-replica estimate, in all and per batch of accumulation windows, and the estimate
 * they give: λ = Σ log(d/d0) / T with the 95% batch-means half-width (Student t, B − 1 degrees of freedom) of the
 * per-batch rates. The batches are the spectrum's ({@link ExponentAccumulator}, which keeps one of these for its
 * replica): consecutive ONS windows, as equal as possible, so that the analyzer and the batched estimator
 * ({@link TwoReplicaBatch}) form the same estimate from the same growths.
 */
final class ReplicaGrowth {

    private final long windows;
    private final int batches;
    private final double tOns;
    private final double[] batchSum;
    private double sum;
    private long renormalizations;

    /**
     * @param windows accumulation windows (ONS intervals), ≥ 1
     * @param batches batches requested (at most one per window)
     * @param tOns    the ONS interval t_ONS
     */
    ReplicaGrowth(long windows, int batches, double tOns) {
        this.windows = windows;
        this.batches = (int) Math.min(batches, windows);
        this.tOns = tOns;
        this.batchSum = new double[this.batches];
    }

    /** The batch of window w (consecutive windows, as equal as possible). */
    int batchOf(long w) {
        return (int) (w * batches / windows);
    }

    int batches() {
        return batches;
    }

    /** One renormalization with log growth g during batch b. */
    void add(int b, double g) {
        sum += g;
        batchSum[b] += g;
        renormalizations++;
    }

    long renormalizations() {
        return renormalizations;
    }

    double sum() {
        return sum;
    }

    /** The windows of batch b: those w with {@link #batchOf}(w) = b, from ⌈b·W/B⌉ on. */
    long windowsOf(int b) {
        return firstWindow(b + 1) - firstWindow(b);
    }

    private long firstWindow(int b) {
        return (b * windows + batches - 1) / batches;
    }

    /** The estimate: Σ log(d/d0) over the accumulation time W·t_ONS, with its 95% batch-means half-width. */
    LyapunovSpectrum.TwoReplicaEstimate estimate(double d0, double renormInterval) {
        double[] perBatch = new double[batches];
        for (int b = 0; b < batches; b++) {
            perBatch[b] = batchSum[b] / (windowsOf(b) * tOns);
        }
        Estimate lambda = Estimate.withInterval(sum / (windows * tOns), SpectrumMeasures.confidenceHalfWidth(perBatch),
                LyapunovSpectrum.CONFIDENCE_LEVEL, batches - 1);
        return new LyapunovSpectrum.TwoReplicaEstimate(lambda, d0, renormInterval, renormalizations);
    }
}
