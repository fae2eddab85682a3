package org.chaoslab.theory.deep;

/** The phase of signal propagation in a random deep network (Poole et al. 2016; Schoenholz et al. 2017). */
public enum DeepPhase {
    /** χ1 &lt; 1: nearby inputs converge, c* = 1 is stable. */
    ORDERED("ordered"),
    /** χ1 &gt; 1: nearby inputs decorrelate, c* &lt; 1. */
    CHAOTIC("chaotic"),
    /** χ1 = 1 (to rounding): the order–chaos boundary, ξ_c = ∞. */
    CRITICAL("critical"),
    /** The length map has no fixed point: q^l grows without bound (e.g. ReLU with σ_w² &gt; 2). */
    UNBOUNDED("unbounded");

    /** |χ1 − 1| at or below this counts as critical (rounding of the quadrature). */
    static final double CRITICAL_WIDTH = 1e-12;

    private final String label;

    DeepPhase(String label) {
        this.label = label;
    }

    /** The lower-case name used in outputs. */
    public String label() {
        return label;
    }

    /** The phase of a given χ1 (when q* exists). */
    static DeepPhase ofChi1(double chi1) {
        if (Math.abs(chi1 - 1.0) <= CRITICAL_WIDTH) {
            return CRITICAL;
        }
        return chi1 < 1.0 ? ORDERED : CHAOTIC;
    }
}
