package org.chaoslab.model;

import java.util.Locale;

/**
 * Storage precision of the coupling matrix. Only J is stored in it: the state, the products' accumulation (float32 lanes
 * summed in float64 for the reduced precisions) and everything downstream stay as they are.
 */
public enum Precision {
    /** 8 bytes per coupling (default). */
    FLOAT64(8, "f64"),
    /** 4 bytes per coupling: halves the memory traffic of the matrix–vector product at large N. */
    FLOAT32(4, "f32"),
    /**
     * 2 bytes per coupling: bfloat16 (the upper half of a float32: 8 exponent bits, 8 significant bits, relative
     * rounding error at most 2⁻⁸), rounded to nearest-even from the float64 draw; widened to float32 in the product.
     * A quarter of float64's memory traffic: dense N = 50 000 in 5 GB.
     */
    BFLOAT16(2, "bf16");

    private final int bytes;
    private final String label;

    Precision(int bytes, String label) {
        this.bytes = bytes;
        this.label = label;
    }

    /** Bytes per stored coupling. */
    public int bytes() {
        return bytes;
    }

    /** The short name the command line uses: f64, f32, bf16. */
    public String label() {
        return label;
    }

    /**
     * The precision named {@code s}: f64/float64, f32/float32 or bf16/bfloat16 (case-insensitive).
     *
     * @throws IllegalArgumentException naming {@code name}, the allowed values and {@code s}
     */
    public static Precision parse(String name, String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "f64", "float64" -> FLOAT64;
            case "f32", "float32" -> FLOAT32;
            case "bf16", "bfloat16" -> BFLOAT16;
            default -> throw new IllegalArgumentException(name + " must be f64, f32 or bf16 (got '" + s + "')");
        };
    }
}
