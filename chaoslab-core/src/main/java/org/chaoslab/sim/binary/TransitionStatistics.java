package org.chaoslab.sim.binary;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.analysis.RunningStatistics;

/**
 * Irregularity of the 0→1 transitions ("spikes") of binary units: the coefficient of variation of
 * inter-transition intervals and the Fano factor of transition counts in windows, each averaged over
 * the units of a population. A Poisson process has CV = 1 and Fano factor 1.
 *
 * @param population  "E" or "I"
 * @param units       units with at least three transitions (entering the CV)
 * @param cv          mean over units of the CV of their inter-transition intervals, with its standard error over units
 * @param window      counting window of the Fano factor
 * @param fano        mean over units of Var(count)/E(count) over windows (units with at least one transition), with its
 *                    standard error over units
 * @param meanRate    mean transition rate per unit (transitions per unit time)
 */
public record TransitionStatistics(String population, int units, Estimate cv, double window, Estimate fano, double meanRate) {

    /**
     * Statistics of the recorded trains of one population.
     *
     * @param rec      the recording
     * @param excitatory which population
     * @param nE       N_E (to map unit indices)
     * @param duration recorded duration T
     * @param window   Fano counting window (T/window windows; at least 2)
     */
    public static TransitionStatistics of(BalancedRecording rec, boolean excitatory, int nE, double duration, double window) {
        int units = rec.trainUnits();
        int windows = (int) Math.floor(duration / window);
        if (windows < 2) {
            throw new IllegalArgumentException("Fano window " + window + " must be <= half the duration " + duration);
        }
        double[] last = new double[units];
        double[] sum = new double[units];
        double[] sumSq = new double[units];
        int[] count = new int[units];
        int[][] counts = new int[units][windows];
        java.util.Arrays.fill(last, Double.NaN);
        int[] who = rec.trainUnit();
        double[] when = rec.trainTime();
        for (int e = 0; e < who.length; e++) {
            int i = who[e];
            int local = excitatory ? i : i - nE;
            if ((excitatory && i >= nE) || (!excitatory && i < nE) || local >= units) {
                continue;
            }
            double t = when[e];
            if (!Double.isNaN(last[local])) {
                double d = t - last[local];
                sum[local] += d;
                sumSq[local] += d * d;
                count[local]++;
            }
            last[local] = t;
            int w = (int) (t / window);
            if (w < windows) {
                counts[local][w]++;
            }
        }
        RunningStatistics cv = new RunningStatistics();
        RunningStatistics fano = new RunningStatistics();
        long total = 0;
        for (int u = 0; u < units; u++) {
            if (count[u] >= 2) {
                double mean = sum[u] / count[u];
                double var = (sumSq[u] - count[u] * mean * mean) / (count[u] - 1);
                cv.add(Math.sqrt(Math.max(0, var)) / mean);
            }
            RunningStatistics c = new RunningStatistics();
            for (int w = 0; w < windows; w++) {
                c.add(counts[u][w]);
                total += counts[u][w];
            }
            if (c.mean() > 0) {
                fano.add(c.variance() / c.mean());
            }
        }
        return new TransitionStatistics(excitatory ? "E" : "I", (int) cv.count(), cv.estimate(), window, fano.estimate(),
                (double) total / (units * windows * window));
    }
}
