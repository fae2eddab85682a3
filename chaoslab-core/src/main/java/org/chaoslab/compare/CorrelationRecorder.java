package org.chaoslab.compare;

import org.chaoslab.analysis.CovarianceAccumulator;
import org.chaoslab.analysis.WindowCovariance;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;

/**
 * Streams the covariance of x in replica 0 of a run, separately for the first and the second half of
 * the recorded steps (two independent estimates for the cross-block statistics): the equal-time
 * covariance and the zero-frequency covariance from window integrals ({@link WindowCovariance}).
 */
final class CorrelationRecorder implements Recorder {

    private final int windowSteps;
    private CovarianceAccumulator[] equalTime;
    private WindowCovariance[] zeroFrequency;
    private long half;
    private int n;

    CorrelationRecorder(int windowSteps) {
        this.windowSteps = windowSteps;
    }

    @Override
    public void start(RunInfo info) {
        n = info.units();
        half = info.steps() / 2;
        equalTime = new CovarianceAccumulator[] {new CovarianceAccumulator(n, 64), new CovarianceAccumulator(n, 64)};
        zeroFrequency = new WindowCovariance[] {new WindowCovariance(n, windowSteps, info.dt()),
                new WindowCovariance(n, windowSteps, info.dt())};
    }

    @Override
    public void record(long step, double time, double[] state) {
        int h = step <= half ? 0 : 1;
        equalTime[h].add(state, 0);
        zeroFrequency[h].add(state, 0);
    }

    int units() {
        return n;
    }

    double[] equalTime(int h) {
        return equalTime[h].covariance();
    }

    double[] zeroFrequency(int h) {
        return zeroFrequency[h].covariance();
    }

    long windowsPerHalf() {
        return Math.min(zeroFrequency[0].windows(), zeroFrequency[1].windows());
    }
}
