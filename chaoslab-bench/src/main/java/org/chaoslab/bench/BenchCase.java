package org.chaoslab.bench;

import java.util.Locale;

import org.chaoslab.model.Precision;

/**
 * One timed configuration of the rate-network benchmark: N units, M replicas (1 = a single
 * trajectory), coupling storage precision. Euler, φ = tanh, g = 2 throughout.
 *
 * @param n         N
 * @param replicas  M
 * @param precision storage of J (the state is float64 in chaoslab; numpy keeps both in this dtype; bfloat16 has no
 *                  numpy peer: its rows are compared with numpy's float64 and float32 loops of the same N)
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

    /** numpy's dtype name (numpy has no bfloat16: {@link #numpy()} is false for it). */
    String dtype() {
        return switch (precision) {
            case FLOAT64 -> "float64";
            case FLOAT32 -> "float32";
            case BFLOAT16 -> "bfloat16";
        };
    }

    /** Whether numpy runs the same case (float64, float32; numpy has no bfloat16 matmul). */
    boolean numpy() {
        return precision != Precision.BFLOAT16;
    }

    /** Bytes of J: what one matrix–vector product must read (bfloat16 rows with their padding). */
    long matrixBytes() {
        return (long) org.chaoslab.sim.CouplingSampler.couplingBytes(n, precision);
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
        return precision.label();
    }
}
