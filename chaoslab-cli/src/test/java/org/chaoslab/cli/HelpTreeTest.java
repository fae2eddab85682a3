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

    /**
     * Picocli starts every element of a description on a new line and wraps each to the terminal's width, so an element
     * that ends mid-sentence left a ragged remnant line ("... autocorrelations with lag axis," / "final state) and
     * ..."). Every element of every command's and option's description is a whole paragraph: it ends with . : ; ! ? or
     * ), and one that ends with ; is followed by a new item (an option name, a capital, an indented list item), not the
     * rest of its sentence.
     */
    @Test
    void everyDescriptionLineIsAWholeParagraph() {
        List<String> ragged = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine cl : all) {
            var spec = cl.getCommandSpec();
            check(spec.qualifiedName() + " (command)", spec.usageMessage().description(), ragged);
            for (var option : spec.options()) {
                check(spec.qualifiedName() + " " + option.longestName(), option.description(), ragged);
            }
            for (var positional : spec.positionalParameters()) {
                check(spec.qualifiedName() + " " + positional.paramLabel(), positional.description(), ragged);
            }
        }
        assertThat(all).hasSizeGreaterThan(30);
        assertThat(ragged).as("description elements that end mid-sentence").isEmpty();
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!out.contains(sub)) {
                collect(sub, out);
            }
        }
    }

    private static void check(String where, String[] lines, List<String> ragged) {
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String next = lines[i + 1];
            boolean ends = line.isEmpty() || line.endsWith("%n") || ".:!?)".indexOf(line.charAt(line.length() - 1)) >= 0
                    || line.endsWith(";") && !(next.length() > 0 && Character.isLowerCase(next.charAt(0)));
            if (!ends) {
                ragged.add(where + ": ..." + line.substring(Math.max(0, line.length() - 40)));
            }
        }
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
