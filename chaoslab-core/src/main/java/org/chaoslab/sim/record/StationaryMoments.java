package org.chaoslab.sim.record;

import org.chaoslab.model.TransferFunction;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;

/**
 * Time- and population-averaged moments per replica, sampled every {@code every}-th step:
 * ⟨x⟩, ⟨x²⟩, ⟨φ(x)⟩, ⟨φ(x)²⟩. These are what the mean-field theory predicts (μ, Δ0 + μ², ⟨φ⟩, C(0)).
 */
public final class StationaryMoments implements Recorder {

    private final int every;
    private int n;
    private int replicas;
    private TransferFunction phi;
    private long samples;
    private double[] sumX;
    private double[] sumX2;
    private double[] sumPhi;
    private double[] sumPhi2;

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
        phi = info.transfer();
        sumX = new double[replicas];
        sumX2 = new double[replicas];
        sumPhi = new double[replicas];
        sumPhi2 = new double[replicas];
    }

    @Override
    public void record(long step, double t, double[] state) {
        if (step % every != 0) {
            return;
        }
        samples++;
        for (int r = 0; r < replicas; r++) {
            int off = r * n;
            double s = 0, s2 = 0, p = 0, p2 = 0;
            for (int i = 0; i < n; i++) {
                double v = state[off + i];
                double f = phi.phi(v);
                s += v;
                s2 += v * v;
                p += f;
                p2 += f * f;
            }
            sumX[r] += s / n;
            sumX2[r] += s2 / n;
            sumPhi[r] += p / n;
            sumPhi2[r] += p2 / n;
        }
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
