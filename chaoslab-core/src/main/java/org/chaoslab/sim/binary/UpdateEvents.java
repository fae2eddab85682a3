package org.chaoslab.sim.binary;

/** A source of asynchronous update events of a binary network: times (non-decreasing, units of τ_E) and units. */
interface UpdateEvents {

    /** Draws the next event and returns its time. */
    double next();

    /** The unit of the event last drawn by {@link #next()}. */
    int unit();
}
