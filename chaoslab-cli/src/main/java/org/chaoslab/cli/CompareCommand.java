package org.chaoslab.cli;

import org.chaoslab.cli.binary.CompareBalancedCommand;
import org.chaoslab.cli.binary.CompareGlauberCommand;
import org.chaoslab.cli.correlations.CompareCorrelationsCommand;
import org.chaoslab.cli.kernel.CompareKernelCommand;
import org.chaoslab.cli.rate.CompareScsCommand;
import org.chaoslab.cli.rate.ComparePopulationsCommand;
import picocli.CommandLine.Command;

/** {@code chaoslab compare MODEL}. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Theory beside simulation, with error bars.",
        subcommands = {CompareScsCommand.class, ComparePopulationsCommand.class, CompareBalancedCommand.class, CompareGlauberCommand.class,
                CompareCorrelationsCommand.class, CompareKernelCommand.class})
final class CompareCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
