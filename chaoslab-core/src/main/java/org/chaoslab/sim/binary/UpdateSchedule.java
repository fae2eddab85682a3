package org.chaoslab.sim.binary;

/** When binary units are updated. */
public enum UpdateSchedule {
    /** Each unit at independent Poisson times with mean interval τ_k (random asynchronous updates). */
    POISSON,
    /**
     * Sweeps through all units in one fixed random order, one sweep per τ (the schedule of the notes'
     * Figure 4); needs τ_E = τ_I.
     */
    FIXED_ORDER;

    /** Parses "poisson" or "fixed-order". */
    public static UpdateSchedule parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "poisson", "random" -> POISSON;
            case "fixed-order", "fixed", "sequential" -> FIXED_ORDER;
            default -> throw new IllegalArgumentException("schedule must be one of poisson, fixed-order (got " + s + ")");
        };
    }

    /** The CLI spelling. */
    public String label() {
        return this == POISSON ? "poisson" : "fixed-order";
    }
}
