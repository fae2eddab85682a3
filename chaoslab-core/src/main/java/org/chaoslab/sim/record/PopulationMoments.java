package org.chaoslab.sim.record;

import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;

/**
 * The population mean (1/N)Σx_i and variance (1/N)Σ(x_i − mean)² at every {@code every}-th step,
 * averaged over replicas.
 */
public final class PopulationMoments implements Recorder {

    private final int every;
    private int n;
    private int replicas;
    private double[] sum;
    private double[] sumSquares;
    private GrowableSeries time;
    private GrowableSeries mean;
    private GrowableSeries variance;

    /** Records every {@code every}-th recorded step (≥ 1). */
    public PopulationMoments(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 (got " + every + ")");
        }
        this.every = every;
    }

    @Override
    public void start(RunInfo info) {
        n = info.units();
        replicas = info.replicas();
        sum = new double[replicas];
        sumSquares = new double[replicas];
        int cap = (int) Math.min(1 << 20, info.steps() / every + 1);
        time = new GrowableSeries(cap);
        mean = new GrowableSeries(cap);
        variance = new GrowableSeries(cap);
    }

    @Override
    public void record(long step, double t, double[] state) {
        if (step % every != 0) {
            return;
        }
        for (int r = 0; r < replicas; r++) {
            int off = r * n;
            double s = 0.0;
            double s2 = 0.0;
            for (int i = 0; i < n; i++) {
                double v = state[off + i];
                s += v;
                s2 += v * v;
            }
            sum[r] = s;
            sumSquares[r] = s2;
        }
        add(t, sum, sumSquares);
    }

    /** Whether {@code step} is sampled. */
    boolean due(long step) {
        return step % every == 0;
    }

    /**
     * Adds the sample at time t from the sums Σ_i x_i and Σ_i x_i² of each replica, each summed over i in increasing
     * order (what {@link #record} does; {@link StandardRecording} forms them in its one pass over the state).
     */
    void add(double t, double[] sums, double[] sumsOfSquares) {
        double meanSum = 0.0;
        double varSum = 0.0;
        for (int r = 0; r < replicas; r++) {
            double mu = sums[r] / n;
            meanSum += mu;
            varSum += Math.max(0.0, sumsOfSquares[r] / n - mu * mu);
        }
        time.add(t);
        mean.add(meanSum / replicas);
        variance.add(varSum / replicas);
    }

    /** Sample times (since the end of the transient). */
    public double[] times() {
        return time.toArray();
    }

    /** Population mean of x at each sample time. */
    public double[] means() {
        return mean.toArray();
    }

    /** Population variance of x at each sample time. */
    public double[] variances() {
        return variance.toArray();
    }
}
