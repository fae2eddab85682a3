package org.chaoslab.sim.record;

import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.RunInfo;

/** Traces x_i(t) of chosen units of one replica, every {@code every}-th step. */
public final class UnitTraces implements Recorder {

    private final int[] units;
    private final int every;
    private final int replica;
    private int n;
    private GrowableSeries time;
    private GrowableSeries values;

    /**
     * @param units   unit indices to record (each in [0, N))
     * @param every   keep every {@code every}-th recorded step
     * @param replica which replica
     */
    public UnitTraces(int[] units, int every, int replica) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 (got " + every + ")");
        }
        this.units = units.clone();
        this.every = every;
        this.replica = replica;
    }

    /** The first {@code count} units (or N if fewer) of replica 0. */
    public static UnitTraces firstUnits(int count, int n, int every) {
        int k = Math.min(count, n);
        int[] u = new int[k];
        for (int i = 0; i < k; i++) {
            u[i] = i;
        }
        return new UnitTraces(u, every, 0);
    }

    @Override
    public void start(RunInfo info) {
        n = info.units();
        for (int u : units) {
            if (u < 0 || u >= n) {
                throw new IllegalArgumentException("trace unit must be in [0, " + n + ") (got " + u + ")");
            }
        }
        if (replica < 0 || replica >= info.replicas()) {
            throw new IllegalArgumentException("trace replica must be in [0, " + info.replicas() + ") (got " + replica + ")");
        }
        int cap = (int) Math.min(1 << 20, info.steps() / every + 1);
        time = new GrowableSeries(cap);
        values = new GrowableSeries(cap * Math.max(1, units.length));
    }

    @Override
    public void record(long step, double t, double[] state) {
        if (step % every != 0) {
            return;
        }
        time.add(t);
        int off = replica * n;
        for (int u : units) {
            values.add(state[off + u]);
        }
    }

    /** The recorded units. */
    public int[] units() {
        return units.clone();
    }

    /** Sample times. */
    public double[] times() {
        return time.toArray();
    }

    /** Values, row-major [sample][unit]. */
    public double[] values() {
        return values.toArray();
    }
}
