package org.chaoslab.cli.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.chaoslab.analysis.kernel.ResponseKernels;
import org.chaoslab.analysis.kernel.Responses;
import org.chaoslab.analysis.kernel.TrialKernels;
import org.chaoslab.io.NpyAppender;
import org.chaoslab.sim.kernel.ResponseRecorder;
import org.chaoslab.sim.kernel.ResponseSource;

/**
 * Streams the responses of {@code kernel simulate} to {@code responses.npy} as they are recorded (float32,
 * recordings × stimuli × trials × units) and keeps only what the summary needs: the running mean of the kernels
 * ({@link ResponseKernels.Average}), the recording times and the mean response of each. Memory: one float32
 * snapshot and the P × P kernel sums, whatever the number of recordings, so runs whose responses exceed the heap
 * (or one Java array) still work. After a divergence the file holds the recordings made ({@link NpyAppender#finish}).
 */
final class StreamedResponses implements ResponseRecorder {

    private final Path file;
    private final ResponseKernels.Average kernels = new ResponseKernels.Average();
    private NpyAppender out;
    private float[] snapshot;
    private double[] times;
    private double[] means;
    private int recorded;
    private int stimuli;
    private int trials;
    private int units;

    /** @param file where responses.npy is written (inside the staging directory) */
    StreamedResponses(Path file) {
        this.file = file;
    }

    /** Bytes held besides the network state: one snapshot (float32) and the two P × P kernel sums and means. */
    static long memory(int stimuli, int trials, int units) {
        return 4L * stimuli * trials * units + 4L * 8L * stimuli * stimuli;
    }

    @Override
    public void start(ResponseSource layout, int recordings) {
        stimuli = layout.stimuli();
        trials = layout.trials();
        units = layout.units();
        snapshot = new float[layout.columns() * units];
        times = new double[recordings];
        means = new double[recordings];
        try {
            out = NpyAppender.float32(file, recordings, stimuli, trials, units);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void record(int index, double time, ResponseSource source) {
        source.copyResponses(snapshot);
        double s = 0;
        for (float v : snapshot) {
            s += v;
        }
        times[recorded] = time;
        means[recorded] = s / snapshot.length;
        recorded++;
        try {
            out.append(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kernels.add(ResponseKernels.of(Responses.of(stimuli, trials, units, snapshot)));
    }

    @Override
    public void finish() {
        try {
            if (out != null) {
                out.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recordings made. */
    int recorded() {
        return recorded;
    }

    /** The recording times reached. */
    double[] times() {
        return java.util.Arrays.copyOf(times, recorded);
    }

    /** The mean response at each recording. */
    double[] means() {
        return java.util.Arrays.copyOf(means, recorded);
    }

    /** The kernels averaged over the recordings (at least one recording). */
    TrialKernels meanKernels() {
        return kernels.mean();
    }
}
