package org.chaoslab.theory.kernel;

/**
 * Two trials started in one shared random state (rate m₀, so c₀ = m₀; rate units: one shared Gaussian state), with
 * stimuli at distance Δ switched on at t = 0 (science notes §5, "roughness in transients").
 *
 * @param delta    Δ
 * @param time     t = 0, 1, 2, … (synchronous maps: update steps) or t = 0, dt, 2dt, … (Glauber: units of τ)
 * @param mean     m_t, the mean response of either trial (binary) or ⟨φ⟩_t (rate)
 * @param sameTrial k0_t = (1/N)Σ r_i(t)² (= m_t for 0/1 units)
 * @param overlap  c_t = (1/N)Σ r_i^a(t) r_i^b(t)
 * @param deficit  k0_t − c_t, computed without cancellation (binary: directly from Owen's T)
 */
public record Transient(double delta, double[] time, double[] mean, double[] sameTrial, double[] overlap, double[] deficit) {

    public Transient {
        time = time.clone();
        mean = mean.clone();
        sameTrial = sameTrial.clone();
        overlap = overlap.clone();
        deficit = deficit.clone();
    }

    @Override public double[] time() { return time.clone(); }
    @Override public double[] mean() { return mean.clone(); }
    @Override public double[] sameTrial() { return sameTrial.clone(); }
    @Override public double[] overlap() { return overlap.clone(); }
    @Override public double[] deficit() { return deficit.clone(); }

    /** 1 − c_t/k0_t at index i, the normalized roughness measure. */
    public double relativeDeficit(int i) {
        return deficit[i] / sameTrial[i];
    }
}
