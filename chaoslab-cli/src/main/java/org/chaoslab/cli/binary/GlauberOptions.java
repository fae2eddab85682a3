package org.chaoslab.cli.binary;

import org.chaoslab.model.GlauberNetwork;
import picocli.CommandLine.Option;

/** Options describing a Glauber binary network with Gaussian couplings. */
final class GlauberOptions {

    @Option(names = "--n", description = "Units N. Default: ${DEFAULT-VALUE}.", defaultValue = "2000")
    int n;

    @Option(names = {"--j0", "--jbar"}, description = "Mean coupling J0 (J_ij has mean J0/N; --jbar is the old name). Default: ${DEFAULT-VALUE}.", defaultValue = "-2")
    double jBar;

    @Option(names = "--g", description = "Coupling gain g (J_ij has SD g/sqrt(N)). Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    double g;

    @Option(names = "--input", description = "Constant external input x. Default: ${DEFAULT-VALUE}.", defaultValue = "0.5")
    double input;

    @Option(names = "--theta", description = "Threshold. Default: ${DEFAULT-VALUE}.", defaultValue = "0")
    double theta;

    @Option(names = {"--threshold-noise", "--noise"}, description = "Gaussian threshold-noise SD sigma (0: Heaviside; > 0: erfc gain; --noise is the old name). Default: ${DEFAULT-VALUE}.",
            defaultValue = "0")
    double noise;

    @Option(names = "--tau", description = "Mean update interval. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    double tau;

    GlauberNetwork network() {
        return new GlauberNetwork(n, jBar, g, input, theta, noise, tau);
    }
}
