package org.chaoslab.cli.explore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.chaoslab.cli.ChaoslabCommand;
import org.chaoslab.cli.common.OutputDirectory;
import org.chaoslab.cli.common.RunSummary;
import picocli.CommandLine;

/**
 * What every view's export shares: the view's data written as a command's output directory ({@link OutputDirectory},
 * its files recorded, summary.json last) in a temporary directory, zipped for the browser and removed; and the summary
 * of a view as the summary of a command {@code explore VIEW} whose options are the view's form, parsed from the values
 * it ran with (so summary.json's parameters are the CLI's, defaults included, and its metadata the CLI's: chaoslab
 * version, JVM, BLAS backend).
 */
final class Exports {

    private Exports() {
    }

    /** Writes a view's files into an output directory. */
    @FunctionalInterface
    interface Writer {
        void write(OutputDirectory dir) throws IOException;
    }

    /**
     * The zip of an output directory named {@code explore-VIEW}: the files {@code writer} writes, then the summary.
     *
     * @param view    the view's name (the directory is explore-VIEW, the zip chaoslab-explore-VIEW.zip)
     * @param writer  writes the data and figures
     * @param summary the summary (written last, with the files)
     */
    static ExploreView.Export zip(String view, Writer writer, RunSummary.Builder summary) throws IOException {
        Path tmp = Files.createTempDirectory("chaoslab-explore-");
        String name = "explore-" + view;
        try {
            Path target = tmp.resolve(name);
            try (OutputDirectory dir = OutputDirectory.prepare(target, false)) {
                writer.write(dir);
                summary.writeTo(dir);
                dir.commit();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(target)) {
                for (Path f : files.sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(name + "/" + f.getFileName()));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            return new ExploreView.Export("chaoslab-" + name + ".zip", bytes.toByteArray());
        } finally {
            OutputDirectory.deleteTree(tmp);
        }
    }

    /**
     * The summary builder of {@code explore VIEW}: {@code form} (a fresh instance of the view's picocli form) parsed
     * from {@code values} (the parameters the view ran with, as parsed), as a subcommand {@code VIEW} of
     * {@code explore} of {@code chaoslab}.
     */
    static RunSummary.Builder summary(String view, Object form, Map<String, Object> values, int threads) {
        CommandLine cl = new CommandLine(form);
        cl.parseArgs(argv(values));
        CommandLine root = new CommandLine(new ChaoslabCommand());
        CommandLine explore = new CommandLine(new ExploreCommand());
        root.addSubcommand("explore", explore);
        explore.addSubcommand(view, cl);
        return RunSummary.builder(cl.getCommandSpec(), threads);
    }

    /** A record's components by name (a result of the core, for summary.json's results). */
    static Map<String, Object> components(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : r.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return m;
    }

    private static String[] argv(Map<String, Object> values) {
        List<String> args = new ArrayList<>();
        for (var e : values.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            args.add("--" + e.getKey());
            args.add(e.getValue() instanceof double[] d ? join(d) : String.valueOf(e.getValue()));
        }
        return args.toArray(new String[0]);
    }

    private static String join(double[] d) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            b.append(i == 0 ? "" : ",").append(d[i]);
        }
        return b.toString();
    }
}
