package org.chaoslab.model;

/** One-line argument checks that name the parameter and the allowed range. */
public final class Validate {

    private Validate() {
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite (got " + value + ")");
        }
        return value;
    }

    public static double finiteAtLeast(String name, double value, double min) {
        if (!Double.isFinite(value) || value < min) {
            throw new IllegalArgumentException(name + " must be finite and >= " + min + " (got " + value + ")");
        }
        return value;
    }

    public static double positive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(name + " must be finite and > 0 (got " + value + ")");
        }
        return value;
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + " (got " + value + ")");
        }
        return value;
    }
}
