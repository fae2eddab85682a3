package org.chaoslab.sim.record;

import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;
import org.chaoslab.sim.UnitTransfers;

/**
 * Time- and population-averaged moments per replica, sampled every {@code every}-th step:
 * ⟨x⟩, ⟨x²⟩, ⟨φ(x)⟩, ⟨φ(x)²⟩. These are what the mean-field theory predicts (μ, Δ0 + μ², ⟨φ⟩, C(0)).
 * Reads φ(x) from the simulator when it passes the rates, else evaluates it.
 */
public final class StationaryMoments implements Recorder {

    private final int every;
    private int n;
    private int replicas;
    private UnitTransfers phi;
    private long samples;
    private double[] sumX;
    private double[] sumX2;
    private double[] sumPhi;
    private double[] sumPhi2;
    /** φ(state) when the simulator does not pass it. */
    private double[] rates;

    public StationaryMoments(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 (got " + every + ")");
        }
        this.every = every;
    }

    @Override
    public void start(RunInfo info) {
        n = info.units();
        replicas = info.replicas();
        phi = info.transfers();
        sumX = new double[replicas];
        sumX2 = new double[replicas];
        sumPhi = new double[replicas];
        sumPhi2 = new double[replicas];
        rates = null;
    }

    @Override
    public void record(long step, double t, double[] state) {
        if (step % every != 0) {
            return;
        }
        if (rates == null) {
            rates = new double[n * replicas];
        }
        phi.applyScalar(state, rates, n * replicas);
        record(step, t, state, rates);
    }

    @Override
    public void record(long step, double t, double[] state, double[] phiOfState) {
        if (step % every != 0) {
            return;
        }
        samples++;
        double[] sums = new double[4];
        for (int r = 0; r < replicas; r++) {
            sums(state, phiOfState, r * n, n, sums);
            add(r, sums[0], sums[1], sums[2], sums[3]);
        }
    }

    /**
     * Σx, Σx², Σφ, Σφ² over {@code state[off .. off+n)} and {@code phi[off .. off+n)} in one pass, in index order, into
     * {@code out[0..3]} (shared by {@link StandardRecording}'s fused pass, so both give the same bits).
     */
    static void sums(double[] state, double[] phi, int off, int n, double[] out) {
        double s = 0, s2 = 0, p = 0, p2 = 0;
        for (int i = 0; i < n; i++) {
            double v = state[off + i];
            double f = phi[off + i];
            s += v;
            s2 += v * v;
            p += f;
            p2 += f * f;
        }
        out[0] = s;
        out[1] = s2;
        out[2] = p;
        out[3] = p2;
    }

    /** Starts a sample: {@link #add} follows for every replica (the one pass of {@link StandardRecording}). */
    void sample() {
        samples++;
    }

    /** Adds replica r's sums over i (in increasing order) of x_i, x_i², φ_i, φ_i² to the current sample. */
    void add(int r, double s, double s2, double p, double p2) {
        sumX[r] += s / n;
        sumX2[r] += s2 / n;
        sumPhi[r] += p / n;
        sumPhi2[r] += p2 / n;
    }

    /** Number of samples taken. */
    public long samples() {
        return samples;
    }

    /** ⟨x⟩ per replica. */
    public double[] meanX() {
        return scaled(sumX);
    }

    /** ⟨x²⟩ per replica. */
    public double[] meanSquareX() {
        return scaled(sumX2);
    }

    /** ⟨φ⟩ per replica. */
    public double[] meanPhi() {
        return scaled(sumPhi);
    }

    /** ⟨φ²⟩ per replica. */
    public double[] meanSquarePhi() {
        return scaled(sumPhi2);
    }

    private double[] scaled(double[] s) {
        double[] out = new double[s.length];
        for (int r = 0; r < s.length; r++) {
            out[r] = samples > 0 ? s[r] / samples : Double.NaN;
        }
        return out;
    }
}
