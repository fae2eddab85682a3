package org.chaoslab.cli.correlations;

import picocli.CommandLine.Command;

/** {@code chaoslab correlations theory|simulate}: statistics of covariances in noise-driven networks. */
@Command(name = "correlations", mixinStandardHelpOptions = true,
        description = "Statistics of pairwise covariances of noise-driven networks: closed forms and simulation.",
        subcommands = {CorrelationsTheoryCommand.class, CorrelationsSimulateCommand.class})
public final class CorrelationsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
