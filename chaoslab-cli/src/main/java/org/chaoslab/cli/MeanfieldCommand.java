package org.chaoslab.cli;

import org.chaoslab.cli.binary.MeanfieldBalancedCommand;
import org.chaoslab.cli.binary.MeanfieldGlauberCommand;
import picocli.CommandLine.Command;

/** {@code chaoslab meanfield}: mean-field theories of binary networks. */
@Command(name = "meanfield", mixinStandardHelpOptions = true,
        description = "Mean-field theory of binary networks (see the subcommands).",
        subcommands = {MeanfieldBalancedCommand.class, MeanfieldGlauberCommand.class})
public final class MeanfieldCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
