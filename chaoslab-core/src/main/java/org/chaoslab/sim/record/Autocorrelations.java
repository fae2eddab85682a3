package org.chaoslab.sim.record;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.chaoslab.analysis.StreamingAutocorrelation;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.UnitTransfers;

/**
 * Time-averaged autocorrelations of x (Δ(τ) + μ²) and of φ(x) (C(τ)), averaged over units and
 * replicas, sampled every {@code every}-th step, up to {@code lags} samples of lag. At most
 * {@code maxChannels} (replica, unit) channels are used, in replica-major order, to bound memory
 * ({@link StreamingAutocorrelation#doublesPerChannel}, at most 5·lags doubles per channel and signal). Reads φ(x)
 * from the simulator when it passes the rates, else evaluates it for the channels used.
 *
 * <p>Where the transforms run: when the simulator leaves a processor idle, on a worker thread beside the run
 * ({@link #background}); when it keeps every processor busy but there are two or more, the chunks of x and of φ(x),
 * which fall due at the same sample, are summed at the same time, φ's on a helper thread while the recording thread
 * sums x's (between two steps the simulator's threads wait for the recording thread: at N = 500 the transforms were a
 * fifth of a recorded step on one core while the other waited). Each signal's sums are formed by the same code in the
 * same order in every mode: the results are the same to the last bit.
 */
public final class Autocorrelations implements Recorder {

    /** The most channels whose transforms go to a worker thread. */
    public static final int BACKGROUND_CHANNELS = 2048;

    private final int every;
    private final int lags;
    private final int maxChannels;
    private double dt;
    private UnitTransfers phi;
    private int channels;
    private double[] rates;
    private StreamingAutocorrelation ofX;
    private StreamingAutocorrelation ofPhi;
    /** Whether φ's chunks are summed beside x's (see the class comment). */
    private boolean paired;
    /** The helper thread of the paired mode, started with the first chunk. */
    private ExecutorService beside;

    public Autocorrelations(int every, int lags, int maxChannels) {
        if (every < 1 || lags < 1 || maxChannels < 1) {
            throw new IllegalArgumentException("every, lags and maxChannels must be >= 1 (got " + every + ", " + lags + ", " + maxChannels + ")");
        }
        this.every = every;
        this.lags = lags;
        this.maxChannels = maxChannels;
    }

    @Override
    public void start(RunInfo info) {
        dt = info.dt();
        phi = info.transfers();
        channels = (int) Math.min((long) info.units() * info.replicas(), maxChannels);
        rates = new double[channels];
        boolean background = background(channels, info.threads());
        ofX = new StreamingAutocorrelation(channels, lags, background);
        ofPhi = new StreamingAutocorrelation(channels, lags, background);
        paired = !background && Runtime.getRuntime().availableProcessors() >= 2;
    }

    /**
     * Whether the transforms run on a worker thread ({@link StreamingAutocorrelation}'s background mode, same result):
     * when the simulator leaves a processor idle, and for at most {@link #BACKGROUND_CHANNELS} channels, where they are
     * a sizeable part of a step (a fifth at N = 500; a twentieth at N = 2000) and the extra chunk of ring is small.
     */
    public static boolean background(long channels, int simulatorThreads) {
        return channels <= BACKGROUND_CHANNELS && simulatorThreads < Runtime.getRuntime().availableProcessors();
    }


    @Override
    public void record(long step, double t, double[] state) {
        if (step % every != 0) {
            return;
        }
        phi.applyScalar(state, rates, channels);
        add(state, rates);
    }

    /** The same with φ(x) from the simulator: no evaluation of φ here. */
    @Override
    public void record(long step, double t, double[] state, double[] phiOfState) {
        if (step % every != 0) {
            return;
        }
        add(state, phiOfState);
    }

    /** One sample of both signals; in the paired mode their due chunks are summed at the same time. */
    private void add(double[] state, double[] rates) {
        if (!paired) {
            ofX.add(state, 0);
            ofPhi.add(rates, 0);
            return;
        }
        Runnable x = ofX.addDeferred(state, 0);
        Runnable y = ofPhi.addDeferred(rates, 0);
        if (x == null || y == null) {
            if (x != null) {
                x.run();
            }
            if (y != null) {
                y.run();
            }
            return;
        }
        if (beside == null) {
            beside = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "chaoslab-autocorrelation-phi");
                t.setDaemon(true);
                return t;
            });
        }
        StreamingAutocorrelation.runBeside(x, y, beside);
    }

    /** Stops the transforms' worker threads, if any (what was recorded stays available). */
    @Override
    public void finish() {
        if (ofX != null) {
            ofX.close();
            ofPhi.close();
        }
        if (beside != null) {
            beside.shutdown();
            beside = null;
        }
    }

    /** True when enough samples (2·lags) were recorded to estimate the autocorrelation. */
    public boolean available() {
        return ofX != null && ofX.pairsPerLag() > 0;
    }

    /** Lag axis τ_k = k·every·dt. */
    public double[] lagTimes() {
        double[] tau = new double[lags];
        for (int k = 0; k < lags; k++) {
            tau[k] = k * every * dt;
        }
        return tau;
    }

    /** ⟨x(t)x(t+τ)⟩ (uncentered). */
    public double[] ofState() {
        return ofX.result();
    }

    /** ⟨φ(x(t))φ(x(t+τ))⟩. */
    public double[] ofRates() {
        return ofPhi.result();
    }

    /** Channels used. */
    public int channels() {
        return channels;
    }

    /** Start times per lag. */
    public long pairsPerLag() {
        return ofX.pairsPerLag();
    }
}
