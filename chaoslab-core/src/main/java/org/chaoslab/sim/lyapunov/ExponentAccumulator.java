package org.chaoslab.sim.lyapunov;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.linalg.Blas;
import org.chaoslab.model.RateNetwork;

/**
 * What the accumulation windows of a Lyapunov measurement add up to ({@link LyapunovAnalyzer}): Σ log R_ii, per batch
 * and in all (λ_i = Σ log R_ii / T), the replica's log growths, the Jacobian trace, and the running estimates for the
 * convergence plot; at the end the exponents with batch-means confidence intervals, and the derived measures
 * (Kaplan–Yorke dimension, entropy rate, sum, mean trace) with theirs.
 */
final class ExponentAccumulator {

    private final int k;
    private final long windows;
    private final int batches;
    private final double tOns;
    private final double[] sums;
    private final double[][] batchSums;
    private final long[] batchWindows;
    private final double[] batchTrace;
    private final ReplicaGrowth replica;
    private final long stride;
    private final double[] convTimes;
    private final double[] conv;
    private int point;

    /**
     * @param k         exponents
     * @param windows   accumulation windows (ONS intervals)
     * @param batches   batches requested (at most one per window)
     * @param tOns      the ONS interval t_ONS
     */
    ExponentAccumulator(int k, long windows, int batches, double tOns) {
        this.k = k;
        this.windows = windows;
        this.batches = (int) Math.min(batches, windows);
        this.tOns = tOns;
        sums = new double[k];
        batchSums = new double[this.batches][k];
        batchWindows = new long[this.batches];
        batchTrace = new double[this.batches];
        replica = new ReplicaGrowth(windows, batches, tOns);
        stride = (windows + LyapunovAnalyzer.CONVERGENCE_POINTS - 1) / LyapunovAnalyzer.CONVERGENCE_POINTS;
        int points = (int) ((windows + stride - 1) / stride);
        convTimes = new double[points];
        conv = new double[points * k];
    }

    /** The batch of window w (consecutive windows, as equal as possible). */
    int batchOf(long w) {
        return (int) (w * batches / windows);
    }

    int batches() {
        return batches;
    }

    /** One replica renormalization with log growth g during batch b. */
    void replica(int b, double g) {
        replica.add(b, g);
    }

    long renormalizations() {
        return replica.renormalizations();
    }

    double replicaSum() {
        return replica.sum();
    }

    /** Window w of batch b ended with log R_ii = {@code logR}; the Jacobian trace summed over its steps is {@code trace}. */
    void window(long w, int b, double[] logR, double trace) {
        batchTrace[b] += trace;
        batchWindows[b]++;
        double[] bs = batchSums[b];
        for (int i = 0; i < k; i++) {
            sums[i] += logR[i];
            bs[i] += logR[i];
        }
        if ((w + 1) % stride == 0 || w == windows - 1) {
            double elapsed = (w + 1) * tOns;
            convTimes[point] = elapsed;
            for (int i = 0; i < k; i++) {
                conv[point * k + i] = sums[i] / elapsed;
            }
            point++;
        }
    }

    /** The estimates with their batch-means confidence intervals. */
    LyapunovSpectrum spectrum(RateNetwork network, LyapunovSettings s, LyapunovSpectrum.Seeds seeds, SpectrumRun run, double wall) {
        int n = network.size();
        long onsSteps = s.onsSteps();
        double time = windows * tOns;
        double[] lambda = new double[k];
        for (int i = 0; i < k; i++) {
            lambda[i] = sums[i] / time;
        }
        double[][] batchRates = new double[batches][k];
        double[] batchKy = new double[batches];
        double[] batchH = new double[batches];
        double[] batchSum = new double[batches];
        double[] batchTr = new double[batches];
        for (int b = 0; b < batches; b++) {
            double bt = batchWindows[b] * tOns;
            double sum = 0.0;
            for (int i = 0; i < k; i++) {
                batchRates[b][i] = batchSums[b][i] / bt;
                sum += batchRates[b][i];
            }
            batchKy[b] = SpectrumMeasures.kaplanYorke(batchRates[b]);
            batchH[b] = SpectrumMeasures.entropyRate(batchRates[b]);
            batchSum[b] = sum;
            batchTr[b] = batchTrace[b] / (batchWindows[b] * onsSteps);
        }
        double[] ci = new double[k];
        double[] column = new double[batches];
        for (int i = 0; i < k; i++) {
            for (int b = 0; b < batches; b++) {
                column[b] = batchRates[b][i];
            }
            ci[i] = SpectrumMeasures.confidenceHalfWidth(column);
        }
        double lambdaSum = 0.0;
        for (double v : lambda) {
            lambdaSum += v;
        }
        TangentSystem sys = run.system();
        long tangentSteps = run.tangentSteps();
        long qrCount = run.qrCount();
        var twoReplica = replica.estimate(run.d0(), s.renormSteps() * s.dt());
        var cost = new LyapunovSpectrum.Cost(wall, run.total(), tangentSteps, qrCount,
                tangentSteps > 0 ? run.stepNanos() * 1e-6 / tangentSteps : Double.NaN,
                qrCount > 1 ? run.qrNanos() * 1e-6 / (qrCount - 1) : Double.NaN, s.threads(), Blas.backend(),
                sys.choleskySecondPasses(), sys.householderFallbacks());
        return new LyapunovSpectrum(network, s, seeds, lambda, ci, batches, time, convTimes, conv,
                withCi(SpectrumMeasures.kaplanYorke(lambda), batchKy), SpectrumMeasures.kaplanYorkeResolved(lambda, n),
                withCi(SpectrumMeasures.entropyRate(lambda), batchH), SpectrumMeasures.entropyResolved(lambda, n),
                withCi(lambdaSum, batchSum), withCi(sys.traceSum() / sys.traceCount(), batchTr),
                twoReplica, cost);
    }

    /** {@code value} with the 95% batch-means half-width of its per-batch values (Student t, B − 1 degrees of freedom). */
    private Estimate withCi(double value, double[] perBatch) {
        return Estimate.withInterval(value, SpectrumMeasures.confidenceHalfWidth(perBatch), LyapunovSpectrum.CONFIDENCE_LEVEL,
                batches - 1);
    }
}
