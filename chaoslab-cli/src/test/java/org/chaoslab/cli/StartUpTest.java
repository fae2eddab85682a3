package org.chaoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The start-up shortcuts change nothing a user sees: a run builds only the part of the command tree it names, with the
 * same usage pages, errors and suggestions as the whole tree; the training run of the start-up cache succeeds.
 */
class StartUpTest {

    private static String[] run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void thePartialTreeAnswersAsTheWholeTree() {
        String[][] cases = {
                {"--version"},
                {"-V"},
                {"simulate", "--help"},
                {"simulate", "rate", "--help"},
                {"simulate", "rat"},                                 // a typo below the top level: suggestions
                {"simulate", "rate", "--nn", "5"},                   // an unknown option
                {"simulate", "rate", "--n", "0"},                    // a bad value
                {"dmft", "scs", "--help"},
                {"kernel", "--help"},
                {"list", "phi"},
                {"simulat"},                                         // an unknown command
        };
        for (String[] args : cases) {
            String[] partial = run(Main.commandLine(args), args);
            String[] whole = run(Main.commandLine(), args);
            assertThat(partial).as(String.join(" ", args)).containsExactly(whole);
        }
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        assertThat(Main.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
        assertThat(Main.commandLine(new String[] {"simulate", "rate"}).getSubcommands()).containsOnlyKeys("simulate");
        // help, completion, an unknown command (for its suggestions) and no command at all need the whole tree
        int all = Main.commandLine().getSubcommands().size();
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "simulate"}, {"generate-completion"}, {"simulat"}}) {
            assertThat(Main.commandLine(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }

    @Test
    void theStartupTrainingRuns(@TempDir Path dir) throws Exception {
        assertThat(StartupTraining.run(dir)).isZero();
        assertThat(Files.exists(dir.resolve("rate").resolve("summary.json"))).isTrue();
    }
}
