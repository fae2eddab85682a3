package org.chaoslab.model;

import java.util.List;
import java.util.Locale;

import org.apache.commons.numbers.gamma.Erf;
import org.chaoslab.linalg.VectorTanh;

/**
 * The transfer functions of chaoslab and a parser for their names.
 *
 * <p>Names accepted by {@link #parse(String)}: {@code linear}, {@code tanh}, {@code erf}
 * (erf(√π x/2), slope 1 at 0), {@code relu}, {@code threshold-linear:θ} (max(0, x−θ)),
 * {@code sigmoid} (1/(1+e^{−x})), and {@code custom:BASE:GAIN:OFFSET} meaning
 * φ(x) = BASE(GAIN·(x − OFFSET)).
 */
public final class TransferFunctions {

    private TransferFunctions() {
    }

    /** The names the parser accepts, for help texts and error messages. */
    public static final List<String> NAMES = List.of(
            "linear", "tanh", "erf", "relu", "threshold-linear:THETA", "sigmoid", "custom:BASE:GAIN:OFFSET");

    /** Identity, φ(x) = x. */
    public record Linear() implements TransferFunction {
        @Override public double phi(double x) { return x; }
        @Override public double derivative(double x) { return 1.0; }
        @Override public double antiderivative(double x) { return 0.5 * x * x; }
        @Override public String name() { return "linear"; }
        @Override public boolean isOdd() { return true; }
        @Override public void apply(double[] in, double[] out, int n) { System.arraycopy(in, 0, out, 0, n); }
    }

    /**
     * φ(x) = tanh x; Φ(x) = log cosh x. φ is {@link VectorTanh} (within 2 ulp of {@link Math#tanh}), the kernel the
     * simulators' step uses, so that a value recomputed from the state (a recorder, the theory's integrand) has the
     * bits the step produced.
     */
    public record Tanh() implements TransferFunction {
        @Override public double phi(double x) { return VectorTanh.scalar(x); }
        @Override public void apply(double[] in, double[] out, int n) { VectorTanh.apply(in, out, 0, n); }
        @Override public double derivative(double x) {
            // sech² x = 4e^{−2|x|}/(1 + e^{−2|x|})²: no cancellation (1 − tanh² x is pure rounding for |x| ≳ 18, which
            // made adaptive quadratures of φ′ run to their evaluation bound)
            double e = Math.exp(-2.0 * Math.abs(x));
            double d = 1.0 + e;
            return 4.0 * e / (d * d);
        }
        @Override public double antiderivative(double x) {
            double a = Math.abs(x);
            // log cosh x = |x| + log(1 + e^{-2|x|}) - log 2, stable for large |x|
            return a + Math.log1p(Math.exp(-2.0 * a)) - LN2;
        }
        @Override public String name() { return "tanh"; }
        @Override public boolean isOdd() { return true; }
    }

    /** φ(x) = erf(√π x / 2), scaled to slope 1 at the origin. */
    public record ScaledErf() implements TransferFunction {
        private static final double A = Math.sqrt(Math.PI) / 2.0;
        @Override public double phi(double x) { return Erf.value(A * x); }
        @Override public double derivative(double x) { return Math.exp(-A * A * x * x); }
        @Override public double antiderivative(double x) {
            // ∫ erf(a x) dx = x erf(a x) + e^{-a²x²}/(a√π); a√π = π/2
            return x * Erf.value(A * x) + (Math.exp(-A * A * x * x) - 1.0) / (A * Math.sqrt(Math.PI));
        }
        @Override public String name() { return "erf"; }
        @Override public boolean isOdd() { return true; }
    }

    /** Rectified linear unit, φ(x) = max(0, x). */
    public record Relu() implements TransferFunction {
        @Override public double phi(double x) { return x > 0 ? x : 0.0; }
        @Override public double derivative(double x) { return x > 0 ? 1.0 : 0.0; }
        @Override public double antiderivative(double x) { return x > 0 ? 0.5 * x * x : 0.0; }
        @Override public String name() { return "relu"; }
        @Override public double[] kinks() { return new double[] {0.0}; }
        @Override public boolean isOdd() { return false; }
    }

    /** Threshold-linear, φ(x) = max(0, x − θ). */
    public record ThresholdLinear(double threshold) implements TransferFunction {
        public ThresholdLinear {
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold must be finite (got " + threshold + ")");
            }
        }
        @Override public double phi(double x) { return x > threshold ? x - threshold : 0.0; }
        @Override public double derivative(double x) { return x > threshold ? 1.0 : 0.0; }
        @Override public double antiderivative(double x) {
            // Φ(0) = 0: for θ < 0 the region (θ, 0) contributes −θ²/2
            double above = x > threshold ? 0.5 * (x - threshold) * (x - threshold) : 0.0;
            double atZero = threshold < 0 ? 0.5 * threshold * threshold : 0.0;
            return above - atZero;
        }
        @Override public String name() { return "threshold-linear:" + fmt(threshold); }
        @Override public double[] kinks() { return new double[] {threshold}; }
        @Override public boolean isOdd() { return false; }
    }

    /** Logistic sigmoid, φ(x) = 1/(1+e^{−x}); Φ(x) = log(1+e^x) − log 2. */
    public record Sigmoid() implements TransferFunction {
        @Override public double phi(double x) {
            return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
        }
        @Override public double derivative(double x) {
            double s = phi(x);
            return s * (1.0 - s);
        }
        @Override public double antiderivative(double x) {
            // softplus, stable: max(x,0) + log1p(e^{-|x|})
            return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))) - LN2;
        }
        @Override public String name() { return "sigmoid"; }
        @Override public boolean isOdd() { return false; }
    }

    /** A base function with gain and offset: φ(x) = base(gain·(x − offset)). */
    public record GainOffset(TransferFunction base, double gain, double offset) implements TransferFunction {
        public GainOffset {
            if (base == null) {
                throw new IllegalArgumentException("base transfer function must be given");
            }
            if (!Double.isFinite(gain) || gain <= 0) {
                throw new IllegalArgumentException("gain must be finite and > 0 (got " + gain + ")");
            }
            if (!Double.isFinite(offset)) {
                throw new IllegalArgumentException("offset must be finite (got " + offset + ")");
            }
        }
        @Override public double phi(double x) { return base.phi(gain * (x - offset)); }
        @Override public double derivative(double x) { return gain * base.derivative(gain * (x - offset)); }
        @Override public double antiderivative(double x) {
            return (base.antiderivative(gain * (x - offset)) - base.antiderivative(-gain * offset)) / gain;
        }
        @Override public String name() { return "custom:" + base.name() + ":" + fmt(gain) + ":" + fmt(offset); }
        @Override public double[] kinks() {
            double[] k = base.kinks();
            for (int i = 0; i < k.length; i++) {
                k[i] = offset + k[i] / gain;   // base(gain (x − offset)) kinks where gain (x − offset) = base kink
            }
            return k;
        }
        @Override public boolean isOdd() { return offset == 0.0 && base.isOdd(); }
    }

    private static final double LN2 = Math.log(2.0);

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Reads a transfer function from its name (see the class comment).
     *
     * @throws IllegalArgumentException with a one-line message listing the accepted names
     */
    public static TransferFunction parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("phi must be one of " + NAMES + " (got an empty value)");
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":");
        try {
            switch (parts[0]) {
                case "linear", "identity":
                    return expectArgs(parts, 0, spec, new Linear());
                case "tanh":
                    return expectArgs(parts, 0, spec, new Tanh());
                case "erf":
                    return expectArgs(parts, 0, spec, new ScaledErf());
                case "relu":
                    return expectArgs(parts, 0, spec, new Relu());
                case "sigmoid", "logistic":
                    return expectArgs(parts, 0, spec, new Sigmoid());
                case "threshold-linear":
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("phi threshold-linear needs a threshold, e.g. threshold-linear:0.5 (got '" + spec + "')");
                    }
                    return new ThresholdLinear(Double.parseDouble(parts[1]));
                case "custom":
                    if (parts.length != 4) {
                        throw new IllegalArgumentException("phi custom needs BASE:GAIN:OFFSET, e.g. custom:tanh:2:0.5 (got '" + spec + "')");
                    }
                    return new GainOffset(parse(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                default:
                    throw new IllegalArgumentException("phi must be one of " + NAMES + " (got '" + spec + "')");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phi parameter is not a number in '" + spec + "'");
        }
    }

    private static TransferFunction expectArgs(String[] parts, int n, String spec, TransferFunction f) {
        if (parts.length != n + 1) {
            throw new IllegalArgumentException("phi " + parts[0] + " takes no parameter (got '" + spec + "')");
        }
        return f;
    }
}
