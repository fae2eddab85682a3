package org.chaoslab.sim.binary;

/**
 * What one simulation of a balanced binary network recorded (replica 0 unless stated).
 *
 * @param time            sample times (from the end of the transient)
 * @param rateE           population rate m_E(t) at the sample times
 * @param rateI           population rate m_I(t)
 * @param unitRates       time-averaged rate of every unit in each block: {@code unitRates[b][i]}
 * @param inputUnits      units of the input decomposition
 * @param inputs          {@code inputs[u][c][s]}: for input unit u, component c (0 excitatory, 1 inhibitory,
 *                        2 external √K E_k m0, 3 total input u = exc + inh + ext − θ, 4 state σ) at sample s
 * @param trainUnit       units of the recorded 0→1 transitions, in time order
 * @param trainTime       times of those transitions (from the end of the transient)
 * @param trainUnits      number of units per population whose transitions were recorded
 * @param acfLags         lags of the population autocorrelation (empty if none)
 * @param acfE            ⟨σ_i(t) σ_i(t+s)⟩ averaged over recorded E units and time (raw moment)
 * @param acfI            the same for I units
 * @param distanceE       D_E(t) = (1/N_E) Σ (σ^0 − σ^1)² at the sample times (empty with one replica)
 * @param distanceI       D_I(t)
 * @param updates         unit updates performed (all replicas, transient included)
 * @param flips           state changes (all replicas)
 * @param synapticEvents  input counts changed by flips (all replicas)
 * @param wallSeconds     wall-clock time of the event loop
 */
public record BalancedRecording(double[] time, double[] rateE, double[] rateI, double[][] unitRates, int[] inputUnits,
                                double[][][] inputs, int[] trainUnit, double[] trainTime, int trainUnits,
                                double[] acfLags, double[] acfE, double[] acfI, double[] distanceE, double[] distanceI,
                                long updates, long flips, long synapticEvents, double wallSeconds) {

    /** Time-averaged rate of every unit over the whole recording (mean of the blocks). */
    public double[] meanUnitRates() {
        double[] r = new double[unitRates[0].length];
        for (double[] block : unitRates) {
            for (int i = 0; i < r.length; i++) {
                r[i] += block[i] / unitRates.length;
            }
        }
        return r;
    }

    /** Whether the replica distance was recorded. */
    public boolean hasDistance() {
        return distanceE.length > 0;
    }

    /** Unit updates per wall-clock second. */
    public double updatesPerSecond() {
        return updates / wallSeconds;
    }

    /** Synaptic events (input-count changes) per wall-clock second. */
    public double synapticEventsPerSecond() {
        return synapticEvents / wallSeconds;
    }
}
