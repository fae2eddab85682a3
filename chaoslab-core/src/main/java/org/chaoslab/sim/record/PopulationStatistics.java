package org.chaoslab.sim.record;

import java.util.Arrays;

import org.chaoslab.analysis.StreamingAutocorrelation;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.UnitTransfers;

/**
 * Per-population statistics of a multi-population rate network (Kadmon &amp; Sompolinsky, PRX 5:041030, 2015), the
 * quantities of the population mean field, from the states sampled every {@code every}-th recorded step; units in
 * population order (contiguous blocks of the given sizes). For population k, with ⟨·⟩_k over its units and an overbar
 * over the recorded time:
 * <ul>
 *   <li>{@code mean} μ_k = mean over time of ⟨x_i⟩_k, and {@code rate} the same of φ_k(x_i);</li>
 *   <li>{@code varianceAcrossUnits} = mean over time of ⟨(x_i − ⟨x⟩_k)²⟩_k — at a fixed point the static Δ_k, in the
 *       chaotic phase Δ_k(0) (up to the small fluctuation of the population mean); likewise for the rates;</li>
 *   <li>{@code temporalVariance} = ⟨ overline{(x_i − x̄_i)²} ⟩_k, each unit's variance in time averaged over the
 *       population: 0 at a fixed point, Δ_k(0) − Δ_k(∞) &gt; 0 in the chaotic phase (the signature of chaos);</li>
 *   <li>{@code staticVariance} = ⟨(x̄_i − ⟨x̄⟩_k)²⟩_k, the spread of the units' time averages: Δ_k(∞) (the quenched
 *       part; the whole Δ_k at a fixed point);</li>
 *   <li>optionally the autocorrelation Δ_k(τ) = ⟨x_i(t) x_i(t+τ)⟩_{k,t} − μ_k² and C_k(τ) = ⟨φ_k(x_i(t)) φ_k(x_i(t+τ))⟩
 *       (uncentered) from the units of replica 0 ({@link StreamingAutocorrelation}, at most {@code maxChannels} units per
 *       population, the first ones).</li>
 * </ul>
 * Variances in time are the window's own, (1/T)∫(x − x̄)² dt over the samples (divided by their number). Everything is
 * averaged over the replicas; the time series of ⟨x⟩_k of replica 0 is kept for plots. Reads φ(x) from the simulator
 * when it passes them.
 */
public final class PopulationStatistics implements Recorder {

    private final int[] sizes;
    private final int every;
    private final int lags;
    private final int maxChannels;

    private int n;
    private int replicas;
    private UnitTransfers transfers;
    private double[] ownRates;
    private double dt;
    private int[] starts;
    private long samples;
    /** Per (replica, unit): running mean and sum of squared deviations of x and φ (Welford). */
    private double[] meanX;
    private double[] m2X;
    private double[] meanPhi;
    private double[] m2Phi;
    /** Per population: Σ over samples and replicas of ⟨x⟩_k, the variance across units, and the same for φ. */
    private double[] sumMean;
    private double[] sumVar;
    private double[] sumRate;
    private double[] sumRateVar;
    private GrowableSeries time;
    private GrowableSeries[] meanSeries;
    private StreamingAutocorrelation[] acfX;
    private StreamingAutocorrelation[] acfPhi;

    /**
     * @param sizes       N_k, the units of each population in order
     * @param every       sample every {@code every}-th recorded step (≥ 1)
     * @param lags        lags of the autocorrelations in samples (0: none)
     * @param maxChannels units per population used for the autocorrelations (≥ 1)
     */
    public PopulationStatistics(int[] sizes, int every, int lags, int maxChannels) {
        if (sizes.length < 1 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("every population needs at least one unit (sizes " + Arrays.toString(sizes) + ")");
        }
        if (every < 1 || lags < 0 || maxChannels < 1) {
            throw new IllegalArgumentException("every and maxChannels must be >= 1 and lags >= 0 (got " + every + ", "
                    + maxChannels + ", " + lags + ")");
        }
        this.sizes = sizes.clone();
        this.every = every;
        this.lags = lags;
        this.maxChannels = maxChannels;
    }

    @Override
    public void start(RunInfo info) {
        n = info.units();
        if (Arrays.stream(sizes).sum() != n) {
            throw new IllegalArgumentException("population sizes " + Arrays.toString(sizes) + " must sum to N = " + n);
        }
        replicas = info.replicas();
        transfers = info.transfers();
        ownRates = null;
        dt = info.dt();
        int p = sizes.length;
        starts = new int[p + 1];
        for (int k = 0; k < p; k++) {
            starts[k + 1] = starts[k] + sizes[k];
        }
        samples = 0;
        meanX = new double[n * replicas];
        m2X = new double[n * replicas];
        meanPhi = new double[n * replicas];
        m2Phi = new double[n * replicas];
        sumMean = new double[p];
        sumVar = new double[p];
        sumRate = new double[p];
        sumRateVar = new double[p];
        int cap = (int) Math.min(1 << 20, info.steps() / every + 1);
        time = new GrowableSeries(cap);
        meanSeries = new GrowableSeries[p];
        for (int k = 0; k < p; k++) {
            meanSeries[k] = new GrowableSeries(cap);
        }
        if (lags > 0) {
            acfX = new StreamingAutocorrelation[p];
            acfPhi = new StreamingAutocorrelation[p];
            for (int k = 0; k < p; k++) {
                int channels = Math.min(sizes[k], maxChannels);
                boolean background = Autocorrelations.background(channels, info.threads());
                acfX[k] = new StreamingAutocorrelation(channels, lags, background);
                acfPhi[k] = new StreamingAutocorrelation(channels, lags, background);
            }
        }
    }

    /** For a simulator that does not pass the rates: φ_k evaluated here. */
    @Override
    public void record(long step, double t, double[] state) {
        if (step % every != 0) {
            return;
        }
        if (ownRates == null) {
            ownRates = new double[n * replicas];
        }
        transfers.applyScalar(state, ownRates, n * replicas);
        record(step, t, state, ownRates);
    }

    @Override
    public void record(long step, double t, double[] state, double[] rates) {
        if (step % every != 0) {
            return;
        }
        samples++;
        double inv = 1.0 / samples;
        for (int c = 0; c < n * replicas; c++) {
            double dx = state[c] - meanX[c];
            meanX[c] += dx * inv;
            m2X[c] += dx * (state[c] - meanX[c]);
            double df = rates[c] - meanPhi[c];
            meanPhi[c] += df * inv;
            m2Phi[c] += df * (rates[c] - meanPhi[c]);
        }
        time.add(t);
        for (int r = 0; r < replicas; r++) {
            for (int k = 0; k < sizes.length; k++) {
                int from = r * n + starts[k];
                int to = r * n + starts[k + 1];
                double mx = mean(state, from, to);
                double mf = mean(rates, from, to);
                sumMean[k] += mx;
                sumVar[k] += variance(state, from, to, mx);
                sumRate[k] += mf;
                sumRateVar[k] += variance(rates, from, to, mf);
                if (r == 0) {
                    meanSeries[k].add(mx);
                }
            }
        }
        if (acfX != null) {
            for (int k = 0; k < sizes.length; k++) {
                acfX[k].add(state, starts[k]);
                acfPhi[k].add(rates, starts[k]);
            }
        }
    }

    @Override
    public void finish() {
        if (acfX != null) {
            for (int k = 0; k < sizes.length; k++) {
                acfX[k].close();
                acfPhi[k].close();
            }
        }
    }

    /** Whether the autocorrelations have enough samples (2·lags). */
    public boolean hasAutocorrelation() {
        return acfX != null && acfX[0].pairsPerLag() > 0;
    }

    /** What was recorded. */
    public PopulationRecording result() {
        if (samples == 0) {
            throw new IllegalStateException("no samples recorded");
        }
        int p = sizes.length;
        double norm = 1.0 / ((double) samples * replicas);
        double[] mean = new double[p];
        double[] var = new double[p];
        double[] rate = new double[p];
        double[] rateVar = new double[p];
        double[] temporal = new double[p];
        double[] rateTemporal = new double[p];
        double[] stat = new double[p];
        for (int k = 0; k < p; k++) {
            mean[k] = sumMean[k] * norm;
            var[k] = sumVar[k] * norm;
            rate[k] = sumRate[k] * norm;
            rateVar[k] = sumRateVar[k] * norm;
            double t = 0;
            double tf = 0;
            double s = 0;
            for (int r = 0; r < replicas; r++) {
                int from = r * n + starts[k];
                int to = r * n + starts[k + 1];
                for (int c = from; c < to; c++) {
                    t += m2X[c];
                    tf += m2Phi[c];
                }
                s += variance(meanX, from, to, mean(meanX, from, to));
            }
            temporal[k] = t / ((double) samples * sizes[k] * replicas);
            rateTemporal[k] = tf / ((double) samples * sizes[k] * replicas);
            stat[k] = s / replicas;
        }
        double[] lagTimes = null;
        double[][] delta = null;
        double[][] rateAcf = null;
        if (hasAutocorrelation()) {
            lagTimes = new double[lags];
            for (int l = 0; l < lags; l++) {
                lagTimes[l] = l * every * dt;
            }
            delta = new double[p][];
            rateAcf = new double[p][];
            for (int k = 0; k < p; k++) {
                delta[k] = acfX[k].result();
                for (int l = 0; l < lags; l++) {
                    delta[k][l] -= mean[k] * mean[k];
                }
                rateAcf[k] = acfPhi[k].result();
            }
        }
        double[][] series = new double[p][];
        for (int k = 0; k < p; k++) {
            series[k] = meanSeries[k].toArray();
        }
        return new PopulationRecording(sizes.clone(), samples, every * dt, mean, var, rate, rateVar, temporal, rateTemporal,
                stat, time.toArray(), series, lagTimes, delta, rateAcf);
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s / (to - from);
    }

    private static double variance(double[] a, int from, int to, double mean) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double d = a[i] - mean;
            s += d * d;
        }
        return s / (to - from);
    }
}
