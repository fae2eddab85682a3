package org.chaoslab.sim.kernel;

/**
 * The responses of all stimuli and trials at one recording time: a stimuli × trials × units float32 array,
 * row-major, {@code data[(p·T + t)·N + i]} (what {@code analysis.kernel} reads).
 *
 * @param time          the protocol time in units of τ
 * @param stimuli       P
 * @param trials        T
 * @param units         N
 * @param data          the P·T·N responses (owned by this record; not copied on access)
 * @param meanResponse  the mean over stimuli, trials and units (binary: the population rate m)
 */
public record ResponseSnapshot(double time, int stimuli, int trials, int units, float[] data, double meanResponse) {

    public ResponseSnapshot {
        if (data == null || data.length != (long) stimuli * trials * units) {
            throw new IllegalArgumentException("data must hold stimuli*trials*units = " + ((long) stimuli * trials * units)
                    + " values");
        }
    }

    /** The array shape {P, T, N}. */
    public int[] shape() {
        return new int[] {stimuli, trials, units};
    }

    /** Response of unit i in trial t of stimulus p. */
    public float response(int p, int t, int i) {
        return data[(p * trials + t) * units + i];
    }

    /** Mean over units of column (p, t). */
    public double meanResponse(int p, int t) {
        int off = (p * trials + t) * units;
        double s = 0;
        for (int i = 0; i < units; i++) {
            s += data[off + i];
        }
        return s / units;
    }
}
