package org.chaoslab.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chaoslab help [COMMAND [SUBCOMMAND ...]]}: the usage page of any command of the tree, e.g. {@code help simulate rate}. */
@Command(name = "help", description = "The usage page of a command, at any depth (e.g. 'chaoslab help simulate rate').",
        helpCommand = true)
final class HelpCommand implements Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command path, e.g. simulate rate.")
    List<String> path;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        if (path != null) {
            for (String name : path) {
                CommandLine next = target.getSubcommands().get(name);
                if (next == null) {
                    throw new IllegalArgumentException("help: no command '" + String.join(" ", path) + "' (see 'chaoslab --help')");
                }
                target = next;
            }
        }
        target.usage(spec.commandLine().getOut());
    }
}
