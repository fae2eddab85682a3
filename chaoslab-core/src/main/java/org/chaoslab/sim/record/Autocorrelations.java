package org.chaoslab.sim.record;

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
        ofX.add(state, 0);
        ofPhi.add(rates, 0);
    }

    /** The same with φ(x) from the simulator: no evaluation of φ here. */
    @Override
    public void record(long step, double t, double[] state, double[] phiOfState) {
        if (step % every != 0) {
            return;
        }
        ofX.add(state, 0);
        ofPhi.add(phiOfState, 0);
    }

    /** Stops the transforms' worker threads, if any (what was recorded stays available). */
    @Override
    public void finish() {
        if (ofX != null) {
            ofX.close();
            ofPhi.close();
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
