package org.chaoslab.cli;

import picocli.CommandLine.Command;

/** {@code chaoslab compare MODEL}. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Theory beside simulation, with error bars.",
        subcommands = {CompareScsCommand.class, CompareBalancedCommand.class, CompareGlauberCommand.class,
                CompareCorrelationsCommand.class, org.chaoslab.cli.kernel.CompareKernelCommand.class})
final class CompareCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
