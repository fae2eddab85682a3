package org.chaoslab.analysis;

/**
 * Streaming estimate of the unit-averaged, uncentred autocorrelation C(kΔ) = (1/N) Σ_i ⟨v_i(t) v_i(t + kΔ)⟩_t,
 * k = 0..L, from snapshots v(t) taken every Δ (a ring buffer of the last L + 1 snapshots; O(N L) per snapshot).
 * Uncentred, so C(0) of a binary unit is its rate and C(∞) is q = [m_i²]. Also keeps the mean (1/N) Σ_i ⟨v_i⟩_t.
 */
public final class UnitAutocorrelation {

    private final int n;
    private final int lags;
    private final double[][] ring;
    private final double[] sums;
    private final long[] counts;
    private double meanSum;
    private long snapshots;

    /**
     * @param n    units
     * @param lags L ≥ 0, the largest lag in snapshot intervals
     */
    public UnitAutocorrelation(int n, int lags) {
        if (n < 1 || lags < 0) {
            throw new IllegalArgumentException("units must be >= 1 and lags >= 0 (got " + n + ", " + lags + ")");
        }
        this.n = n;
        this.lags = lags;
        ring = new double[lags + 1][n];
        sums = new double[lags + 1];
        counts = new long[lags + 1];
    }

    /** Adds the snapshot v (length N), taken Δ after the previous one. */
    public void add(double[] v) {
        double[] slot = ring[(int) (snapshots % (lags + 1))];
        System.arraycopy(v, 0, slot, 0, n);
        double m = 0;
        for (double x : v) {
            m += x;
        }
        meanSum += m / n;
        for (int k = 0; k <= lags && k <= snapshots; k++) {
            double[] past = ring[(int) ((snapshots - k) % (lags + 1))];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[i] * past[i];
            }
            sums[k] += s / n;
            counts[k]++;
        }
        snapshots++;
    }

    /** C(kΔ), k = 0..L (NaN where no pair was seen). */
    public double[] correlation() {
        double[] c = new double[lags + 1];
        for (int k = 0; k <= lags; k++) {
            c[k] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
        }
        return c;
    }

    /** The mean over units and snapshots. */
    public double mean() {
        return snapshots == 0 ? Double.NaN : meanSum / snapshots;
    }
}
