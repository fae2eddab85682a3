package org.chaoslab.theory.dmft;

import java.util.Locale;

/** The dynamical phase of the N → ∞ rate network predicted by the DMFT. */
public enum Phase {
    /** A stable fixed point: g²⟨φ′²⟩ &lt; 1; Δ(τ) is constant (Δ0 = Δ∞ = q). */
    FIXED_POINT("fixed-point"),
    /** The fixed point is unstable and a bounded chaotic solution exists: Δ(τ) decays from Δ0 to Δ∞. */
    CHAOTIC("chaotic"),
    /** Neither a stable fixed point nor a bounded chaotic solution: the activity diverges. */
    UNSTABLE("unstable");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** The lowercase label: "fixed-point", "chaotic" or "unstable". */
    public String label() {
        return label;
    }

    /** Reads a label (case-insensitive). */
    public static Phase fromLabel(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Phase p : values()) {
            if (p.label.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("phase must be one of fixed-point, chaotic, unstable (got '" + s + "')");
    }

    @Override
    public String toString() {
        return label;
    }
}
