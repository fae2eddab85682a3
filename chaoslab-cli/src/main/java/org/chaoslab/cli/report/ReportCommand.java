package org.chaoslab.cli.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.chaoslab.cli.Main;
import org.chaoslab.cli.Version;
import org.chaoslab.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chaoslab report}: theory against simulation for every model family on built-in defaults, as one HTML page
 * with its figures and a summary table of every comparison ({@link ReportCatalogue}, {@link ReportHtml}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = {"Theory against simulation for every model family, as one HTML report: "
        + "the figures of the references (rate network, noise and correlations, populations, balanced, Glauber, deep networks, "
        + "stimulus kernels) and a summary table of every comparison with its deviation, error bar, tolerance and "
        + "pass/fail. Writes DIR/index.html (self-contained) and each run's directory under DIR/runs with its data "
        + "(.npy/.csv) and figures (PNG/SVG).",
        "Runs are cached by their command line (parameters and seeds): rerunning redoes only what changed (--force: all). "
                + "Exit code 3 when a comparison deviates or a run fails."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/report",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quick", description = "Quick sizes, a few minutes on 2 cores (the default).")
    boolean quick;

    @Option(names = "--full", description = "Paper-scale sizes (N = 2000-16000, more realizations; tens of minutes).")
    boolean full;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Only these sections: rate, correlations, populations, balanced, glauber, deep, kernel. Default: all.")
    List<String> only;

    @Option(names = "--force", description = "Redo every run (default: reuse runs whose command line is unchanged).")
    boolean force;

    /** DIR is new, empty, or an earlier report (index.html or runs/): never a directory chaoslab did not write. */
    private static void checkDirectory(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
            }
            try (var s = java.nio.file.Files.list(dir)) {
                if (s.findAny().isPresent() && !java.nio.file.Files.exists(dir.resolve("index.html"))
                        && !java.nio.file.Files.isDirectory(dir.resolve("runs"))) {
                    throw new IllegalArgumentException("--out " + dir + " is not empty and holds no chaoslab report: choose another directory");
                }
            }
        }
        org.chaoslab.cli.common.OutputDirectory.check(dir.resolve("runs").resolve(".probe"), true);
    }

    @Override
    public Integer call() throws Exception {
        if (quick && full) {
            throw new IllegalArgumentException("--quick and --full exclude each other");
        }
        if (only != null) {
            for (String s : only) {
                if (!ReportCatalogue.SECTIONS.contains(s)) {
                    throw new IllegalArgumentException("--only must name sections among " + ReportCatalogue.SECTIONS + " (got " + s + ")");
                }
            }
        }
        Path dir = out.toAbsolutePath().normalize();
        checkDirectory(dir);
        PrintWriter err = spec.commandLine().getErr();
        List<ReportSection> sections = ReportCatalogue.sections(full).stream()
                .filter(s -> only == null || only.contains(s.id())).toList();
        ReportRunner runner = new ReportRunner(dir, force);
        List<ReportOutcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        int index = 0;
        for (ReportSection s : sections) {
            index++;
            err.println(String.format(Locale.ROOT, "chaoslab: report [%d/%d] %s (%d runs)", index, sections.size(), s.title(), s.runs().size()));
            err.flush();
            for (ReportRun r : s.runs()) {
                ReportOutcome o = runner.run(s, r);
                outcomes.add(o);
                err.println(String.format(Locale.ROOT, "  %-18s %6.1f s%s  %s", r.id(), o.seconds(), o.cached() ? " (cached)" : "",
                        o.exitCode() != 0 ? "FAILED: " + o.message()
                                : o.verdicts().isEmpty() ? "figures" : o.verdicts().stream().filter(v -> v.agrees()).count()
                                + "/" + o.verdicts().size() + " comparisons agree"));
                err.flush();
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        double runSeconds = outcomes.stream().mapToDouble(ReportOutcome::seconds).sum();
        long cached = outcomes.stream().filter(ReportOutcome::cached).count();
        String header = String.format(Locale.ROOT, "chaoslab %s, %s sizes, %s; %d sections, %d runs taking %.0f s in all "
                        + "(%d reused from an earlier report; this report %.0f s) on %d cores, Java %s.", Version.current(),
                full ? "full" : "quick", java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0),
                sections.size(), outcomes.size(), runSeconds, cached, seconds, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        AtomicFiles.writeString(dir.resolve("index.html"), ReportHtml.render(outcomes, dir, header));
        long failedVerdicts = outcomes.stream().flatMap(o -> o.verdicts().stream()).filter(v -> !v.agrees()).count();
        long failedRuns = outcomes.stream().filter(o -> o.exitCode() != 0).count();
        long comparisons = outcomes.stream().mapToLong(o -> o.verdicts().size()).sum();
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%d comparisons in %d runs: %s; wrote %s",
                comparisons, outcomes.size(), failedVerdicts + failedRuns == 0 ? "all agree"
                        : failedVerdicts + " deviate, " + failedRuns + " runs failed", dir.resolve("index.html")));
        return failedVerdicts + failedRuns == 0 ? 0 : Main.EXIT_DIVERGED;
    }
}
