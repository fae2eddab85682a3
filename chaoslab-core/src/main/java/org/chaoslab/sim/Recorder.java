package org.chaoslab.sim;

/**
 * Observes a run step by step and keeps only what it needs (streamed statistics, subsampled traces),
 * like a Hipparchus step handler. The state passed to {@link #record} is replica-major
 * ({@code state[m·N + i]}), owned by the simulator and valid only during the call.
 */
public interface Recorder {

    /** Called once before the first recorded step. */
    default void start(RunInfo info) {
    }

    /**
     * Called after every recorded step.
     *
     * @param step  recorded step index, 1-based (the transient is not counted)
     * @param time  time since the end of the transient
     * @param state x after the step, replica-major
     */
    void record(long step, double time, double[] state);

    /**
     * Called after every recorded step, instead of {@link #record(long, double, double[])}, by a simulator that has
     * the rates at hand: the rate simulator evaluates φ(x) at every step for the next one anyway, so a recorder of
     * rates that overrides this method reads them instead of evaluating φ a second (or third) time. The default
     * ignores the rates.
     *
     * @param step  recorded step index, 1-based
     * @param time  time since the end of the transient
     * @param state x after the step, replica-major
     * @param rates φ(x), element by element ({@code rates[k] = φ(state[k])}, the same bits as
     *              {@link RunInfo#transfer()}{@code .phi}), owned by the simulator and valid only during the call
     */
    default void record(long step, double time, double[] state, double[] rates) {
        record(step, time, state);
    }

    /** Called once at the end, also when the run stopped early (divergence): keep what was recorded. */
    default void finish() {
    }
}
