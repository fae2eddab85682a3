package org.chaoslab.cli;

import java.util.List;

import org.chaoslab.cli.correlations.CorrelationsCommand;
import org.chaoslab.cli.deep.DeepnetCommand;
import org.chaoslab.cli.kernel.KernelCommand;
import org.chaoslab.cli.rate.LyapunovCommand;
import org.chaoslab.cli.rate.LyapunovSweepCommand;
import org.chaoslab.cli.report.ReportCommand;
import org.chaoslab.cli.sweep.SweepCommand;
import picocli.CommandLine.Command;

/**
 * The top-level command. Its subcommands are {@link #SUBCOMMANDS}, added by {@link Main#commandLine()} (all of them)
 * or {@link Main#commandLine(String[])} (the one a run names) rather than declared here: picocli builds the model of
 * every declared command by reflection at start-up, ~100 classes, which cost more than the JVM's own start.
 */
@Command(name = "chaoslab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Random neural networks: fast simulation and mean-field theory side by side.",
                "Convention: dx/dt = -x + J phi(x) + I, J_ij ~ N(J0/N, g^2/N), tau = 1 (SCS 1988 with x = g h)."})
public final class ChaoslabCommand implements Runnable {

    /** The top-level commands, in the order of the usage page. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ReportCommand.class, DemoCommand.class, SimulateCommand.class, DmftCommand.class,
            CompareCommand.class, LyapunovCommand.class, LyapunovSweepCommand.class, MeanfieldCommand.class,
            CorrelationsCommand.class, DeepnetCommand.class, KernelCommand.class, SweepCommand.class, BenchCommand.class, ListCommand.class,
            picocli.AutoComplete.GenerateCompletion.class, HelpCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
