package org.chaoslab.model;

import java.util.Arrays;

/**
 * How responses of a {@link StimulusNetwork} to P stimuli are recorded, T trials per stimulus. Times are in units of
 * τ, i.e. updates per unit (one step of the synchronous maps; τ/dt steps of the continuous-time kinds; on average one
 * update per unit of the Glauber network). All trials of all stimuli share the couplings and the input vectors.
 * <ul>
 *   <li>{@link Mode#STATIONARY}: trials start from independent random initial states (streams
 *       {@code initial/p/t}) and also differ in update times and noise where the model has them; responses at
 *       t_transient + k·interval, k = 0 … samples − 1 (cross-trial kernels of the stationary state).</li>
 *   <li>{@link Mode#TRANSIENT}: every trial of every stimulus starts from one shared random initial state (stream
 *       {@code initial/shared}); responses at the given times after stimulus onset, by default 1, 2, 4, …; trials
 *       differ only where the model has update noise (notes §5: roughness γ_t = 2^{1−t} of the synchronous map).</li>
 * </ul>
 * Initial states: binary units active with probability {@code initialActivity}; rate units x_i ~ N(0, initialStd²);
 * matched-rate units y ∈ {0, 1} active with probability {@code initialActivity}.
 *
 * @param mode            STATIONARY or TRANSIENT
 * @param trials          T ≥ 1 trials per stimulus
 * @param times           the recording times, ascending, ≥ 0 (STATIONARY: t_transient + k·interval)
 * @param initialActivity probability in [0, 1] that a binary unit starts active
 * @param initialStd      σ0 ≥ 0 of the rate units' initial state
 */
public record ResponseProtocol(Mode mode, int trials, double[] times, double initialActivity, double initialStd) {

    /** Stationary or transient recording. */
    public enum Mode {
        /** Independent initial states, after a transient. */
        STATIONARY,
        /** One shared initial state, from stimulus onset. */
        TRANSIENT
    }

    public ResponseProtocol {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be STATIONARY or TRANSIENT");
        }
        Validate.atLeast("trials", trials, 1);
        if (times == null || times.length < 1) {
            throw new IllegalArgumentException("times must hold at least 1 recording time");
        }
        times = times.clone();
        for (int k = 0; k < times.length; k++) {
            Validate.finiteAtLeast("recording time", times[k], 0.0);
            if (k > 0 && !(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("recording times must be strictly increasing (got " + times[k - 1]
                        + " then " + times[k] + ")");
            }
        }
        if (!(initialActivity >= 0 && initialActivity <= 1)) {
            throw new IllegalArgumentException("initial activity must be in [0, 1] (got " + initialActivity + ")");
        }
        Validate.finiteAtLeast("initial std", initialStd, 0.0);
    }

    /**
     * Stationary responses: {@code samples} recordings spaced by {@code interval}, the first after {@code transientTime}
     * (all in units of τ); initial activity ½, initial std 1.
     */
    public static ResponseProtocol stationary(int trials, double transientTime, int samples, double interval) {
        Validate.finiteAtLeast("transient", transientTime, 0.0);
        Validate.atLeast("samples", samples, 1);
        if (samples > 1) {
            Validate.positive("sample interval", interval);
        }
        double[] t = new double[samples];
        for (int k = 0; k < samples; k++) {
            t[k] = transientTime + k * interval;
        }
        return new ResponseProtocol(Mode.STATIONARY, trials, t, 0.5, 1.0);
    }

    /** Transient responses at t = 1, 2, 4, …, 2^{count−1} updates per unit after onset; initial activity ½, std 1. */
    public static ResponseProtocol transientDoubling(int trials, int count) {
        if (count < 1 || count > 40) {
            throw new IllegalArgumentException("recording count must be in [1, 40] (got " + count + ")");
        }
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = Math.scalb(1.0, k);
        }
        return new ResponseProtocol(Mode.TRANSIENT, trials, t, 0.5, 1.0);
    }

    /** Transient responses at the given times after onset. */
    public static ResponseProtocol transientAt(int trials, double... times) {
        return new ResponseProtocol(Mode.TRANSIENT, trials, times, 0.5, 1.0);
    }

    /** The same protocol with other initial-state statistics. */
    public ResponseProtocol withInitial(double activity, double std) {
        return new ResponseProtocol(mode, trials, times, activity, std);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    /** Number of recording times. */
    public int recordings() {
        return times.length;
    }

    /** Recording time k. */
    public double time(int k) {
        return times[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseProtocol r && r.mode == mode && r.trials == trials && Arrays.equals(r.times, times)
                && r.initialActivity == initialActivity && r.initialStd == initialStd;
    }

    @Override
    public int hashCode() {
        return (mode.hashCode() * 31 + trials) * 31 + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "ResponseProtocol[" + mode + ", trials=" + trials + ", times=" + Arrays.toString(times) + "]";
    }
}
