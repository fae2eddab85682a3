package org.chaoslab.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "chaoslab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Random neural networks: fast simulation and mean-field theory side by side.",
                "Convention: dx/dt = -x + J phi(x) + I, J_ij ~ N(J0/N, g^2/N), tau = 1 (SCS 1988 with x = g h)."},
        subcommands = {DemoCommand.class, SimulateCommand.class, DmftCommand.class, CompareCommand.class, LyapunovCommand.class, LyapunovSweepCommand.class, MeanfieldCommand.class, CorrelationsCommand.class, DeepnetCommand.class, org.chaoslab.cli.kernel.KernelCommand.class,
                BenchCommand.class, ListCommand.class, picocli.AutoComplete.GenerateCompletion.class, HelpCommand.class})
public final class ChaoslabCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
