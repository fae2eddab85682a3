package org.chaoslab.bench;

import java.util.Locale;

import org.chaoslab.model.Precision;

/**
 * One timed configuration of the rate-network benchmark: N units, M replicas (1 = a single
 * trajectory), coupling storage precision. Euler, φ = tanh, g = 2 throughout.
 *
 * @param n         N
 * @param replicas  M
 * @param precision storage of J (the state is float64 in chaoslab; numpy keeps both in this dtype)
 */
record BenchCase(int n, int replicas, Precision precision) {

    /** A stable identifier, e.g. {@code n2000-f64} or {@code n2000-m64-f64}. */
    String id() {
        return "n" + n + (replicas > 1 ? "-m" + replicas : "") + "-" + shortPrecision();
    }

    /** Table label, e.g. {@code N=2000 f32} or {@code N=2000 M=64 f64}. */
    String label() {
        return "N=" + n + (replicas > 1 ? " M=" + replicas : "") + " " + shortPrecision();
    }

    boolean single() {
        return replicas == 1;
    }

    /** numpy's dtype name. */
    String dtype() {
        return precision == Precision.FLOAT32 ? "float32" : "float64";
    }

    /** Bytes of J: what one matrix–vector product must read. */
    long matrixBytes() {
        return (long) n * n * (precision == Precision.FLOAT32 ? 4 : 8);
    }

    /** Floating-point operations of the product per step: 2·N²·M. */
    double productFlops() {
        return 2.0 * n * (double) n * replicas;
    }

    /** The case as the numpy script takes it: {@code N:M:dtype}. */
    String numpyArg() {
        return String.format(Locale.ROOT, "%d:%d:%s", n, replicas, dtype());
    }

    private String shortPrecision() {
        return precision == Precision.FLOAT32 ? "f32" : "f64";
    }
}
