package org.chaoslab.sim.binary;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Sweeps of all units in one fixed random order (Fisher–Yates shuffle from one stream), one sweep per τ: sweep s
 * updates position p at time τ(s + (p+1)/N), the schedule of the notes' Figure 4 ({@link UpdateSchedule#FIXED_ORDER}).
 */
final class FixedOrderEvents implements UpdateEvents {

    private final int[] order;
    private final double tau;
    private long event = -1;

    FixedOrderEvents(int n, double tau, UniformRandomProvider rng) {
        this.tau = tau;
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
    }

    @Override
    public double next() {
        event++;
        return tau * (double) (event + 1) / order.length;
    }

    @Override
    public int unit() {
        return order[(int) (event % order.length)];
    }
}
