package org.chaoslab.cli.kernel;

import org.chaoslab.cli.binary.BalancedOptions;
import org.chaoslab.cli.common.Resources;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.model.Precision;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.glauber.MatchedRate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The stimulus-driven network of the kernel commands (a picocli mixin shared by {@code kernel simulate} and
 * {@code compare kernel}): dynamics, size, couplings, threshold or input, transfer function.
 */
public final class KernelNetworkOptions {

    @Option(names = "--model", paramLabel = "MODEL",
            description = "binary-sync (n <- Theta(J n + x - theta)), glauber (asynchronous, Poisson updates), rate-sync "
                    + "(x <- J phi(x) + x(theta) + I), rate (dx/dt = -x + J phi(x) + x(theta) + I), matched-rate (the rate "
                    + "network matched to glauber, output noise), balanced (the E/I network of van Vreeswijk & Sompolinsky, "
                    + "its options below). Default: ${DEFAULT-VALUE}.", defaultValue = "binary-sync")
    String model;

    @Option(names = "--n", description = "Number of units N >= 2 (not for balanced: N = N_E + N_I). Default: 2000.")
    Integer n;

    @ArgGroup(exclusive = false, heading = "%nBalanced E/I network (--model balanced; time in units of tau_E):%n")
    BalancedOptions balanced = new BalancedOptions();

    @Option(names = "--g", description = "Coupling gain g >= 0: Var J_ij = g^2/N. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
    double g;

    @Option(names = "--j0", description = "Mean coupling J0: E J_ij = J0/N. Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double j0;

    @Option(names = "--theta", description = "Threshold b of binary units (binary-sync, glauber, matched-rate). Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.0")
    double theta;

    @Option(names = "--input", description = "Constant input I of rate units (rate-sync, rate). Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.0")
    double input;

    @Option(names = "--phi", description = "Transfer function of rate units: linear, tanh, erf, relu, threshold-linear:THETA, "
            + "sigmoid, custom:BASE:GAIN:OFFSET. Default: ${DEFAULT-VALUE}.", defaultValue = "tanh")
    String phi;

    @Option(names = "--threshold-noise", paramLabel = "SIGMA",
            description = "Gaussian threshold noise sigma >= 0 of glauber and matched-rate units. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.0")
    double thresholdNoise;

    @Option(names = "--output-noise", paramLabel = "A",
            description = "Output-noise variance a >= 0 of the matched-rate network, or 'matched': a = m - C_x(0) from the "
                    + "Glauber dynamic mean field with the stimulus (Keup et al. 2021). Default: ${DEFAULT-VALUE}.",
            defaultValue = "matched")
    String outputNoise;

    @Option(names = "--tau", description = "Time constant / mean update interval tau > 0. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1.0")
    double tau;

    @Option(names = "--dt", description = "Time step of the continuous-time kinds (rate, matched-rate), <= tau. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.1")
    double dt;

    @Option(names = "--float32", description = "Store J in float32 (binary-sync always does: its fields are sums of couplings over active units).")
    boolean float32;

    @Option(names = "--precision", description = "Storage of J: f64 or f32 (the same as --float32). bf16 is refused here: the "
            + "stimulus simulators read float arrays, so bfloat16 couplings would be widened to float64 and save no "
            + "memory (bf16 is for the rate commands). Default: f64 (binary-sync: f32).")
    String precision;

    /** The kind chosen. */
    public StimulusNetwork.Kind kind() {
        return StimulusNetwork.Kind.parse(model);
    }

    /** The described network; a matched-rate network's output noise needs the stimulus strength s. */
    public StimulusNetwork network(double s) {
        StimulusNetwork.Kind kind = kind();
        if (kind == StimulusNetwork.Kind.BALANCED) {
            if (n != null) {
                throw new IllegalArgumentException("--n does not apply to --model balanced: set --ne and --ni (N = N_E + N_I)");
            }
            BalancedNetwork net = balanced.network();
            BalancedOptions.checkSize(net);
            return StimulusNetwork.balanced(net);
        }
        int n = this.n == null ? 2000 : this.n;
        Resources.denseSize("--n", n);
        TransferFunction f = kind == StimulusNetwork.Kind.RATE_SYNC || kind == StimulusNetwork.Kind.RATE ? TransferFunctions.parse(phi)
                : null;
        double step = kind.continuousTime() ? dt : tau;
        // the binary map always sums float32 couplings over active units (StimulusNetwork.binarySync)
        Precision given = precision == null ? null : Precision.parse("--precision", precision);
        if (given == Precision.BFLOAT16) {
            throw new IllegalArgumentException("--precision must be f64 or f32 for the stimulus-kernel networks (their "
                    + "simulators read float arrays: bf16 would be widened to float64 and save no memory; got bf16)");
        }
        if (float32 && given == Precision.FLOAT64) {
            throw new IllegalArgumentException("--precision must be f32 when --float32 is given (got '" + precision + "')");
        }
        boolean f32 = float32 || given == Precision.FLOAT32;
        Precision p = f32 || kind == StimulusNetwork.Kind.BINARY_SYNC ? Precision.FLOAT32 : Precision.FLOAT64;
        if (kind == StimulusNetwork.Kind.MATCHED_RATE && "matched".equals(outputNoise)) {
            StimulusNetwork binary = new StimulusNetwork(StimulusNetwork.Kind.GLAUBER, n, g, j0, theta, input, null, thresholdNoise, 0.0,
                    tau, tau, p);
            return MatchedRate.of(binary, s, step);
        }
        double a;
        try {
            a = "matched".equals(outputNoise) ? 0.0 : Double.parseDouble(outputNoise);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--output-noise must be a number >= 0 or 'matched' (got '" + outputNoise + "')");
        }
        return new StimulusNetwork(kind, n, g, j0, theta, input, f, thresholdNoise, a, tau, step, p);
    }
}
