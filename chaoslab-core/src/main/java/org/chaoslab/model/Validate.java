package org.chaoslab.model;

/**
 * One-line argument checks that name the parameter, its allowed range and the offending value:
 * {@code "<name> must be finite and > 0 (got -1.0)"}.
 *
 * <p>{@code name} is the parameter's name in the model: the record component or field it sets ({@code "nE"},
 * {@code "sampleInterval"}), optionally followed by a few words in parentheses ({@code "nE (number of excitatory
 * units)"}); other parameters a message refers to are named the same way ({@code "k must be <= min(nE, nI) = 50"}).
 * Core messages never name a command-line flag: the CLI puts the flag of the command that was run in place of the
 * name when it prints the message ({@code org.chaoslab.cli.common.ParameterFlags}).
 */
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

    public static double negative(String name, double value) {
        if (!Double.isFinite(value) || value >= 0) {
            throw new IllegalArgumentException(name + " must be finite and < 0 (got " + value + ")");
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
