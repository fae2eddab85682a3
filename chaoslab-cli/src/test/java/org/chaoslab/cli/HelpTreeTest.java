package org.chaoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of the tree answers --help and 'help PATH' with its usage page; summaries end on a full sentence. */
class HelpTreeTest {

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden() || e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            walk(e.getValue(), p, out);
        }
    }

    @Test
    void everyCommandHasHelpAtEveryDepth() {
        List<List<String>> paths = new ArrayList<>();
        walk(Main.commandLine(), List.of(), paths);
        assertThat(paths).hasSizeGreaterThan(30);
        for (List<String> p : paths) {
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: chaoslab " + String.join(" ", p));
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(p);
            CliRunner.Result h = CliRunner.run(help.toArray(String[]::new));
            assertThat(h.out()).as(String.join(" ", help)).contains("Usage: chaoslab " + String.join(" ", p));
            String header = String.join(" ", Main.commandLine().getCommandSpec().subcommands().isEmpty() ? new String[0]
                    : find(Main.commandLine(), p).getCommandSpec().usageMessage().header());
            assertThat(header).as("summary of %s", p).isNotBlank();
        }
    }

    private static CommandLine find(CommandLine root, List<String> path) {
        CommandLine c = root;
        for (String s : path) {
            c = c.getSubcommands().get(s);
        }
        return c;
    }

    @Test
    void listAndCompletionAndBench() {
        assertThat(CliRunner.run("list", "phi").out()).contains("threshold-linear:THETA");
        assertThat(CliRunner.run("list", "stimuli").out()).contains("torus:D:K");
        assertThat(CliRunner.run("list", "bogus").code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(CliRunner.run("generate-completion").out()).contains("complete");
        CliRunner.Result bench = CliRunner.run("bench");
        assertThat(bench.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bench.err()).contains("./chaoslab bench");
    }
}
