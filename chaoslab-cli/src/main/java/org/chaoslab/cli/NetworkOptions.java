package org.chaoslab.cli;

import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import picocli.CommandLine.Option;

/** Options that describe a rate network (shared by simulate, dmft, compare). */
public final class NetworkOptions {

    @Option(names = "--n", description = "Number of units N (>= 1; ignored by the N -> infinity theory). Default: ${DEFAULT-VALUE}.",
            defaultValue = "2000")
    int n;

    @Option(names = "--g", description = "Coupling gain g: Var J_ij = g^2/N (finite, >= 0). Default: ${DEFAULT-VALUE}.",
            defaultValue = "2.0")
    double g;

    @Option(names = "--phi", description = "Transfer function: linear, tanh, erf (erf(sqrt(pi) x/2)), relu, "
            + "threshold-linear:THETA, sigmoid (1/(1+e^-x)), custom:BASE:GAIN:OFFSET. Default: ${DEFAULT-VALUE}.",
            defaultValue = "tanh")
    String phi;

    @Option(names = "--j0", description = "Mean coupling J0: E J_ij = J0/N. Default: ${DEFAULT-VALUE}.", defaultValue = "0.0")
    double j0;

    @Option(names = "--eta", description = "Coupling symmetry eta = corr(J_ij, J_ji) in [-1, 1]. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.0")
    double eta;

    @Option(names = "--zero-diagonal", description = "Set J_ii = 0.")
    boolean zeroDiagonal;

    @Option(names = "--input", description = "Constant external input I to every unit. Default: ${DEFAULT-VALUE}.",
            defaultValue = "0.0")
    double input;

    @Option(names = "--noise", description = "Noise input: none, white:SIGMA (<xi xi> = SIGMA^2 delta), ou:SIGMA:TAU "
            + "(tau_n eta' = -eta + SIGMA xi), quenched:SIGMA (frozen N(0, SIGMA^2) input per unit and trial). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "none")
    String noise;

    @Option(names = "--float32", description = "Store J in float32 (half the memory traffic; state stays float64).")
    boolean float32;

    /** The described network; validation errors name the parameter. */
    RateNetwork network() {
        if (!Double.isFinite(g) || g < 0) {
            throw new IllegalArgumentException("--g must be finite and >= 0 (got " + g + ")");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--n must be >= 1 (got " + n + ")");
        }
        Couplings c = new Couplings(g, j0, eta, zeroDiagonal, float32 ? Precision.FLOAT32 : Precision.FLOAT64);
        Noise xi = Noise.parse(noise == null ? "none" : noise);
        return new RateNetwork(n, c, TransferFunctions.parse(phi), new ExternalInput.Constant(input).withNoise(xi));
    }
}
