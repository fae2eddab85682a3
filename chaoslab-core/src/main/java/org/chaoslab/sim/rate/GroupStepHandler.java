package org.chaoslab.sim.rate;

/**
 * A step handler of a batched rate run ({@code RateLoop}): an action on the columns of each group still advancing,
 * after every step — the Hipparchus notion of a step handler, here one that may also change the state it is shown.
 * The two-replica Lyapunov estimator ({@code org.chaoslab.sim.lyapunov.TwoReplicaBatch}) places each point's replica
 * beside its trajectory and renormalizes it with one ({@link ReplicaPairs}).
 *
 * <p>It is called once per step s = 0, 1, …, S and group: s = 0 with the initial state, before the first step; s ≥ 1
 * after step s, its noise and the divergence check (a group found diverged at step s is stopped before and not shown).
 * What it writes into its group's columns is the state the next step starts from (and what a recorder records for step
 * s). It is called from the loop's thread, group after group; a handler that touches only its group's columns keeps
 * the batch's results independent of the thread count and of the other groups.
 */
@FunctionalInterface
public interface GroupStepHandler {

    /**
     * Group {@code group}'s state after step {@code step}: its W columns of N units, elements [from, to) of {@code x}
     * (column-major), which the handler may change in place.
     *
     * @param group the group's index in the run (its order among the groups given, whichever columns it occupies now)
     * @return true to go on; false when the group cannot go on, which stops it at this step as diverged (its state as
     *         the handler left it)
     */
    boolean afterStep(long step, int group, double[] x, int from, int to);
}
