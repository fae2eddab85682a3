package org.chaoslab.cli.deep;

import picocli.CommandLine.Command;

/**
 * {@code chaoslab deepnet VERB}: random deep feed-forward networks (Poole et al. 2016; Schoenholz et al. 2017).
 * Registered in {@link org.chaoslab.cli.ChaoslabCommand}'s subcommands.
 */
@Command(name = "deepnet", mixinStandardHelpOptions = true,
        description = {"Random deep feed-forward networks: h^l = W^l phi(h^(l-1)) + b^l, W_ij ~ N(0, sigma_w^2/N), b_i ~ N(0, sigma_b^2)",
                "(Poole et al. 2016; Schoenholz et al. 2017). Signal-propagation theory (length and correlation maps, chi1, "
                + "depth scales, order-chaos boundary, manifold curvature) beside finite-width simulation.",
                "sigma_w^2 and sigma_b^2 are variances (published code often quotes sigma_w, sigma_b as standard deviations)."},
        subcommands = {DeepMapsCommand.class, DeepBoundaryCommand.class, DeepPhaseDiagramCommand.class,
                DeepSimulateCommand.class, DeepCompareCommand.class})
public final class DeepnetCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
