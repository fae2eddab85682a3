package org.chaoslab.cli.kernel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code chaoslab kernel ...}: stimulus-response kernels and chaotic regularization (Bauer, Keup, Kadmon &amp; Helias 2026).
 * A noun group, as {@code deepnet} is: its verbs (theory, simulate, spectrum, learning-curve) act on one object;
 * the theory-vs-simulation command is {@code compare kernel}, beside the other comparisons.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = {"Stimulus-response kernels of random networks: two-replica theory, batched simulation of responses, "
                + "spectra (PCA, cross-validated PCA) and learning curves of linear readouts. Theory beside simulation:",
                "'chaoslab compare kernel'."},
        subcommands = {KernelTheoryCommand.class, KernelSimulateCommand.class, KernelSpectrumCommand.class,
                KernelLearningCurveCommand.class, KernelRegularizationCommand.class})
public final class KernelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
