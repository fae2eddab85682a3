package org.chaoslab.cli.rate;

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

    @Option(names = "--precision", description = "Storage of J: f64 (8 bytes per coupling), f32 (4), bf16 (bfloat16, 2: "
            + "dense N = 50000 in 5 GB; rounded to nearest-even from the float64 draw, widened to float32 in the product). "
            + "The same seed gives the same network in each, up to the rounding of each coupling; the state stays float64 "
            + "(docs/dense-large.md). Default: f64.")
    String precision;

    @Option(names = "--float32", description = "Store J in float32: the same as --precision f32.")
    boolean float32;

    /** The storage precision of {@code --precision} (and {@code --float32}); refused in one line when they contradict. */
    public Precision precision() {
        Precision p = precision == null ? (float32 ? Precision.FLOAT32 : Precision.FLOAT64)
                : Precision.parse("--precision", precision);
        if (float32 && p != Precision.FLOAT32) {
            throw new IllegalArgumentException("--precision must be f32 when --float32 is given (got '" + precision + "')");
        }
        return p;
    }

    /** The described network; validation errors name the parameter. */
    public RateNetwork network() {
        if (!Double.isFinite(g) || g < 0) {
            throw new IllegalArgumentException("--g must be finite and >= 0 (got " + g + ")");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--n must be >= 1 (got " + n + ")");
        }
        Couplings c = new Couplings(g, j0, eta, zeroDiagonal, precision());
        Noise xi = Noise.parse(noise == null ? "none" : noise);
        return new RateNetwork(n, c, TransferFunctions.parse(phi), new ExternalInput.Constant(input).withNoise(xi));
    }

    /** The largest g and noise amplitude the DMFT commands accept (variances up to about 1e4). */
    public static final double THEORY_MAX = 100.0;

    /**
     * The network for the DMFT commands (N -> infinity theory): as {@link #network()}, and refused in one line where
     * the theory here does not apply or is not validated. The DMFT is that of independent J_ij and J_ji (eta = 0);
     * its Gaussian expectations are validated for variances of x up to about 1e4 (g and noise amplitudes up to 100);
     * beyond, phi varies on a scale far below the width of the Gaussian and the adaptive quadrature slows to minutes
     * and loses the sign of the DMFT's energy residual (so a bounded phi would be reported as diverging).
     */
    public RateNetwork theoryNetwork() {
        RateNetwork net = network();
        if (eta != 0.0) {
            throw new IllegalArgumentException("--eta must be 0 for the mean-field theory (it treats J_ij and J_ji as "
                    + "independent; partially symmetric couplings are not solved here; got " + eta + "); "
                    + "'simulate rate --eta' simulates them");
        }
        if (g > THEORY_MAX) {
            throw new IllegalArgumentException("--g must be in [0, " + THEORY_MAX + "] for the mean-field theory (the variance of x "
                    + "grows like g^2, beyond the range where its Gaussian quadrature is validated; got " + g + ")");
        }
        double sigma = net.input().noise().sigma();
        if (!(sigma <= THEORY_MAX)) {
            throw new IllegalArgumentException("--noise amplitude SIGMA must be in [0, " + THEORY_MAX + "] for the mean-field "
                    + "theory (variances beyond about 1e4 are outside its validated quadrature; got " + sigma + ")");
        }
        if (!(Math.abs(input) <= THEORY_MAX) || !(Math.abs(j0) <= THEORY_MAX)) {
            throw new IllegalArgumentException("--input and --j0 must be in [-" + THEORY_MAX + ", " + THEORY_MAX
                    + "] for the mean-field theory (got input " + input + ", j0 " + j0 + ")");
        }
        return net;
    }
}
