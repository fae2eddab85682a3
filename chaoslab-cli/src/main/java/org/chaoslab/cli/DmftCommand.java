package org.chaoslab.cli;

import org.chaoslab.cli.rate.DmftPopulationsCommand;
import org.chaoslab.cli.rate.DmftScsCommand;
import org.chaoslab.cli.rate.DmftTransitionCommand;
import picocli.CommandLine.Command;

/** {@code chaoslab dmft MODEL}. */
@Command(name = "dmft", mixinStandardHelpOptions = true, description = "Solve the mean-field theory (N -> infinity).",
        subcommands = {DmftScsCommand.class, DmftTransitionCommand.class, DmftPopulationsCommand.class})
final class DmftCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
