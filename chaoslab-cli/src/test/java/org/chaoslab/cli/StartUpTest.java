package org.chaoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

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

    /**
     * The build step that rewrites picocli's Java 5 classes (version 49, which the start-up cache skips) as version 52
     * with stack maps: run on picocli's own jar, every class comes out at version 52 or later and passes the JVM's
     * verifier (each is loaded and initialized from the rewritten jar in a loader of its own), and a command parses.
     */
    @Test
    void oldClassesAreRewrittenWithStackMapsThatVerify(@TempDir Path dir) throws Exception {
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("picocli.jar");
        Files.copy(original, jar);
        assertThat(classVersions(jar)).as("picocli as published").contains(49);
        Path program = Path.of(System.getProperty("user.dir"), "src", "build", "UpgradeOldClasses.java");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), program.toString(),
                jar.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).isEmpty();
        assertThat(classVersions(jar)).containsOnly(52);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             ZipFile zip = new ZipFile(jar.toFile())) {
            for (var e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), true, loader);   // verified here
                }
            }
            // and it works: picocli's own model of a command class of its own (version 52 now), parsed from arguments
            Class<?> cl = Class.forName("picocli.CommandLine", true, loader);
            Class<?> completion = Class.forName("picocli.AutoComplete$GenerateCompletion", true, loader);
            Object command = cl.getConstructor(Object.class).newInstance(completion.getConstructor().newInstance());
            Object parsed = cl.getMethod("parseArgs", String[].class).invoke(command, (Object) new String[] {"--help"});
            assertThat(parsed.getClass().getMethod("isUsageHelpRequested").invoke(parsed)).isEqualTo(true);
        }
    }

    /** The major versions of the class files in a jar. */
    private static Set<Integer> classVersions(Path jar) throws IOException {
        Set<Integer> versions = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var e : Collections.list(zip.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    byte[] head = zip.getInputStream(e).readNBytes(8);
                    versions.add(((head[6] & 0xff) << 8) | (head[7] & 0xff));
                }
            }
        }
        return versions;
    }

    @Test
    void theStartupTrainingRuns(@TempDir Path dir) throws Exception {
        assertThat(StartupTraining.run(dir)).isZero();
        assertThat(Files.exists(dir.resolve("rate").resolve("summary.json"))).isTrue();
    }
}
