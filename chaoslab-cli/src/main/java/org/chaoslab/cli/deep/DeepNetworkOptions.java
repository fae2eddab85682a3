package org.chaoslab.cli.deep;

import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.TransferFunctions;
import picocli.CommandLine.Option;

/** Options that describe a random deep network (shared by the deepnet verbs). */
public final class DeepNetworkOptions {

    @Option(names = "--phi", description = "Transfer function: linear, tanh, erf (erf(sqrt(pi) x/2)), relu, "
            + "threshold-linear:THETA, sigmoid, custom:BASE:GAIN:OFFSET. Default: ${DEFAULT-VALUE}.", defaultValue = "tanh")
    String phi;

    @Option(names = "--sigma-w2", description = "Weight variance sigma_w^2: W_ij ~ N(0, sigma_w^2/N) (> 0). Default: ${DEFAULT-VALUE}.",
            defaultValue = "2.0")
    double sigmaW2;

    @Option(names = "--sigma-b2", description = "Bias variance sigma_b^2 (>= 0). Default: ${DEFAULT-VALUE}.", defaultValue = "0.05")
    double sigmaB2;

    @Option(names = "--keep", description = "Dropout keep probability rho in (0, 1]; 1 = no dropout. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1.0")
    double keep;

    @Option(names = "--width", description = "Width N of every layer (>= 1; the theory uses it only for lengths). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1000")
    int width;

    @Option(names = "--depth", description = "Depth L, the number of layers (>= 1). Default: ${DEFAULT-VALUE}.", defaultValue = "40")
    int depth;

    /** The described network; validation errors name the parameter. */
    public DeepNetwork network() {
        return new DeepNetwork(width, depth, TransferFunctions.parse(phi), sigmaW2, sigmaB2, keep);
    }

    /**
     * Refuses, before allocation, a simulated width whose weight matrix (width^2 doubles, one per layer sampler) does
     * not fit one Java array or the heap, together with the activations of the probe inputs.
     */
    public void checkSimulation(int inputs) {
        org.chaoslab.cli.common.Resources.denseSize("--width", width);
        double w = width;
        double bytes = 8.0 * w * w * 2 + 8.0 * w * inputs * 4;
        org.chaoslab.cli.common.Resources.require("--width", width, "the weight matrices (width^2 doubles) and the "
                + "activations of the probe inputs", bytes);
    }
}
