package org.chaoslab.theory.deep;

import java.util.function.DoubleUnaryOperator;

import org.chaoslab.gauss.TransferIntegrands;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;

/**
 * φ″, needed only by the curvature recursion (χ2 = σ_w² q ⟨φ″²⟩). The model interface stops at φ′, so
 * the known smooth records get closed forms here; an unknown smooth implementation gets a central
 * difference of φ′ (truncation error ~h²φ⁗/6 ≈ 10⁻⁹ relative at h = 10⁻⁴·max(1,|x|)). A φ with kinks
 * (ReLU, threshold-linear) has a δ-function in φ″, so ⟨φ″²⟩ = ∞: {@link #of} returns null.
 */
final class SecondDerivative {

    private static final double ERF_A2 = Math.PI / 4.0; // erf(√π x/2): a² = π/4

    private SecondDerivative() {
    }

    /** φ″ as a function, or null when φ has kinks. */
    static DoubleUnaryOperator of(TransferFunction f) {
        if (TransferIntegrands.kinks(f).length > 0) {
            return null;
        }
        if (f instanceof TransferFunctions.Linear) {
            return x -> 0.0;
        }
        if (f instanceof TransferFunctions.Tanh) {
            return x -> {
                double t = Math.tanh(x);
                return -2.0 * t * (1.0 - t * t); // (1 − tanh²)′ = −2 tanh (1 − tanh²)
            };
        }
        if (f instanceof TransferFunctions.ScaledErf) {
            return x -> -2.0 * ERF_A2 * x * Math.exp(-ERF_A2 * x * x); // (e^{−a²x²})′
        }
        if (f instanceof TransferFunctions.Sigmoid s) {
            return x -> {
                double v = s.phi(x);
                return v * (1.0 - v) * (1.0 - 2.0 * v); // (s(1−s))′ = s(1−s)(1−2s)
            };
        }
        if (f instanceof TransferFunctions.GainOffset go) {
            DoubleUnaryOperator base = of(go.base());
            if (base == null) {
                return null;
            }
            double g = go.gain();
            double o = go.offset();
            return x -> g * g * base.applyAsDouble(g * (x - o));
        }
        return x -> {
            double h = 1e-4 * Math.max(1.0, Math.abs(x));
            return (f.derivative(x + h) - f.derivative(x - h)) / (2.0 * h);
        };
    }
}
