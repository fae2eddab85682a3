package org.chaoslab.sim.rate;

import java.util.Locale;

/** Fixed-step integration schemes of the rate dynamics dx/dt = −x + F(x), F = Jφ(x) + I. */
public enum IntegratorKind {
    /** x ← x + δ(−x + F(x)); with δ = dt this is also the discrete-time map x ← (1−δ)x + δF(x). */
    EULER,
    /** Exponential Euler: x ← e^{−δ}x + (1 − e^{−δ})F(x), exact for the leak. */
    EXPONENTIAL_EULER,
    /** Classical fourth-order Runge–Kutta (four products per step). */
    RK4;

    /** Reads {@code euler}, {@code exp-euler}/{@code exponential-euler}, {@code rk4}. */
    public static IntegratorKind parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "euler", "map" -> EULER;
            case "exp-euler", "exponential-euler", "expeuler" -> EXPONENTIAL_EULER;
            case "rk4", "runge-kutta" -> RK4;
            default -> throw new IllegalArgumentException("integrator must be one of euler, exp-euler, rk4 (got '" + s + "')");
        };
    }

    /** The name {@link #parse} reads back. */
    public String label() {
        return switch (this) {
            case EULER -> "euler";
            case EXPONENTIAL_EULER -> "exp-euler";
            case RK4 -> "rk4";
        };
    }
}
