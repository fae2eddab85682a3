package org.chaoslab.cli;

import org.chaoslab.cli.binary.SimulateBalancedCommand;
import org.chaoslab.cli.binary.SimulateGlauberCommand;
import org.chaoslab.cli.rate.SimulateRateCommand;
import org.chaoslab.cli.rate.SimulatePopulationsCommand;
import picocli.CommandLine.Command;

/** {@code chaoslab simulate MODEL}. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Simulate a finite network.",
        subcommands = {SimulateRateCommand.class, SimulatePopulationsCommand.class, SimulateBalancedCommand.class, SimulateGlauberCommand.class})
final class SimulateCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
