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
        double meanSum = 0.0;
        double varSum = 0.0;
        for (int r = 0; r < replicas; r++) {
            int off = r * n;
            double s = 0.0;
            double s2 = 0.0;
            for (int i = 0; i < n; i++) {
                double v = state[off + i];
                s += v;
                s2 += v * v;
            }
            double mu = s / n;
            meanSum += mu;
            varSum += Math.max(0.0, s2 / n - mu * mu);
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
