package org.chaoslab.model;

/** How the sparse connectivity of a {@link BalancedNetwork} is drawn. */
public enum BalancedConnectivity {
    /** Each pair (j in population l → i) is connected independently with probability K/N_l (van Vreeswijk &amp; Sompolinsky 1998). */
    BERNOULLI,
    /** Each unit receives exactly K inputs from each population, drawn without replacement. */
    FIXED_INDEGREE;

    /** Parses "bernoulli" or "fixed-indegree" (case-insensitive). */
    public static BalancedConnectivity parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "bernoulli", "random" -> BERNOULLI;
            case "fixed-indegree", "fixed", "fixed-in-degree" -> FIXED_INDEGREE;
            default -> throw new IllegalArgumentException("connectivity must be one of bernoulli, fixed-indegree (got " + s + ")");
        };
    }

    /** The CLI spelling. */
    public String label() {
        return this == BERNOULLI ? "bernoulli" : "fixed-indegree";
    }
}
